package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Configuration text in: strict JSON. Duplicate keys, trailing content and comments are errors, because a silently
 * ignored duplicate key in an experiment configuration changes an experiment without anybody noticing.
 */
public final class JsonConfig {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonConfig() {
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
}
