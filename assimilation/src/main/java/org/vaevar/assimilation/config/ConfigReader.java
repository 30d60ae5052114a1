package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Reads an {@link ExperimentConfig} from JSON or YAML, applying {@code --set path=value} overrides first; Jackson binds
 * the tree to the config records ({@link ConfigBinding}). Every field is checked: a misspelt field is refused with
 * the known ones, a bad value names its dotted path.
 */
public final class ConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigReader() {
    }

    /**
     * Parses JSON text into a mutable tree (strict JSON: no comments or duplicate keys); a syntax error names the
     * source, line and column.
     */
    public static Map<String, Object> parseTree(String json, String source) {
        try {
            return ConfigText.parseObject(json, Path.of(source));
        } catch (ConfigSyntaxException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public static Map<String, Object> readTree(Path file) {
        try {
            String text = Files.readString(file);
            if (ConfigText.isYaml(file)) {
                try {
                    return ConfigText.parseYaml(text, file);
                } catch (ConfigSyntaxException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            return parseTree(text, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sets {@code path} (dotted, e.g. {@code observations.noise}) to {@code value} in the tree. The value is read as
     * JSON when it parses as JSON (numbers, true/false, lists like [0.5,1]) and as text otherwise. Intermediate
     * objects are created; whether the field exists is checked when the tree is read.
     */
    @SuppressWarnings("unchecked")
    public static void override(Map<String, Object> tree, String path, String value) {
        String[] keys = path.split("\\.");
        if (path.isBlank() || List.of(keys).stream().anyMatch(String::isBlank)) {
            throw new ConfigException("--set " + path + "=" + value + ": not a dotted field path");
        }
        Map<String, Object> node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(keys[i], child);
            } else if (!(child instanceof Map<?, ?>)) {
                throw new ConfigException("--set " + path + ": '" + String.join(".", List.of(keys).subList(0, i + 1))
                        + "' is a value, not an object");
            }
            node = (Map<String, Object>) child;
        }
        node.put(keys[keys.length - 1], parseValue(value));
    }

    /** Applies overrides of the form {@code path=value}. */
    public static void override(Map<String, Object> tree, List<String> assignments) {
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + a + ": expected path=value");
            }
            override(tree, a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
    }

    private static Object parseValue(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /** Reads the tree into a config; refuses unknown fields and bad values by their path. */
    public static ExperimentConfig read(Map<String, Object> tree) {
        if (!(tree.get("model") instanceof Map<?, ?> model)) {
            throw new ConfigException(tree.get("model") == null ? "model is missing"
                    : "model = " + tree.get("model") + ": must be an object");
        }
        // A truthModel without a name inherits the forecast model and overrides some of its parameters, so
        // "--set truthModel.forcing=7.5" makes an imperfect-model experiment.
        Map<String, Object> bound = tree;
        if (tree.get("truthModel") instanceof Map<?, ?> truth && !truth.containsKey("name")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            merged.put("name", model.get("name"));
            model.forEach((k, v) -> merged.put(k.toString(), v));
            truth.forEach((k, v) -> merged.put(k.toString(), v));
            bound = new LinkedHashMap<>(tree);
            bound.put("truthModel", merged);
        }
        return ConfigBinding.bind(bound, ExperimentConfig.class);
    }

    /** Reads a file, applying overrides. */
    public static ExperimentConfig read(Path file, List<String> overrides) {
        Map<String, Object> tree = readTree(file);
        override(tree, overrides);
        return read(tree);
    }
}
