package org.vaevar.assimilation.experiment;

import org.vaevar.assimilation.config.RunOptions;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.SampleSource;
import org.vaevar.assimilation.config.TuningConfig;
import org.vaevar.assimilation.inject.Forecast;
import org.vaevar.assimilation.inject.Plugins;
import org.vaevar.assimilation.inject.Truth;
import org.vaevar.assimilation.method.ExperimentMethodContext;
import org.vaevar.assimilation.method.VariationalMethod;

/**
 * One twin setting — model, truth model, observations, minimizer and schedule — in which several methods (priors
 * and window lengths) are tuned and evaluated on identical data. The climatology and the calibration samples are
 * computed once, on first request, and shared by every method, so the Gaussian B and the VAE learn from the same
 * samples. Thread-safe: methods and seeds of one setting may run in parallel.
 *
 * <p>Seeds: calibration, tuning and the priors' own streams derive from the config's master seed by purpose;
 * evaluation runs take a run seed, so the same run seed gives every method the same truth and observations.
 */
public final class TwinSetting {

    /**
     * The tuned sections and what each value tried gave on the tuning seeds (+∞ where a run diverged).
     *
     * @param prior     the prior section (tuned if the target was the prior)
     * @param method    the method section (tuned if the target was the method)
     * @param target    what was tuned
     * @param points    every value tried with its score, in evaluation order (grid order for the grid search)
     * @param atBound   the chosen value is the smallest or largest tried: the best value may lie outside
     */
    public record Tuned(PluginConfig prior, PluginConfig method, TuningTarget target,
                        List<ExperimentResult.TuningPoint> points, boolean atBound) {

        /** The chosen value of the tuned parameter. */
        public Object chosen() {
            return (target.tunesMethod() ? method : prior).parameters().get(target.parameter());
        }
    }

    private final ExperimentConfig config;
    private final Plugins plugins;
    private final DynamicalModel model;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final Minimizer minimizer;
    private final RunOptions options;
    private final TwinFactory twins;
    private final Calibration calibration;
    /** The prior context per window (one, shared, unless calibration.source is window). */
    private final Map<Integer, ExperimentPriorContext> contexts;
    /** Contexts refined by self-consistent rounds, per window and prior family (see {@link #refine}). */
    private final Map<String, ExperimentPriorContext> refined;
    /** What each {@link #refine} with rounds gave, by the same key. */
    private final Map<String, SelfConsistentRounds.Result> roundResults;
    /** In a view that tunes a round: the window and context it replaces; else null. */
    private final Integer overrideWindow;
    private final ExperimentPriorContext overrideContext;

    @Inject
    public TwinSetting(ExperimentConfig config, Plugins plugins, @Forecast DynamicalModel model,
                       @Truth DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                       Minimizer minimizer, RunOptions options) {
        if (truthModel.dimension() != model.dimension() || truthModel.timeStep() != model.timeStep()) {
            throw new ConfigException("truthModel: dimension " + truthModel.dimension() + " and time step "
                    + truthModel.timeStep() + " must equal the forecast model's " + model.dimension() + " and "
                    + model.timeStep());
        }
        plugins.validate("calibration.loosePrior", PluginKind.PRIOR, config.calibration().loosePrior());
        plugins.validate("calibration.samplePrior", PluginKind.PRIOR, config.calibration().samplePrior());
        this.config = config;
        this.plugins = plugins;
        this.model = model;
        this.operator = operator;
        this.error = error;
        this.minimizer = minimizer;
        this.options = options;
        this.twins = new TwinFactory(truthModel, operator, error, config.observations().interval(),
                config.burnInSteps(), config.initialSpread());
        long priorSeed = Seeds.derive(config.seed(), "prior");
        ExperimentPriorContext noSamples = new ExperimentPriorContext(model.dimension(),
                () -> {
                    throw new IllegalStateException("the calibration's loose prior cannot itself need calibration "
                            + "samples: use covariance climatology or diagonal for calibration.loosePrior");
                },
                this::climatology, priorSeed, setup(), options.cacheDirectory(), options.progress());
        if (config.calibration().method() != null) {
            plugins.validate("calibration.method", PluginKind.METHOD, config.calibration().method());
        }
        Calibration.Methods calibrationMethods = new Calibration.Methods() {
            @Override
            public AssimilationMethod variational(BackgroundPrior prior, int window) {
                return TwinSetting.this.variational(prior, window);
            }

            @Override
            public double[] forecast(double[] x, int intervals) {
                return model.forecast(x, intervals * config.observations().interval());
            }

            @Override
            public AssimilationMethod method(PluginConfig method) {
                return TwinSetting.this.method("calibration.method", method, null, 1);
            }
        };
        this.calibration = new Calibration(config.calibration(), plugins, calibrationMethods, twins, noSamples,
                config.seed(), options.progress());
        ExperimentPriorContext first = new ExperimentPriorContext(model.dimension(), () -> calibration.run().samples(),
                this::climatology, priorSeed, setup(), options.cacheDirectory(), options.progress());
        this.contexts = new java.util.concurrent.ConcurrentHashMap<>();
        contexts.put(1, first);
        this.refined = new java.util.concurrent.ConcurrentHashMap<>();
        this.roundResults = new java.util.concurrent.ConcurrentHashMap<>();
        this.overrideWindow = null;
        this.overrideContext = null;
    }

