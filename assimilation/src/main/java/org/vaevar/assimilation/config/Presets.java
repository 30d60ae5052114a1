package org.vaevar.assimilation.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The experiment presets shipped under {@code experiments/} (also on the classpath as {@code experiments/*.json}).
 * A name resolves to a preset; anything that names an existing file is read as a config file.
 */
public final class Presets {

    private static final String INDEX = "experiments/presets.txt";

    private Presets() {
    }

    /** The preset names, from the classpath index. */
    public static List<String> names() {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
            return names;
        } catch (IOException e) {
            throw new ConfigException("cannot read the preset index: " + e.getMessage());
        }
    }

    /** The raw tree of a preset name or config file, ready for overrides. */
    public static Map<String, Object> tree(String presetOrFile) {
        Path file = Path.of(presetOrFile);
        if (presetOrFile.endsWith(".json") || ConfigText.isYaml(file) || presetOrFile.contains("/")) {
            if (Files.isDirectory(file)) {
                throw new ConfigException("config file " + presetOrFile + " is a directory, not a config file");
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + presetOrFile + " does not exist");
            }
            return ConfigReader.readTree(file);
        }
        try (InputStream in = Presets.class.getClassLoader()
                .getResourceAsStream("experiments/" + presetOrFile + ".json")) {
            if (in == null) {
                throw new ConfigException("unknown preset '" + presetOrFile + "'; known: " + String.join(", ", names())
                        + " (or give a path to a .json or .yaml config file)");
            }
            return ConfigReader.parseTree(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "preset " + presetOrFile);
        } catch (IOException e) {
            throw new ConfigException("cannot read preset " + presetOrFile + ": " + e.getMessage());
        }
    }

    /** A preset or config file with overrides applied. */
    public static ExperimentConfig load(String presetOrFile, List<String> overrides) {
        Map<String, Object> tree = tree(presetOrFile);
        ConfigReader.override(tree, overrides);
        return ConfigReader.read(tree);
    }

    public static ExperimentConfig load(String presetOrFile) {
        return load(presetOrFile, List.of());
    }
}
