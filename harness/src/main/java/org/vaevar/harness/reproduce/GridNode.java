package org.vaevar.harness.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vaevar.assimilation.config.ConfigException;

/**
 * One value of a comparison-grid file with its dotted path ({@code settings[3].interval}), so every refusal names
 * the file, the path and the value: {@code paper.json: settings[3].interval = "x": must be a positive integer}.
 * Keys named {@code why} or ending in {@code Why} are comments and may stand in any object.
 */
final class GridNode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final String path;
    private final Object value;

    GridNode(String file, String path, Object value) {
        this.file = file;
        this.path = path;
        this.value = value;
    }

    String path() {
        return path;
    }

    Object value() {
        return value;
    }

    boolean isText() {
        return value instanceof String;
    }

    boolean isObject() {
        return value instanceof Map<?, ?>;
    }

    /** A refusal naming this node's path and value. */
    ConfigException refuse(String message) {
        return new ConfigException(file + ": " + path + " = " + show(value) + ": " + message);
    }

    /** A refusal of this object for lacking {@code key}. */
    ConfigException missing(String key) {
        return new ConfigException(file + ": " + child(key) + ": missing");
    }

    /** {@code file: path: }, to put before a message that names no path of its own. */
    String where() {
        return file + ": " + (path.isEmpty() ? "" : path + ": ");
    }

    /** The object's entries (comments left out), refusing any key not in {@code known}. */
    Map<String, GridNode> object(Set<String> known) {
        Map<String, GridNode> out = entries();
        for (String key : out.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(file + ": " + child(key) + ": unknown field; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return out;
    }

    /** The object's entries whatever their keys (comments left out): a map keyed by the file's names. */
    Map<String, GridNode> entries() {
        if (!(value instanceof Map<?, ?> m)) {
            throw refuse("must be an object {...}");
        }
        Map<String, GridNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!key.equals("why") && !key.endsWith("Why")) {
                out.put(key, new GridNode(file, child(key), e.getValue()));
            }
        }
        return out;
    }

    /** A non-empty list's elements. */
    List<GridNode> list() {
        if (!(value instanceof List<?> l)) {
            throw refuse("must be a list [...]");
        }
        if (l.isEmpty()) {
            throw refuse("must not be empty");
        }
        List<GridNode> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new GridNode(file, path + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    String text() {
        if (!(value instanceof String s) || s.isBlank()) {
            throw refuse("must be non-empty text");
        }
        return s;
    }

    List<String> texts() {
        return list().stream().map(GridNode::text).toList();
    }

    int positiveInteger() {
        if (!(value instanceof Integer i) || i < 1) {
            throw refuse("must be a positive integer");
        }
        return i;
    }

    int nonNegativeInteger() {
        if (!(value instanceof Integer i) || i < 0) {
            throw refuse("must be a non-negative integer");
        }
        return i;
    }

    /** A positive finite number, as the file writes it (an integer is read as the double it names). */
    double positiveNumber() {
        if (!(value instanceof Number n) || value instanceof Long || !(n.doubleValue() > 0)
                || !Double.isFinite(n.doubleValue())) {
            throw refuse("must be a positive number");
        }
        return n.doubleValue();
    }

    List<Double> positiveNumbers() {
        return list().stream().map(GridNode::positiveNumber).toList();
    }

    /** Plugin parameters: an object of scalars and lists, in the order written. */
    Map<String, Object> parameters() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, GridNode> e : entries().entrySet()) {
            Object v = e.getValue().value;
            if (v == null || v instanceof Map<?, ?>) {
                throw e.getValue().refuse("must be a number, text, boolean or list");
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A value as the file writes it: text quoted, numbers and lists as JSON. */
    static String show(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }
}
