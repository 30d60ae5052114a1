package org.vaevar.harness.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ConfigSyntaxException;
import org.vaevar.assimilation.config.ConfigText;

/**
 * A sweep as its file gives it (JSON, or YAML by the file name):
 * <pre>{@code
 * {"name": "l63-noise", "base": "l63-3dvar", "set": {"cycles": 300},
 *  "axes": {"observations.noise": [0.5, 1.0, 2.0], "observations.interval": [10, 25]}, "combine": "cross",
 *  "methods": [{"name": "3dvar", "set": {"window": 1}}, {"name": "4dvar", "set": {"window": 3, "cycles": 100}}],
 *  "baseline": "3dvar", "seeds": 3, "masterSeed": 7}
 * }</pre>
 * The structure is checked here; whether each resulting config is valid is {@link SweepPlan}'s job.
 *
 * @param name        the sweep's name (default: the file name without extension)
 * @param description free text for the page
 * @param base        a preset name or config file (relative to the sweep file's directory, else as given)
 * @param set         overrides applied to the base before the axes
 * @param axes        the axes, in order (the first varies slowest)
 * @param zip         zip the axes (all of the same length) instead of crossing them
 * @param methods     the methods, in table order
 * @param baseline    the method every other is compared with
 * @param seeds       held-out evaluation seeds per point and method (at least 2)
 * @param masterSeed  the one seed of the sweep
 */
