package org.vaevar.harness.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Pretty JSON out, atomically.
 *
 * <p>Writing keeps the order of {@link java.util.LinkedHashMap} entries and of record components, so a
 * {@code summary.json} reads in the order it was built. Non-finite doubles are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (plain JSON has no such numbers), so the file stays
 * valid JSON; a reader sees a string where a number was expected rather than a silently wrong number.
 *
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private Json() {
    }

    /** {@code value} (map, record, list, number, ...) as pretty JSON text, ending with a newline. */
    public static String toPrettyString(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + describe(value) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} as pretty JSON to {@code file}, atomically. */
    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.writeString(file, toPrettyString(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
