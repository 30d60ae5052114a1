package org.vaevar.harness.sweep;

import java.util.List;
import java.util.Map;

/**
 * A finished task as recorded in {@code tasks/<id>.json}: its id, the key of its input, a status ({@code ok},
 * {@code diverged}: the run or every tuning value diverged, {@code failed}: any other error, with its message)
 * and its numbers. Non-finite numbers are stored as {@code null} and read back as NaN (or +∞ for tuning points).
 */
public record TaskResult(Map<String, Object> values) {

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    public TaskResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public static TaskResult parse(String json) {
        return new TaskResult(Values.parseObject(json));
    }

    public String json() {
        return Values.json(values);
    }

    public String id() {
        return (String) values.get("id");
    }

    public String key() {
        return (String) values.get("key");
    }

    public String status() {
        return (String) values.get("status");
    }

    public boolean ok() {
        return OK.equals(status());
    }

    public String message() {
        Object m = values.get("message");
        return m == null ? "" : m.toString();
    }

    public double real(String field) {
        Object v = values.get(field);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public long integer(String field) {
        return ((Number) values.get(field)).longValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String field) {
        return (Map<String, Object>) values.get(field);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String field) {
        return (List<Object>) values.get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object section) {
        return (Map<String, Object>) section;
    }

    /** A finite double, or null (JSON has no NaN or infinity). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
