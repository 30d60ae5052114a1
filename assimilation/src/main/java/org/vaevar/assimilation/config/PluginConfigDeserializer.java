package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin section {@code {"name": ..., every other key a parameter}}: the parameters stay a free map, in their
 * written order and Java types, for the plugin's own {@code ParameterSpec} to check.
 */
final class PluginConfigDeserializer extends JsonDeserializer<PluginConfig> {

    @Override
    public PluginConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Object raw = StrictValues.raw(p, ctxt);
        if (!(raw instanceof Map<?, ?> section)) {
            throw Refused.value(raw, "must be an object");
        }
        Object name = section.get("name");
        if (name == null || name.toString().isBlank()) {
            throw Refused.field("name", "is missing");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        section.forEach((k, v) -> parameters.put(k.toString(), v));
        parameters.remove("name");
        return new PluginConfig(name.toString(), parameters);
    }
}