    /** A view of {@code base} whose priors of window {@code window} are built in {@code context}. */
    private TwinSetting(TwinSetting base, int window, ExperimentPriorContext context) {
        this.config = base.config;
        this.plugins = base.plugins;
        this.model = base.model;
        this.operator = base.operator;
        this.error = base.error;
        this.minimizer = base.minimizer;
        this.options = base.options;
        this.twins = base.twins;
        this.calibration = base.calibration;
        this.contexts = base.contexts;
        this.refined = base.refined;
        this.roundResults = base.roundResults;
        this.overrideWindow = window;
        this.overrideContext = context;
    }

    public ExperimentConfig config() {
        return config;
    }

    public DynamicalModel model() {
        return model;
    }

    public ObservationOperator operator() {
        return operator;
    }

    /** The prior context of the config's window (every window's, unless calibration.source is window). */
    public ExperimentPriorContext priorContext() {
        return priorContext(config.window());
    }

    /**
     * Takes the calibration samples of the config's window from elsewhere (a sweep's calibration task: the same
     * numbers, computed once per sweep rather than once per JVM), so no prior of that window runs the calibration; a
     * no-op once it has samples of its own. Call before building priors.
     */
    public synchronized void useSamples(org.vaevar.api.plugin.BackgroundErrorSamples samples) {
        ExperimentPriorContext c = priorContext(config.window());
        if (!c.hasSamples()) {
            contexts.put(config.calibration().source() == SampleSource.WINDOW ? config.window() : 1,
                    c.withSamples(samples));
        }
    }

    /**
     * The prior context of the methods with window {@code window}: their priors learn from
     * {@link Calibration#run(int)}'s samples; the climatology is shared.
     */
    public ExperimentPriorContext priorContext(int window) {
        if (overrideWindow != null && overrideWindow == window) {
            return overrideContext;
        }
        int key = config.calibration().source() == SampleSource.WINDOW ? window : 1;
        return contexts.computeIfAbsent(key, w -> contexts.get(1).withSamples(() -> calibration.run(w).samples()));
    }

    /** The calibration outcome of the config's window, running it if no prior asked for it yet. */
    public Calibration.Outcome calibration() {
        return calibration(config.window());
    }

    /** The calibration outcome whose samples the priors of window {@code window} learn from. */
    public Calibration.Outcome calibration(int window) {
        return calibration.run(window);
    }

    /** The calibration outcome of the config's window if some prior needed its samples, else {@code null}. */
    public Calibration.Outcome calibrationIfRun() {
        return priorContext().hasSamples() ? calibration() : null;
    }

    /** Builds a prior from its config, for the config's window. */
    public BackgroundPrior prior(String section, PluginConfig prior) {
        return prior(section, prior, config.window());
    }

    /**
     * Builds a prior for a method of window {@code window}: from that window's samples, or from the samples
     * self-consistent rounds refined for this prior and window ({@link #refine}).
     */
    public BackgroundPrior prior(String section, PluginConfig prior, int window) {
        ExperimentPriorContext r = overrideWindow == null ? refined.get(refinedKey(prior, window)) : null;
        return plugins.prior(section, prior, r != null ? r : priorContext(window));
    }

