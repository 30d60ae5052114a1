package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ConfigSyntaxException;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.SampleSource;
import org.vaevar.assimilation.config.TuningConfig;

/**
 * Reads a comparison-grid file ({@code "kind": "comparison"}) into a {@link ComparisonGrid}, checking all of it
 * before anything runs: an unknown field, an empty list, a value of the wrong type or an unknown plugin is refused
 * with a {@link ConfigException} naming the file and the dotted path. The structure is described in
 * {@code docs/DESIGN.md}; the shipped grid of {@code vaevar reproduce} is {@link #SHIPPED}.
 */
public final class GridFile {

    /** The comparison grid of {@code vaevar reproduce}, under {@code experiments/} and on the classpath. */
    public static final String SHIPPED = "experiments/sweeps/paper.json";
    /** The value of {@code kind} that marks a comparison grid. */
    public static final String KIND = "comparison";

    private static final Set<String> ROOT = Set.of("kind", "name", "description", "systems", "settings",
            "imperfectSettings", "figureSetting", "tuning", "calibration", "modes", "gaussian", "learnedPrior",
            "ensembleReference");
    private static final Set<String> SETTING = Set.of("id", "system", "model", "interval", "operator", "every",
            "components", "obsEvery", "observed");
    private static final Set<String> SCHEDULE = Set.of("evaluationCycles", "evaluationSpinup", "tuningCycles",
            "tuningSpinup", "tuningSeeds", "climatologySamples", "tuning", "calibration");
    private static final Set<String> TUNING = Set.of("grid", "search", "budget", "ensembleGrid");
    private static final Set<String> CALIBRATION = Set.of("runs", "cycles", "spinupCycles", "loosePrior",
            "scaleGrid", "source", "sources", "ensembleInflation");

    private final PluginRegistry registry;
    private final Map<String, GridNode> systems;
    private final Map<String, SettingSpec> byId = new LinkedHashMap<>();

    private GridFile(PluginRegistry registry, Map<String, GridNode> systems) {
        this.registry = registry;
        this.systems = systems;
    }

