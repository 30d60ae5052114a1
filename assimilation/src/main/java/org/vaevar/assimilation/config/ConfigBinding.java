package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a config tree to the config records with Jackson, and writes them back as a tree. Every refusal becomes
 * a {@link ConfigException} naming the dotted path Jackson tracked: an unknown field with the known ones, a value
 * of the wrong type, a bad value.
 */
final class ConfigBinding {

    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {
    };

    /** A null value keeps the field's default, as an absent one does ({@code --set observations.noise=null}). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(StrictValues.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
            .build();

    private ConfigBinding() {
    }

    static <T> T bind(Map<String, Object> tree, Class<T> type) {
        try {
            return MAPPER.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            throw translate(e, tree);
        }
    }

    /** The config as its JSON tree: key order, and which fields are left out, as each record declares. */
    static Map<String, Object> tree(Object config) {
        return MAPPER.convertValue(config, TREE);
    }

    private static ConfigException translate(IllegalArgumentException e, Map<String, Object> tree) {
        JsonMappingException mapping = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException c) {
                return c; // a record's own check: its message names the field already
            }
            if (t instanceof JsonMappingException j && mapping == null) {
                mapping = j;
            }
            if (t instanceof Refused r) {
                return new ConfigException(r.at(path(mapping)));
            }
        }
        if (mapping == null) {
            return new ConfigException(e.getMessage());
        }
        String path = path(mapping);
        if (mapping instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            return new ConfigException("unknown config field '" + path + "'; known" + (parent.isEmpty() ? ""
                    : " in " + parent) + ": " + String.join(", ", known(u)));
        }
        Throwable cause = mapping.getCause();
        if (cause instanceof IllegalArgumentException bad) {
            return new ConfigException(path + "." + bad.getMessage()); // a check of a record outside config
        }
        if (mapping instanceof MismatchedInputException m && m.getTargetType() != null
                && !m.getTargetType().isPrimitive() && m.getTargetType().getPackageName().startsWith("org.vaevar")) {
            return new ConfigException(path + " = " + valueAt(tree, path) + ": must be an object");
        }
        return new ConfigException(path + ": " + mapping.getOriginalMessage());
    }

    /** The fields of the section, in the order its record declares them (Jackson's set has none). */
    private static List<String> known(UnrecognizedPropertyException u) {
        Class<?> type = u.getReferringClass();
        if (!type.isRecord() && type.getEnclosingClass() != null) {
            type = type.getEnclosingClass(); // a record's builder
        }
        Set<String> ids = new TreeSet<>();
        u.getKnownPropertyIds().forEach(id -> ids.add(id.toString()));
        List<String> ordered = new ArrayList<>();
        for (RecordComponent c : type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
            if (ids.remove(c.getName())) {
                ordered.add(c.getName());
            }
        }
        ordered.addAll(ids);
        return ordered;
    }

    /** The value at a dotted path of the tree (for a message). */
    private static Object valueAt(Map<String, Object> tree, String path) {
        Object v = tree;
        for (String key : path.split("\\.")) {
            v = v instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return v;
    }

    /** {@code a.b.c} from Jackson's reference chain; list indices as {@code [i]}. */
    private static String path(JsonMappingException e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