    /**
     * Tunes the prior's scalar as {@link #tune} does, then runs {@code calibration.rounds} self-consistent rounds
     * ({@link SelfConsistentRounds}): the tuned method's own errors on the calibration sample seeds rebuild the
     * prior, kept while the tuning RMSE falls. Later priors of this family and window ({@link #prior(String,
     * PluginConfig, int)}) are built from the kept round's samples. Without rounds, exactly {@link #tune}.
     */
    public SelfConsistentRounds.Result refine(PluginConfig method, PluginConfig prior, TuningConfig tuning,
                                              int window) {
        Tuned first = tune(method, prior, tuning, window);
        CalibrationConfig c = config.calibration();
        if (c.rounds() == 0 || !plugins.methodProvider("method", method).usesPrior()) {
            return new SelfConsistentRounds.Result(first, priorContext(window), SelfConsistentRounds.bestRmse(first),
                    List.of());
        }
        SelfConsistentRounds.Result r = SelfConsistentRounds.run(c.rounds(), c.roundSamples(), priorContext(window),
                first, new SelfConsistentRounds.Steps() {
                    @Override
                    public Tuned tune(ExperimentPriorContext context) {
                        return new TwinSetting(TwinSetting.this, window, context).tune(method, prior, tuning, window);
                    }

                    @Override
                    public org.vaevar.api.plugin.BackgroundErrorSamples errors(Tuned tuned,
                                                                               ExperimentPriorContext context,
                                                                               List<Double> rmse) {
                        TwinSetting view = new TwinSetting(TwinSetting.this, window, context);
                        return calibration.sampleRuns(view.method("method", tuned.method(), tuned.prior(), window),
                                rmse);
                    }
                });
        if (r.keptRounds() > 0) {
            refined.put(refinedKey(prior, window), r.context());
        }
        roundResults.put(refinedKey(prior, window), r);
        return r;
    }

