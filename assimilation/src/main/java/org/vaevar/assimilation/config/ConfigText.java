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
        return parse(YAML, text, source, "a YAML mapping 'key: value'");
    }

    /** Parses JSON text; {@code source} only names the origin in error messages. */
    public static Map<String, Object> parseObject(String text, Path source) {
        return parse(MAPPER, text, source, "a JSON object '{...}'");
    }

    private static Map<String, Object> parse(ObjectMapper mapper, String text, Path source, String expected) {
        if (text.isBlank()) {
            throw new ConfigSyntaxException(source, 1, 1, "empty file; expected " + expected, null);
        }
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw syntax(source, parser.currentTokenLocation(),
                        "expected " + expected + " at the top level, found " + parser.currentToken(), null);
            }
            Map<String, Object> tree = mapper.readValue(parser, OBJECT);
            if (parser.nextToken() != null) {
                throw syntax(source, parser.currentTokenLocation(), "more than one document; a config is one "
                        + "object", null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw syntax(source, e.getLocation(), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing a String
        }
    }

    private static ConfigSyntaxException syntax(Path source, JsonLocation at, String problem, Throwable cause) {
        return at == null ? new ConfigSyntaxException(source, -1, -1, problem, cause)
                : new ConfigSyntaxException(source, at.getLineNr(), at.getColumnNr(), problem, cause);
    }
}