public record SweepFile(String name, String description, String base, Map<String, Object> set,
                        List<SweepAxis> axes, boolean zip, List<SweepMethod> methods, String baseline, int seeds,
                        long masterSeed) {

    public static final long DEFAULT_MASTER_SEED = 2024;
    private static final Set<String> FIELDS = Set.of("name", "description", "base", "set", "axes", "combine",
            "methods", "baseline", "seeds", "masterSeed");
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public SweepFile {
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        axes = List.copyOf(axes);
        methods = List.copyOf(methods);
    }

    /** Reads and checks a sweep file; a bad one is refused with one message naming the field. */
    public static SweepFile read(Path file) {
        Map<String, Object> tree;
        try {
            tree = ConfigText.readObject(file);
        } catch (ConfigSyntaxException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("sweep file " + file + ": cannot read: " + e.getMessage());
        }
        String fileName = file.getFileName().toString();
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        return parse(tree, stem, file.toAbsolutePath().getParent());
    }

    /**
     * Checks a parsed sweep tree.
     *
     * @param defaultName the name when the tree gives none
     * @param directory   where a relative base config file is looked up first (may be null)
     */
    public static SweepFile parse(Map<String, Object> tree, String defaultName, Path directory) {
        for (String key : tree.keySet()) {
            if (!FIELDS.contains(key)) {
                throw refuse(key, "unknown field; known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        String name = text(tree, "name", defaultName);
        String description = text(tree, "description", "");
        String base = text(tree, "base", null);
        if (base == null) {
            throw refuse("base", "missing: name a preset (./vaevar presets) or a config file");
        }
        if (directory != null && (base.endsWith(".json") || base.endsWith(".yaml") || base.endsWith(".yml"))
                && !Path.of(base).isAbsolute() && java.nio.file.Files.isRegularFile(directory.resolve(base))) {
            base = directory.resolve(base).normalize().toString();
        }
        Map<String, Object> set = overrides(tree.get("set"), "set");

        List<SweepAxis> axes = new ArrayList<>();
        Object axesNode = tree.getOrDefault("axes", Map.of());
        if (!(axesNode instanceof Map<?, ?> axesMap)) {
            throw refuse("axes", "must be an object of config path to a list of values");
        }
        for (Map.Entry<?, ?> e : axesMap.entrySet()) {
            String path = String.valueOf(e.getKey());
            checkPath("axes." + path, path);
            if (!(e.getValue() instanceof List<?> values)) {
                throw refuse("axes." + path, "= " + Values.text(e.getValue()) + ": must be a list of values");
            }
            if (values.isEmpty()) {
                throw refuse("axes." + path, "= []: an axis needs at least one value");
            }
            if (values.contains(null)) {
                throw refuse("axes." + path, "= " + Values.text(values) + ": null is not a value");
            }
            if (new java.util.HashSet<>(values).size() != values.size()) {
                throw refuse("axes." + path, "= " + Values.text(values) + ": a value is repeated");
            }
            axes.add(new SweepAxis(path, new ArrayList<>(values)));
        }
        String combine = text(tree, "combine", "cross");
        if (!combine.equals("cross") && !combine.equals("zip")) {
            throw refuse("combine", "= " + combine + ": must be cross or zip");
        }
        boolean zip = combine.equals("zip");
        if (zip) {
            for (SweepAxis a : axes) {
                if (a.values().size() != axes.get(0).values().size()) {
                    throw refuse("axes." + a.path(), "has " + a.values().size() + " values but axes."
                            + axes.get(0).path() + " has " + axes.get(0).values().size()
                            + ": zipped axes need the same length");
                }
            }
        }

        Object methodsNode = tree.get("methods");
        if (!(methodsNode instanceof List<?> methodList) || methodList.isEmpty()) {
            throw refuse("methods", "must be a non-empty list of {\"name\": ..., \"set\": {path: value}}");
        }
        List<SweepMethod> methods = new ArrayList<>();
        for (int i = 0; i < methodList.size(); i++) {
            String field = "methods[" + i + "]";
            if (!(methodList.get(i) instanceof Map<?, ?> m)) {
                throw refuse(field, "must be an object {\"name\": ..., \"set\": {...}}");
            }
            for (Object k : m.keySet()) {
                if (!k.equals("name") && !k.equals("set")) {
                    throw refuse(field + "." + k, "unknown field; known: name, set");
                }
            }
            if (!(m.get("name") instanceof String mName) || !METHOD_NAME.matcher(mName).matches()) {
                throw refuse(field + ".name", "= " + Values.text(m.get("name"))
                        + ": must be a name of letters, digits, '.', '_' or '-'");
            }
            if (methods.stream().anyMatch(x -> x.name().equals(mName))) {
                throw refuse(field + ".name", "= " + mName + ": another method has this name");
            }
            methods.add(new SweepMethod(mName, overrides(m.get("set"), "methods." + mName + ".set")));
        }
        String baseline = text(tree, "baseline", methods.get(0).name());
        if (methods.stream().noneMatch(m -> m.name().equals(baseline))) {
            throw refuse("baseline", "= " + baseline + ": not one of the methods ("
                    + String.join(", ", methods.stream().map(SweepMethod::name).toList()) + ")");
        }
        int seeds = integer(tree, "seeds", 5);
        if (seeds < 2) {
            throw refuse("seeds", "= " + seeds + ": at least 2 evaluation seeds are needed for an interval");
        }
        long masterSeed = tree.containsKey("masterSeed") ? longValue(tree, "masterSeed") : DEFAULT_MASTER_SEED;
        return new SweepFile(name, description, base, set, axes, zip, methods, baseline, seeds, masterSeed);
    }

    private static Map<String, Object> overrides(Object node, String field) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> m)) {
            throw refuse(field, "must be an object of config path to value");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String path = String.valueOf(e.getKey());
            checkPath(field + "." + path, path);
            out.put(path, e.getValue());
        }
        return out;
    }

    private static void checkPath(String field, String path) {
        if (path.isBlank() || java.util.Arrays.stream(path.split("\\.", -1)).anyMatch(String::isBlank)) {
            throw refuse(field, "not a dotted config path");
        }
        if (path.equals("seed")) {
            throw refuse(field, "the seed of every config derives from masterSeed; set masterSeed instead");
        }
    }

    private static String text(Map<String, Object> tree, String key, String fallback) {
        Object v = tree.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw refuse(key, "= " + Values.text(v) + ": must be non-empty text");
        }
        return s;
    }

    private static int integer(Map<String, Object> tree, String key, int fallback) {
        Object v = tree.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer i)) {
            throw refuse(key, "= " + Values.text(v) + ": must be a whole number");
        }
        return i;
    }

    private static long longValue(Map<String, Object> tree, String key) {
        Object v = tree.get(key);
        if (!(v instanceof Integer || v instanceof Long)) {
            throw refuse(key, "= " + Values.text(v) + ": must be a whole number");
        }
        return ((Number) v).longValue();
    }

    static ConfigException refuse(String field, String message) {
        return new ConfigException("sweep " + field + (message.startsWith("= ") ? " " : ": ") + message);
    }
}
