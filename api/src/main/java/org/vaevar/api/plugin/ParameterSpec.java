package org.vaevar.api.plugin;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters a plugin accepts: binds raw configuration values to validated {@link Parameters}. */
public final class ParameterSpec {

    private final String plugin;
    private final Map<String, Parameter<?>> parameters = new LinkedHashMap<>();

    private ParameterSpec(String plugin, Parameter<?>... declared) {
        this.plugin = plugin;
        for (Parameter<?> p : declared) {
            if (parameters.put(p.name(), p) != null) {
                throw new IllegalArgumentException(plugin + ": parameter '" + p.name() + "' declared twice");
            }
        }
    }

    public static ParameterSpec of(String plugin, Parameter<?>... declared) {
        return new ParameterSpec(plugin, declared);
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
        return new Parameters(plugin, values, givenNames);
    }
}
