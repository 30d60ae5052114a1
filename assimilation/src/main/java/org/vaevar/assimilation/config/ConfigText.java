package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration text in: strict JSON, or YAML for files named {@code .yaml}/{@code .yml} (as JEDI/OOPS users write
 * them). Duplicate keys and trailing content are errors in both (and comments in JSON), because a silently ignored
 * duplicate key in an experiment configuration changes an experiment without anybody noticing.
 */
public final class ConfigText {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ConfigText() {
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
        return isYaml(file) ? parseYaml(text, file) : parseObject(text, file);
    }

    /** Whether a config file is read as YAML (by its name). */
    public static boolean isYaml(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Parses YAML text whose top level is a mapping; {@code source} only names the origin in error messages. */
    public static Map<String, Object> parseYaml(String text, Path source) {
        if (text.isBlank()) {
            throw new ConfigSyntaxException(source, 1, 1, "empty file; expected a YAML mapping", null);
        }
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ConfigSyntaxException(source, at.getLineNr(), at.getColumnNr(),
                        "expected a mapping 'key: value' at the top level, found " + parser.currentToken(), null);
            }
            Map<String, Object> tree = YAML.readValue(parser, OBJECT);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ConfigSyntaxException(source, at.getLineNr(), at.getColumnNr(),
                        "more than one document; a config is one mapping", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new ConfigSyntaxException(source, line, column, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing a String
        }
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
