package org.vaevar.harness.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Pretty JSON out (atomically), JSON configuration in.
 *
 * <p>Writing keeps the order of {@link java.util.LinkedHashMap} entries and of record components, so a
 * {@code summary.json} reads in the order it was built. Non-finite doubles are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (plain JSON has no such numbers), so the file stays
 * valid JSON; a reader sees a string where a number was expected rather than a silently wrong number.
 *
 * <p>Reading is strict JSON: duplicate keys, trailing content and comments are errors, because a silently
 * ignored duplicate key in an experiment configuration changes an experiment without anybody noticing.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

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

    /**
     * Reads a JSON object (the whole file must be one object) into nested maps, lists, strings, numbers
     * ({@link Integer}, {@link Long}, {@link java.math.BigInteger} or {@link Double}), booleans and nulls.
     * Key order is kept.
     *
     * @throws ConfigSyntaxException    on malformed JSON, naming the file, line and column
     * @throws IllegalArgumentException if the file does not exist
     */
    public static Map<String, Object> readObject(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file = " + file + ": does not exist", e);
        }
        return parseObject(text, file);
    }

    /** Parses JSON text; {@code source} only names the origin in error messages. */
    public static Map<String, Object> parseObject(String text, Path source) {
        if (text.isBlank()) {
            throw new ConfigSyntaxException(source, 1, 1, "empty file; expected a JSON object", null);
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ConfigSyntaxException(source, at.getLineNr(), at.getColumnNr(),
                        "expected a JSON object '{...}' at the top level, found " + parser.currentToken(), null);
            }
            return MAPPER.readValue(parser, OBJECT);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new ConfigSyntaxException(source, line, column, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing a String
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
