package org.vaevar.api.plugin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Validated parameter values of one plugin (defaults filled in). Built by {@link ParameterSpec#bind}. */
public final class Parameters {

    private final String plugin;
    private final Map<String, Object> values;
    private final Set<String> given;

    Parameters(String plugin, Map<String, Object> values, Set<String> given) {
        this.plugin = plugin;
        this.values = Collections.unmodifiableMap(values);
        this.given = Set.copyOf(given);
    }

    /** True if the configuration gave this parameter (rather than its default filling in). */
    public boolean isGiven(String name) {
        return given.contains(name);
    }

    public String plugin() {
        return plugin;
    }

    /**
     * Refuses parameters bound by another plugin's spec (they would carry the wrong names and rules). Creating
     * through {@link PluginRegistry} always binds with the named provider's own spec; a provider still calls this
     * first in its factory method, because that method is public and a direct caller may hand it anything.
     *
     * @return these parameters, for chaining
     */
    public Parameters requireBoundFor(String expectedPlugin) {
        if (!expectedPlugin.equals(plugin)) {
            throw new IllegalArgumentException(expectedPlugin + " parameters: bound for '" + plugin
                    + "'; bind them with " + expectedPlugin + "'s own parameter spec");
        }
        return this;
    }

    public double real(String name) {
        return get(name, Double.class);
    }

    public int integer(String name) {
        return get(name, Integer.class);
    }

    public boolean flag(String name) {
        return get(name, Boolean.class);
    }

    public String text(String name) {
        return get(name, String.class);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> integers(String name) {
        return get(name, List.class);
    }

    /** An optional text parameter: empty when not given and without default. */
    public Optional<String> optionalText(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of((String) v);
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Integer>> optionalIntegers(String name) {
        return Optional.ofNullable((List<Integer>) values.get(name));
    }

    /** Every resolved value, in declaration order (for summaries and model files). */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T get(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException(plugin + "." + name + " has no value (undeclared or optional)");
        }
        return type.cast(v);
    }

    @Override
    public String toString() {
        return plugin + values;
    }
}
