package org.vaevar.assimilation.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.assimilation.config.ConfigSyntaxException;


/**
 * Reads an {@link ExperimentConfig} from JSON or YAML, applying {@code --set path=value} overrides first. Every field is
 * checked: a misspelt field is refused with the known ones, a bad value names its dotted path.
 */
public final class ConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigReader() {
    }

    /**
     * Parses JSON text into a mutable tree (strict JSON: no comments or duplicate keys); a syntax error names the
     * source, line and column.
     */
    public static Map<String, Object> parseTree(String json, String source) {
        try {
            return ConfigText.parseObject(json, Path.of(source));
        } catch (ConfigSyntaxException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public static Map<String, Object> readTree(Path file) {
        try {
            String text = Files.readString(file);
            if (ConfigText.isYaml(file)) {
                try {
                    return ConfigText.parseYaml(text, file);
                } catch (ConfigSyntaxException e) {
                    throw new ConfigException(e.getMessage());
                }
            }
            return parseTree(text, file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sets {@code path} (dotted, e.g. {@code observations.noise}) to {@code value} in the tree. The value is read as
     * JSON when it parses as JSON (numbers, true/false, lists like [0.5,1]) and as text otherwise. Intermediate
     * objects are created; whether the field exists is checked when the tree is read.
     */
    @SuppressWarnings("unchecked")
    public static void override(Map<String, Object> tree, String path, String value) {
        String[] keys = path.split("\\.");
        if (path.isBlank() || List.of(keys).stream().anyMatch(String::isBlank)) {
            throw new ConfigException("--set " + path + "=" + value + ": not a dotted field path");
        }
        Map<String, Object> node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = node.get(keys[i]);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(keys[i], child);
            } else if (!(child instanceof Map<?, ?>)) {
                throw new ConfigException("--set " + path + ": '" + String.join(".", List.of(keys).subList(0, i + 1))
                        + "' is a value, not an object");
            }
            node = (Map<String, Object>) child;
        }
        node.put(keys[keys.length - 1], parseValue(value));
    }

    /** Applies overrides of the form {@code path=value}. */
    public static void override(Map<String, Object> tree, List<String> assignments) {
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + a + ": expected path=value");
            }
            override(tree, a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
    }

    private static Object parseValue(String value) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /** Reads the tree into a config; refuses unknown fields and bad values by their path. */
    @SuppressWarnings("unchecked")
    public static ExperimentConfig read(Map<String, Object> tree) {
        ConfigNode root = new ConfigNode("", tree);
        ExperimentConfig.Builder b = ExperimentConfig.builder();
        b.name(root.text("name", "experiment"));
        b.description(root.text("description", ""));
        b.seed(root.integer("seed", 1L));
        PluginConfig model = root.plugin("model", null);
        if (model == null) {
            throw new ConfigException("model is missing");
        }
        b.model(model);
        // A truthModel without a name inherits the forecast model and overrides some of its parameters, so
        // "--set truthModel.forcing=7.5" makes an imperfect-model experiment.
        Object truth = root.raw("truthModel");
        if (truth instanceof Map<?, ?> t && !t.containsKey("name")) {
            Map<String, Object> merged = new LinkedHashMap<>(model.toMap());
            merged.putAll((Map<String, Object>) t);
            tree.put("truthModel", merged);
        }
        b.truthModel(root.plugin("truthModel", null));

        ConfigNode obs = root.child("observations");
        if (obs == null) {
            throw new ConfigException("observations is missing");
        }
        // R = noise² I, given as the standard deviation "noise" or as "variance" (not both).
        if (obs.has("noise") && obs.has("variance")) {
            throw new ConfigException("observations.noise and observations.variance are both given: give one");
        }
        double noise = obs.has("variance") ? Math.sqrt(obs.positive("variance", 1.0)) : obs.positive("noise", 1.0);
        double variance = noise * noise;
        if (!Double.isFinite(variance) || variance < Double.MIN_NORMAL) {
            String field = obs.has("variance") ? "observations.variance" : "observations.noise";
            throw new ConfigException(field + " = " + (obs.has("variance") ? obs.raw("variance") : obs.raw("noise"))
                    + ": too " + (Double.isFinite(variance) ? "small" : "large") + ": the variance R = noise²"
                    + " must be a normal double (noise between 1e-150 and 1e150)");
        }
        b.observations(new ObservationConfig(obs.plugin("operator", PluginConfig.of("linear")),
                obs.integer("interval", 1, 1), noise));
        obs.refuseUnknown();

        b.prior(root.plugin("prior", PluginConfig.of("gaussian")));
        b.minimizer(root.plugin("minimizer", PluginConfig.of("lbfgs")));
        ConfigNode stop = root.child("stopping");
        if (stop != null) {
            StoppingCriteria d = StoppingCriteria.defaults();
            try {
                b.stopping(new StoppingCriteria(stop.integer("maxIterations", d.maxIterations(), 1),
                        stop.integer("maxEvaluations", d.maxEvaluations(), 1),
                        stop.real("gradientTolerance", d.gradientTolerance()),
                        stop.real("relativeCostTolerance", d.relativeCostTolerance())));
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException("stopping." + e.getMessage());
            }
            stop.refuseUnknown();
        }
        ExperimentConfig base = b.build();
        b.window(root.integer("window", base.window(), 1));
        b.cycles(root.integer("cycles", base.cycles(), 1));
        b.spinupCycles(root.integer("spinupCycles", base.spinupCycles(), 0));
        b.burnInSteps(root.integer("burnInSteps", base.burnInSteps(), 0));
        b.initialSpread(root.real("initialSpread", base.initialSpread()));
        b.observationWeight(root.real("observationWeight", base.observationWeight()));
        b.climatology(root.integer("climatologySamples", base.climatologySamples(), 2),
                root.integer("climatologySpacing", base.climatologySpacing(), 1));

        ConfigNode cal = root.child("calibration");
        if (cal != null) {
            CalibrationConfig d = CalibrationConfig.defaults();
            b.calibration(new CalibrationConfig(cal.integer("runs", d.runs(), 1), cal.integer("cycles", d.cycles(), 1),
                    cal.integer("spinupCycles", d.spinupCycles(), 0), cal.plugin("loosePrior", d.loosePrior()),
                    cal.reals("scaleGrid", d.scaleGrid()), cal.plugin("samplePrior", d.samplePrior()),
                    cal.plugin("method", null), source(cal), integers(cal, "nmcLeads", d.nmcLeads()),
                    cal.integer("rounds", d.rounds(), 0),
                    RoundSamples.of(cal.text("roundSamples", d.roundSamples().key()))));
            cal.refuseUnknown();
        }
        ConfigNode tune = root.child("tuning");
        if (tune != null) {
            b.tuning(new TuningConfig(tune.text("parameter", null), tune.reals("grid", List.of()),
                    tune.integer("cycles", 500, 1), tune.integer("spinupCycles", 100, 0),
                    TuningConfig.Search.of("tuning.search", tune.text("search", "grid")),
                    tune.integer("budget", 0, 0), tune.integer("seeds", 1, 1),
                    tune.real("rangeFactor", TuningConfig.DEFAULT_RANGE_FACTOR)));
            tune.refuseUnknown();
        }
        b.method(root.plugin("method", null));
        ConfigNode exp = root.child("expected");
        if (exp != null) {
            b.expected(new ExpectedResult(exp.real("rmse", Double.NaN), exp.real("tolerance", Double.NaN),
                    exp.integer("cycles", 0, 0)));
            exp.refuseUnknown();
        }
        root.refuseUnknown();
        return b.build();
    }

    /** {@code calibration.source}, or {@code null} when absent (then {@code calibration.method} decides). */
    private static SampleSource source(ConfigNode cal) {
        String s = cal.text("source", null);
        return s == null ? null : SampleSource.of(s);
    }

    /** A list of whole numbers. */
    private static List<Integer> integers(ConfigNode node, String key, List<Integer> fallback) {
        List<Integer> out = new java.util.ArrayList<>();
        for (double d : node.reals(key, fallback.stream().map(Integer::doubleValue).toList())) {
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new ConfigException(node.path(key) + " = " + d + ": must be whole numbers");
            }
            out.add((int) d);
        }
        return out;
    }

    /** Reads a file, applying overrides. */
    public static ExperimentConfig read(Path file, List<String> overrides) {
        Map<String, Object> tree = readTree(file);
        override(tree, overrides);
        return read(tree);
    }
}
