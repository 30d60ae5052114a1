package org.vaevar.assimilation.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of one JSON object of a configuration, remembering its dotted path so every error names the
 * field ("observations.noise = -1: must be positive"). Tracks which keys were read so that {@link #refuseUnknown}
 * can reject a misspelt field with the list of known ones.
 */
final class ConfigNode {

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigNode(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    String text(String key, String fallback) {
        Object v = raw(key);
        return v == null ? fallback : v.toString();
    }

    String requiredText(String key) {
        Object v = raw(key);
        if (v == null || v.toString().isBlank()) {
            throw new ConfigException(path(key) + " is missing");
        }
        return v.toString();
    }

    long integer(String key, long fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        java.math.BigDecimal exact;
        try {
            exact = v instanceof Number n ? new java.math.BigDecimal(n.toString()) : new java.math.BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(path(key) + " = " + v + ": must be an integer");
        }
        if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
            throw new ConfigException(path(key) + " = " + v + ": must be an integer");
        }
        // A double beyond 2^53 is not exactly the integer it was written as; beyond 2^63 it does not fit at all.
        if (v instanceof Double && exact.abs().compareTo(java.math.BigDecimal.valueOf(1L << 53)) > 0
                || exact.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ConfigException(path(key) + " = " + v + ": too large: " + (v instanceof Double
                    ? "an integer written with an exponent must be at most 2^53 = " + (1L << 53) + " in magnitude"
                    + " (write larger ones in full digits, up to " + Long.MAX_VALUE + ")"
                    : "must be at most " + Long.MAX_VALUE + " in magnitude"));
        }
        return exact.longValueExact();
    }

    int integer(String key, int fallback, int min) {
        long v = integer(key, fallback);
        if (v > Integer.MAX_VALUE) {
            throw new ConfigException(path(key) + " = " + v + ": too large: must be at most " + Integer.MAX_VALUE);
        }
        if (v < min) {
            throw new ConfigException(path(key) + " = " + v + ": must be at least " + min);
        }
        return (int) v;
    }

    double real(String key, double fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(path(key) + " = " + v + ": must be a number");
        }
        if (!Double.isFinite(d)) {
            throw new ConfigException(path(key) + " = " + v + ": must be finite");
        }
        return d;
    }

    double positive(String key, double fallback) {
        double d = real(key, fallback);
        if (!(d > 0)) {
            throw new ConfigException(path(key) + " = " + d + ": must be positive");
        }
        return d;
    }

    List<Double> reals(String key, List<Double> fallback) {
        Object v = raw(key);
        if (v == null) {
            return fallback;
        }
        List<?> items = v instanceof List<?> l ? l : List.of(v.toString().replace("[", "").replace("]", "")
                .split("\\s*,\\s*"));
        List<Double> out = new ArrayList<>();
        for (Object item : items) {
            try {
                double d = item instanceof Number n ? n.doubleValue() : Double.parseDouble(item.toString().trim());
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                out.add(d);
            } catch (NumberFormatException e) {
                throw new ConfigException(path(key) + " = " + v + ": must be a list of finite numbers");
            }
        }
        return List.copyOf(out);
    }

    /** A nested object; {@code null} when absent. */
    @SuppressWarnings("unchecked")
    ConfigNode child(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ConfigException(path(key) + " = " + v + ": must be an object");
        }
        return new ConfigNode(path(key), (Map<String, Object>) m);
    }

    /** A plugin section: {"name": ..., every other key a parameter of that plugin}. */
    PluginConfig plugin(String key, PluginConfig fallback) {
        ConfigNode node = child(key);
        if (node == null) {
            return fallback;
        }
        String name = node.requiredText("name");
        Map<String, Object> parameters = new LinkedHashMap<>(node.values);
        parameters.remove("name");
        return new PluginConfig(name, parameters);
    }

    /** Refuses keys that no reader asked for. */
    void refuseUnknown() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException("unknown config field '" + path(key) + "'; known"
                        + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", known));
            }
        }
    }
}
