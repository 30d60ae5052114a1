package org.vaevar.api.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The parameters a plugin accepts: binds raw configuration values to validated {@link Parameters}. */
public final class ParameterSpec {

    private final String plugin;
    private final Map<String, Parameter<?>> parameters = new LinkedHashMap<>();
    private final List<Consumer<Parameters>> together;

    private ParameterSpec(String plugin, List<Consumer<Parameters>> together, Parameter<?>... declared) {
        this.plugin = plugin;
        this.together = List.copyOf(together);
        for (Parameter<?> p : declared) {
            if (parameters.put(p.name(), p) != null) {
                throw new IllegalArgumentException(plugin + ": parameter '" + p.name() + "' declared twice");
            }
        }
    }

    public static ParameterSpec of(String plugin, Parameter<?>... declared) {
        return new ParameterSpec(plugin, List.of(), declared);
    }

    /**
     * The same spec with a rule over several parameters, run by {@link #bind} after every value passed its own
     * rules, so that a combination no plugin instance could use is refused when the configuration is read rather
     * than when the plugin is built. The rule throws {@link InvalidParameterException} naming the parameter.
     */
    public ParameterSpec checkTogether(Consumer<Parameters> rule) {
        List<Consumer<Parameters>> more = new ArrayList<>(together);
        more.add(rule);
        return new ParameterSpec(plugin, more, parameters.values().toArray(Parameter<?>[]::new));
    }

    public String plugin() {
        return plugin;
    }

    public Collection<Parameter<?>> parameters() {
        return parameters.values();
    }

    /** All defaults (validated too: a default that breaks its own rule is a plugin bug, caught here). */
    public Parameters defaults() {
        return bind(Map.of());
    }

    /**
     * Validates {@code raw} (values from JSON or command-line strings) and fills in defaults. An unknown name is
     * refused with the list of known names; a value breaking a rule is refused naming parameter and value.
     */
    public Parameters bind(Map<String, ?> raw) {
        for (String key : raw.keySet()) {
            if (!parameters.containsKey(key)) {
                throw new InvalidParameterException(plugin, key,
                        "unknown parameter; known: " + String.join(", ", parameters.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> givenNames = new HashSet<>();
        for (Parameter<?> p : parameters.values()) {
            Object given = raw.get(p.name());
            if (given != null) {
                givenNames.add(p.name());
                values.put(p.name(), p.accept(plugin, given));
            } else if (p.defaultValue() != null) {
                values.put(p.name(), p.accept(plugin, p.defaultValue()));
            }
        }
        Parameters bound = new Parameters(plugin, values, givenNames);
        for (Consumer<Parameters> rule : together) {
            rule.accept(bound);
        }
        return bound;
    }
}