    /** The shipped grid, from the classpath (so it works from the jar as the presets do). */
    public static ComparisonGrid shipped(PluginRegistry registry) {
        try (InputStream in = GridFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(ConfigText.parseObject(text, Path.of(SHIPPED)), SHIPPED, registry);
        } catch (ConfigSyntaxException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SHIPPED + ": " + e.getMessage(), e);
        }
    }

    /** A grid file (JSON, or YAML by its name). */
    public static ComparisonGrid read(Path file, PluginRegistry registry) {
        return parse(tree(file), file.toString(), registry);
    }

    /** Whether a parsed sweep or grid file is a comparison grid. */
    public static boolean isComparison(Map<String, Object> tree) {
        return KIND.equals(tree.get("kind"));
    }

    /** A file's tree; a missing or malformed file is refused naming it. */
    public static Map<String, Object> tree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("grid file " + file + ": does not exist or is not a file");
        }
        try {
            return ConfigText.readObject(file);
        } catch (ConfigSyntaxException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("grid file " + file + ": cannot read: " + e.getMessage());
        }
    }

    /** Checks a parsed grid tree; {@code source} names it in messages. */
    public static ComparisonGrid parse(Map<String, Object> tree, String source, PluginRegistry registry) {
        GridNode top = new GridNode(source, "", tree);
        Map<String, GridNode> root = top.object(ROOT);
        GridNode kind = required(root, "kind", top);
        if (!KIND.equals(kind.value())) {
            throw kind.refuse("must be \"" + KIND + "\" (a comparison grid)");
        }
        String name = root.containsKey("name") ? root.get("name").text() : "grid";
        GridFile reader = new GridFile(registry, required(root, "systems", top).entries());
        if (reader.systems.isEmpty()) {
            throw root.get("systems").refuse("must name at least one system");
        }
        reader.systems.values().forEach(reader::checkSystem);

        List<SettingSpec> settings = new ArrayList<>();
        for (GridNode s : required(root, "settings", top).list()) {
            settings.add(reader.add(reader.setting(s), s));
        }
        if (root.containsKey("imperfectSettings")) {
            for (GridNode s : root.get("imperfectSettings").list()) {
                settings.add(reader.add(reader.imperfect(s), s));
            }
        }
        GridNode figure = required(root, "figureSetting", top);
        if (!reader.byId.containsKey(figure.text())) {
            throw figure.refuse("not the id of a setting");
        }
        Map<String, GridNode> tuning = required(root, "tuning", top).object(TUNING);
        Map<String, GridNode> calibration = required(root, "calibration", top).object(CALIBRATION);
        Map<Mode, ComparisonGrid.ModeGrid> modes = new LinkedHashMap<>();
        Map<String, GridNode> modeNodes = required(root, "modes", top)
                .object(Set.of(Mode.FULL.id(), Mode.QUICK.id(), Mode.SMOKE.id()));
        for (Map.Entry<String, GridNode> e : modeNodes.entrySet()) {
            modes.put(Mode.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)),
                    reader.mode(e.getValue(), settings, tuning, calibration));
        }
        if (modes.isEmpty()) {
            throw root.get("modes").refuse("must define at least one of full, quick, smoke");
        }
        return new ComparisonGrid(source, name, settings, modes, figure.text(),
                reader.gaussian(required(root, "gaussian", top)),
                root.containsKey("learnedPrior") ? reader.learned(root.get("learnedPrior")) : null,
                reader.ensemble(required(root, "ensembleReference", top)));
    }

    // ------------------------------------------------------------------------------------------ settings

    private void checkSystem(GridNode system) {
        Map<String, GridNode> s = system.object(Set.of("model", "burnInSteps", "operators"));
        plugin(required(s, "model", system), PluginKind.MODEL);
        required(s, "burnInSteps", system).nonNegativeInteger();
        Map<String, GridNode> operators = required(s, "operators", system).entries();
        if (operators.isEmpty()) {
            throw s.get("operators").refuse("must name at least one operator");
        }
        for (Map.Entry<String, GridNode> op : operators.entrySet()) {
            checkPlugin(op.getValue(), op.getKey(), PluginKind.OBSERVATION_OPERATOR);
            required(op.getValue().object(Set.of("noise")), "noise", op.getValue()).positiveNumber();
        }
    }

    private SettingSpec add(SettingSpec s, GridNode node) {
        if (byId.putIfAbsent(s.id(), s) != null) {
            throw node.entries().get("id").refuse("another setting has this id");
        }
        return s;
    }

    /**
     * A perfect-model setting: the system's model (with {@code model}'s overrides), observed every {@code every}-th
     * component, or the {@code components} listed (then {@code obsEvery} is the density they stand for).
     */
    private SettingSpec setting(GridNode node) {
        Map<String, GridNode> f = node.object(SETTING);
        String id = required(f, "id", node).text();
        GridNode systemNode = required(f, "system", node);
        String system = systemNode.text();
        if (!systems.containsKey(system)) {
            throw systemNode.refuse("unknown system; known: " + String.join(", ", systems.keySet()));
        }
        Map<String, GridNode> sys = systems.get(system).entries();
        PluginConfig model = overridden(pluginConfig(sys.get("model")), f.get("model"));
        int interval = required(f, "interval", node).positiveInteger();
        GridNode opNode = required(f, "operator", node);
        Map<String, GridNode> operators = sys.get("operators").entries();
        if (!operators.containsKey(opNode.text())) {
            throw opNode.refuse("not an operator of system " + system + "; known: "
                    + String.join(", ", operators.keySet()));
        }
        String operator = opNode.text();
        double noise = operators.get(operator).entries().get("noise").positiveNumber();
        PluginConfig operatorConfig = PluginConfig.of(operator);
        if (f.containsKey("components")) {
            List<Integer> components = f.get("components").list().stream()
                    .map(c -> c.nonNegativeInteger()).toList();
            operatorConfig = operatorConfig.with("components", components);
        }
        int every = f.containsKey("every") ? f.get("every").positiveInteger() : 1;
        if (every > 1) {
            operatorConfig = operatorConfig.with("every", every);
        }
        int obsEvery = f.containsKey("obsEvery") ? f.get("obsEvery").positiveInteger() : every;
        String observed = required(f, "observed", node).text();
        return new SettingSpec(id, system, model, null, "perfect", operator, operatorConfig, interval, obsEvery,
                observed, noise, sys.get("burnInSteps").nonNegativeInteger());
    }

    /** The setting {@code of} with its forecast model changed by {@code forecastModel}; its model makes the truth. */
    private SettingSpec imperfect(GridNode node) {
        Map<String, GridNode> f = node.object(Set.of("id", "of", "forecastModel", "what"));
        String id = required(f, "id", node).text();
        GridNode of = required(f, "of", node);
        SettingSpec s = byId.get(of.text());
        if (s == null || !s.perfectModel()) {
            throw of.refuse("not the id of a setting listed in settings");
        }
        PluginConfig forecast = overridden(s.model(), required(f, "forecastModel", node));
        return new SettingSpec(id, s.system(), forecast, s.model(), "imperfect: " + required(f, "what", node).text(),
                s.operator(), s.operatorConfig(), s.obsInterval(), s.obsEvery(), s.observed(), s.noise(),
                s.burnInSteps());
    }

    private static PluginConfig overridden(PluginConfig c, GridNode overrides) {
        if (overrides == null) {
            return c;
        }
        for (Map.Entry<String, Object> e : overrides.parameters().entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------ modes

    private ComparisonGrid.ModeGrid mode(GridNode node, List<SettingSpec> all, Map<String, GridNode> tuning,
                                         Map<String, GridNode> calibration) {
        Map<String, GridNode> f = node.object(Set.of("settings", "ablationSettings", "schedule"));
        GridNode settingsNode = required(f, "settings", node);
        List<SettingSpec> settings = new ArrayList<>();
        if (settingsNode.isText()) {
            if (!settingsNode.text().equals("all")) {
                throw settingsNode.refuse("must be \"all\" or a list of setting ids and settings");
            }
            settings.addAll(all);
        } else {
            for (GridNode s : settingsNode.list()) {
                settings.add(s.isObject() ? setting(s) : known(s));
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (SettingSpec s : settings) {
            if (!ids.add(s.id())) {
                throw settingsNode.refuse("names setting " + s.id() + " twice");
            }
        }
        Set<String> ablations = new LinkedHashSet<>();
        if (f.containsKey("ablationSettings")) {
            for (GridNode a : f.get("ablationSettings").list()) {
                if (!ids.contains(a.text())) {
                    throw a.refuse("not a setting of this mode");
                }
                ablations.add(a.text());
            }
        }
        return new ComparisonGrid.ModeGrid(settings, ablations,
                schedule(required(f, "schedule", node), tuning, calibration));
    }

    private SettingSpec known(GridNode id) {
        SettingSpec s = byId.get(id.text());
        if (s == null) {
            throw id.refuse("not the id of a setting");
        }
        return s;
    }

    /** A mode's schedule: its own fields, its {@code tuning} and {@code calibration} over the file's defaults. */
    private Schedule schedule(GridNode node, Map<String, GridNode> tuningDefaults,
                              Map<String, GridNode> calibrationDefaults) {
        Map<String, GridNode> f = node.object(SCHEDULE);
        Map<String, GridNode> t = new LinkedHashMap<>(tuningDefaults);
        if (f.containsKey("tuning")) {
            t.putAll(f.get("tuning").object(TUNING));
        }
        Map<String, GridNode> c = new LinkedHashMap<>(calibrationDefaults);
        if (f.containsKey("calibration")) {
            Map<String, GridNode> own = f.get("calibration").object(CALIBRATION);
            if (own.containsKey("source") || own.containsKey("sources")) {
                c.remove("source"); // the mode's source or sources replace the file's
                c.remove("sources");
            }
            c.putAll(own);
        }
        CalibrationSources sources = sources(c, node);
        GridNode loose = required(c, "loosePrior", node);
        plugin(loose, PluginKind.PRIOR);
        CalibrationConfig calibration;
        TuningConfig.Search search;
        try {
            calibration = new CalibrationConfig(required(c, "runs", node).positiveInteger(),
                    required(c, "cycles", node).positiveInteger(), required(c, "spinupCycles", node)
                    .nonNegativeInteger(), pluginConfig(loose), required(c, "scaleGrid", node).positiveNumbers());
            if (!sources.first().equals(CalibrationSources.ENSEMBLE)) {
                calibration = calibration.withSource(SampleSource.of(sources.first()));
            }
            search = TuningConfig.Search.of("tuning.search", required(t, "search", node).text());
        } catch (ConfigException e) {
            throw new ConfigException(node.where() + e.getMessage());
        }
        int evaluationCycles = required(f, "evaluationCycles", node).positiveInteger();
        int evaluationSpinup = required(f, "evaluationSpinup", node).nonNegativeInteger();
        int tuningCycles = required(f, "tuningCycles", node).positiveInteger();
        int tuningSpinup = required(f, "tuningSpinup", node).nonNegativeInteger();
        List<Double> grid = required(t, "grid", node).positiveNumbers();
        List<Double> ensembleGrid = required(t, "ensembleGrid", node).positiveNumbers();
        int budget = required(t, "budget", node).positiveInteger();
        int seeds = required(f, "tuningSeeds", node).positiveInteger();
        int climatology = required(f, "climatologySamples", node).positiveInteger();
        try {
            return new Schedule(evaluationCycles, evaluationSpinup, tuningCycles, tuningSpinup, grid, ensembleGrid,
                    search, budget, seeds, calibration, climatology, sources);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.where() + e.getMessage());
        }
    }

    /**
     * The sample sources: {@code sources} (a list of distinct known names), or {@code source} as a one-element list
     * (3dvar when neither is given); {@code ensembleInflation} for the ensemble source.
     */
    private static CalibrationSources sources(Map<String, GridNode> c, GridNode node) {
        if (c.containsKey("source") && c.containsKey("sources")) {
            throw c.get("sources").refuse("give calibration.source or calibration.sources, not both");
        }
        List<GridNode> entries = c.containsKey("sources") ? c.get("sources").list()
                : c.containsKey("source") ? List.of(c.get("source")) : List.of();
        List<String> names = new ArrayList<>();
        for (GridNode e : entries) {
            String n = e.text();
            if (!CalibrationSources.KNOWN.contains(n)) {
                throw e.refuse("must be one of " + String.join(", ", CalibrationSources.KNOWN));
            }
            if (names.contains(n)) {
                throw e.refuse("names source " + n + " twice");
            }
            names.add(n);
        }
        if (names.isEmpty()) {
            names.add(SampleSource.THREE_D_VAR.key());
        }
        double inflation = c.containsKey("ensembleInflation") ? c.get("ensembleInflation").positiveNumber()
                : CalibrationSources.DEFAULT_ENSEMBLE_INFLATION;
        return new CalibrationSources(names, inflation);
    }

    // ------------------------------------------------------------------------------------------ methods

    private GaussianCandidates gaussian(GridNode node) {
        Map<String, GridNode> f = node.object(Set.of("prior", "tunedParameter", "covariances", "imperfectModelMeans",
                "climatologyGridScale"));
        GridNode prior = required(f, "prior", node);
        checkPlugin(prior, prior.text(), PluginKind.PRIOR);
        Map<String, List<String>> covariances = new LinkedHashMap<>();
        Map<String, GridNode> perSystem = perSystem(required(f, "covariances", node));
        perSystem.forEach((system, list) -> covariances.put(system, list.texts()));
        return new GaussianCandidates(prior.text(), required(f, "tunedParameter", node).text(), covariances,
                required(f, "imperfectModelMeans", node).texts(),
                required(f, "climatologyGridScale", node).positiveNumber());
    }

    private LearnedPriorSpec learned(GridNode node) {
        Map<String, GridNode> f = node.object(Set.of("plugin", "tunedParameter", "config", "training",
                "ablations"));
        // The plugin may be absent from the classpath: the grid then runs without it (and says so).
        String plugin = required(f, "plugin", node).text();
        Map<String, Map<String, Object>> config = new LinkedHashMap<>();
        perSystem(required(f, "config", node)).forEach((system, c) -> config.put(system, c.parameters()));
        Map<Mode, Map<String, Map<String, Object>>> training = new LinkedHashMap<>();
        if (f.containsKey("training")) {
            Map<String, GridNode> byMode = f.get("training").object(Set.of(Mode.FULL.id(), Mode.QUICK.id(),
                    Mode.SMOKE.id()));
            for (Map.Entry<String, GridNode> e : byMode.entrySet()) {
                Map<String, Map<String, Object>> bySystem = new LinkedHashMap<>();
                for (Map.Entry<String, GridNode> s : e.getValue().object(systems.keySet()).entrySet()) {
                    bySystem.put(s.getKey(), s.getValue().parameters());
                }
                training.put(Mode.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), bySystem);
            }
        }
        List<LearnedPrior.Ablation> ablations = new ArrayList<>();
        if (f.containsKey("ablations")) {
            for (GridNode a : f.get("ablations").list()) {
                Map<String, GridNode> af = a.object(Set.of("label", "description", "overrides"));
                Map<String, Object> overrides = required(af, "overrides", a).parameters();
                if (overrides.isEmpty()) {
                    throw af.get("overrides").refuse("must set at least one parameter");
                }
                ablations.add(new LearnedPrior.Ablation(required(af, "label", a).text(),
                        required(af, "description", a).text(), overrides));
            }
        }
        return new LearnedPriorSpec(plugin, required(f, "tunedParameter", node).text(), config, training,
                ablations);
    }

    private EnsembleReference ensemble(GridNode node) {
        Map<String, GridNode> f = node.object(Set.of("tunedParameter", "systems"));
        Map<String, EnsembleReference.Filter> filters = new LinkedHashMap<>();
        perSystem(required(f, "systems", node)).forEach((system, s) -> {
            Map<String, GridNode> sf = s.object(Set.of("label", "method"));
            GridNode method = required(sf, "method", s);
            plugin(method, PluginKind.METHOD);
            filters.put(system, new EnsembleReference.Filter(required(sf, "label", s).text(), pluginConfig(method)));
        });
        return new EnsembleReference(required(f, "tunedParameter", node).text(), filters);
    }

    /** An object with one entry for every system of the file, and no other. */
    private Map<String, GridNode> perSystem(GridNode node) {
        Map<String, GridNode> m = node.object(systems.keySet());
        for (String system : systems.keySet()) {
            if (!m.containsKey(system)) {
                throw node.refuse("missing system " + system);
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------ plugins

    /** Checks a plugin section {@code {"name": ..., parameters...}} names a plugin of {@code kind}. */
    private void plugin(GridNode section, PluginKind kind) {
        Map<String, GridNode> f = section.entries();
        GridNode name = required(f, "name", section);
        checkPlugin(name, name.text(), kind);
        section.parameters();
    }

    private void checkPlugin(GridNode where, String name, PluginKind kind) {
        if (!registry.names(kind).contains(name)) {
            throw where.refuse("unknown " + kind.label() + " plugin " + name + "; known: "
                    + String.join(", ", registry.names(kind)));
        }
    }

    private static PluginConfig pluginConfig(GridNode section) {
        Map<String, Object> p = new LinkedHashMap<>(section.parameters());
        String name = (String) p.remove("name");
        return new PluginConfig(name, p);
    }

    private static GridNode required(Map<String, GridNode> fields, String key, GridNode parent) {
        GridNode n = fields.get(key);
        if (n == null) {
            throw parent.missing(key);
        }
        return n;
    }
}