    /**
     * The self-consistent rounds run so far, by window and prior family ("3 vae {architecture=conv, ...}"), in
     * that order.
     */
    public Map<String, SelfConsistentRounds.Result> rounds() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(roundResults));
    }

    /** A prior family (its section without the tuned scalar) and a window. */
    private String refinedKey(PluginConfig prior, int window) {
        Map<String, Object> p = new LinkedHashMap<>(prior.parameters());
        plugins.priorProvider("prior", prior).tunableParameter().ifPresent(p::remove);
        return window + " " + prior.name() + " " + new java.util.TreeMap<>(p);
    }

    /** The provider a prior section names. */
    public org.vaevar.api.plugin.PriorProvider priorProvider(String section, PluginConfig prior) {
        return plugins.priorProvider(section, prior);
    }

    /** Validates a prior section without building it. */
    public void validatePrior(String section, PluginConfig prior) {
        plugins.validate(section, PluginKind.PRIOR, prior);
    }

    /** The provider a method section names. */
    public AssimilationMethodProvider methodProvider(String section, PluginConfig method) {
        return plugins.methodProvider(section, method);
    }

    /** Validates a method section without building it. */
    public void validateMethod(String section, PluginConfig method) {
        plugins.validate(section, PluginKind.METHOD, method);
    }

    /**
     * Builds a method from its section in this setting; a method that uses a prior builds {@code prior} (which may
     * run the calibration) when it asks for it.
     *
     * @param prior the prior section, or {@code null} for a method that must not need one
     */
    public AssimilationMethod method(String section, PluginConfig method, PluginConfig prior, int window) {
        return plugins.method(section, method, methodContext(prior, window));
    }

    /** The variational method with a given prior and window (3D-Var for window 1). */
    public VariationalMethod variational(BackgroundPrior prior, int window) {
        return new VariationalMethod(model, operator, error, prior, minimizer, config.stopping(),
                config.observations().interval(), window, config.observationWeight());
    }

    /** What {@code tuning.parameter} (or, when absent, the declared tunable scalar) names for these sections. */
    public TuningTarget tuningTarget(TuningConfig tuning, PluginConfig method, PluginConfig prior) {
        AssimilationMethodProvider mp = plugins.methodProvider("method", method);
        if (tuning.parameter() != null) {
            return TuningTarget.resolve(tuning.parameter(), mp);
        }
        if (mp.usesPrior()) {
            return new TuningTarget(TuningTarget.PRIOR, plugins.priorProvider("prior", prior).tunableParameter()
                    .orElseThrow(() -> new ConfigException("tuning.parameter: not given, and prior " + prior.name()
                            + " declares no tunable scalar")));
        }
        return new TuningTarget(TuningTarget.METHOD, mp.tunableParameter()
                .orElseThrow(() -> new ConfigException("tuning.parameter: not given, and method " + method.name()
                        + " declares no tunable scalar")));
    }

    /**
     * Tunes one scalar of the prior (variational) on the tuning seeds: every value runs the same cycles on the same
     * data, the lowest mean analysis RMSE wins.
     *
     * @throws DivergenceException if every value diverged
     */
    public Tuned tune(PluginConfig prior, TuningConfig tuning, int window) {
        return tune(PluginConfig.of(ExperimentConfig.DEFAULT_METHOD), prior, tuning, window);
    }

    /**
     * Tunes the scalar {@code tuning} names, of the method or of its prior, by the configured search. A value's
     * score is the mean over the {@code tuning.seeds} tuning seeds of its mean analysis RMSE, +∞ if it diverged on
     * any of them; tuning seed i draws its truth and observations from {@code "tuning/" + i}, seed 0 from
     * {@code "tuning"}. The seeds run one after the other, so the score is the same whatever the thread count.
     *
     * @throws DivergenceException if every value diverged
     */
    public Tuned tune(PluginConfig method, PluginConfig prior, TuningConfig tuning, int window) {
        TuningTarget target = tuningTarget(tuning, method, prior);
        List<TwinData> data = new java.util.ArrayList<>(tuning.seeds());
        for (int i = 0; i < tuning.seeds(); i++) {
            data.add(twins.create(tuningSeed(config.seed(), i), tuning.cycles() * window));
        }
        String label = target.tunesMethod() ? "method." + target.parameter() : target.parameter();
        java.util.function.DoubleFunction<Tuned> candidate = value -> target.tunesMethod()
                ? new Tuned(prior, method.with(target.parameter(), value), target, List.of(), false)
                : new Tuned(prior.with(target.parameter(), value), method, target, List.of(), false);
        java.util.function.ToDoubleFunction<Tuned> score = c -> {
            double sum = 0;
            for (int i = 0; i < data.size(); i++) {
                sum += new CycledAssimilation(method("method", c.method(), c.prior(), window))
                        .run(data.get(i), tuning.cycles(), tuning.spinupCycles(), new ProgressObserver(
                                options.progress(), "tuning " + label + " = " + (c.chosen() instanceof Double d
                                        ? String.format(java.util.Locale.ROOT, "%.4g", d) : c.chosen())
                                + (data.size() > 1 ? " seed " + (i + 1) + "/" + data.size() : ""),
                                tuning.cycles(), tuning.spinupCycles()))
                        .meanRmseAnalysis();
            }
            return sum / data.size(); // a divergence on any seed throws: +∞ for the value
        };
        GridSearch.Result<Tuned> r = tuning.adaptive()
                ? LogScaleSearch.search(tuning.grid(), tuning.budget(), tuning.rangeFactor(), candidate, score)
                : GridSearch.search(tuning.grid(), candidate, score);
        if (!r.found()) {
            throw new DivergenceException(0, "tuning: every value of " + label + " in " + tuning.grid()
                    + " diverged");
        }
        return new Tuned(r.best().prior(), r.best().method(), target, r.points(), r.atBound());
    }

    /** The stream of tuning seed i: {@code "tuning"} for the first (as with one seed), {@code "tuning/" + i} after. */
    static long tuningSeed(long masterSeed, int i) {
        return Seeds.derive(masterSeed, i == 0 ? "tuning" : "tuning/" + i);
    }

    /**
     * A variational run of {@code cycles} cycles on the truth and observations of {@code runSeed}, watched by
     * {@code observers} (and this setting's progress listener).
     */
    public RunResult evaluate(BackgroundPrior prior, int window, long runSeed, int cycles, int spinupCycles,
                              String task, CycleObserver... observers) {
        return evaluate(variational(prior, window), runSeed, cycles, spinupCycles, task, observers);
    }

    /** A run of any method of {@code cycles} cycles on the truth and observations of {@code runSeed}. */
    public RunResult evaluate(AssimilationMethod method, long runSeed, int cycles, int spinupCycles, String task,
                              CycleObserver... observers) {
        CycledAssimilation loop = new CycledAssimilation(method);
        TwinData data = twins.create(runSeed, loop.timesNeeded(cycles));
        return loop.run(data, cycles, spinupCycles,
                ProgressObserver.appended(observers, options.progress(), task, cycles, spinupCycles));
    }

    /** The twin data of a run seed (for diagnostics and figures). */
    public TwinData data(long runSeed, int times) {
        return twins.create(runSeed, times);
    }

    private ExperimentMethodContext methodContext(PluginConfig prior, int window) {
        return new ExperimentMethodContext(model, operator, error, config.observations().interval(), window,
                config.initialSpread(), () -> {
                    if (prior == null) {
                        throw new ConfigException("calibration.method: the method must not need a prior");
                    }
                    return prior("prior", prior, window);
                }, minimizer, config.stopping(), config.observationWeight());
    }

    /** A long free run of the forecast model: climatologySamples states, climatologySpacing steps apart. */
    private double[][] climatology() {
        double[] x = model.forecast(model.randomState(Seeds.stream(config.seed(), "climatology")),
                config.burnInSteps());
        double[][] states = new double[config.climatologySamples()][];
        for (int k = 0; k < states.length; k++) {
            x = model.forecast(x, config.climatologySpacing());
            states[k] = x;
        }
        return states;
    }

    /** What a trained prior records about the setup it was trained for. */
    private Map<String, Object> setup() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("model", config.model().toMap());
        s.put("truthModel", config.truthModelOrForecast().toMap());
        s.put("observations", config.observations().toMap());
        return s;
    }
}
