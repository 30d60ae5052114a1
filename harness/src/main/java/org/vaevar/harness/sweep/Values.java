package org.vaevar.harness.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** Config values as JSON text: compact (for ids and {@code --set}) and canonical (for task keys). */
final class Values {

    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Values() {
    }

    /** JSON text of a value; a plain string without quotes. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return json(v);
    }

    static String json(Object v) {
        try {
            return COMPACT.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value " + v + ": not representable as JSON", e);
        }
    }

    /** JSON with object keys sorted: equal trees give equal text. */
    static String canonical(Object v) {
        try {
            return CANONICAL.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value " + v + ": not representable as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        try {
            return COMPACT.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of the text, in hex. */
    static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** SHA-256 of the bytes, in hex. */
    static String sha256(byte[] bytes) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
