package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin chosen by name with its raw parameters (validated later by the plugin's own {@code ParameterSpec}).
 * In JSON: {@code {"name": "lorenz96", "n": 40, "forcing": 8}}; read by {@link PluginConfigDeserializer}.
 */
public record PluginConfig(String name, Map<String, Object> parameters) {

    public PluginConfig {
        if (name == null || name.isBlank()) {
            throw new ConfigException("plugin name is missing");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static PluginConfig of(String name, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("PluginConfig.of needs key/value pairs");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new PluginConfig(name, p);
    }

    /** A copy with one parameter set. */
    public PluginConfig with(String parameter, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put(parameter, value);
        return new PluginConfig(name, p);
    }

    /** As written in JSON: name first, then the parameters. */
    @JsonValue
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.putAll(parameters);
        return m;
    }
}
