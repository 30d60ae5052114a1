package org.vaevar.assimilation.experiment;

import org.vaevar.assimilation.config.RunOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;
import org.vaevar.assimilation.inject.Forecast;
import org.vaevar.assimilation.inject.Plugins;
import org.vaevar.assimilation.inject.Truth;

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

    /** The tuned prior and what each grid value gave on the tuning seed (+∞ where the run diverged). */
    public record Tuned(PluginConfig prior, List<ExperimentResult.TuningPoint> points) {
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
    private final ExperimentPriorContext context;

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
        this.calibration = new Calibration(config.calibration(), plugins, assimilation(1), twins, noSamples,
                config.seed(), options.progress());
        this.context = new ExperimentPriorContext(model.dimension(), () -> calibration.run().samples(),
                this::climatology, priorSeed, setup(), options.cacheDirectory(), options.progress());
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

    /** The prior context every method of this setting shares. */
    public ExperimentPriorContext priorContext() {
        return context;
    }

    /** The calibration outcome, running it if no prior asked for it yet. */
    public Calibration.Outcome calibration() {
        return calibration.run();
    }

    /** The calibration outcome if some prior needed the samples, else {@code null}. */
    public Calibration.Outcome calibrationIfRun() {
        return context.hasSamples() ? calibration.run() : null;
    }

    /** Builds a prior from its config, in this setting's context. */
    public BackgroundPrior prior(String section, PluginConfig prior) {
        return plugins.prior(section, prior, context);
    }

    /** The provider a prior section names. */
    public org.vaevar.api.plugin.PriorProvider priorProvider(String section, PluginConfig prior) {
        return plugins.priorProvider(section, prior);
    }

    /** Validates a prior section without building it. */
    public void validatePrior(String section, PluginConfig prior) {
        plugins.validate(section, PluginKind.PRIOR, prior);
    }

    /**
     * Tunes one scalar of the prior over the grid on the tuning seed: every value runs the same cycles on the same
     * data, the lowest mean analysis RMSE wins.
     *
     * @throws DivergenceException if every value diverged
     */
    public Tuned tune(PluginConfig prior, TuningConfig tuning, int window) {
        TwinObservations data = twins.create(Seeds.derive(config.seed(), "tuning"),
                assimilation(window).timesNeeded(tuning.cycles()));
        List<ExperimentResult.TuningPoint> points = new ArrayList<>();
        PluginConfig best = null;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double value : tuning.grid()) {
            PluginConfig candidate = prior.with(tuning.parameter(), value);
            double rmse;
            try {
                rmse = run(prior("prior", candidate), window, data, tuning.cycles(), tuning.spinupCycles(),
                        "tuning " + tuning.parameter() + " = " + value).meanRmseAnalysis();
            } catch (DivergenceException e) {
                rmse = Double.POSITIVE_INFINITY;
            }
            points.add(new ExperimentResult.TuningPoint(value, rmse));
            if (rmse < bestRmse) {
                bestRmse = rmse;
                best = candidate;
            }
        }
        if (best == null) {
            throw new DivergenceException(0, "tuning: every value of " + tuning.parameter() + " in " + tuning.grid()
                    + " diverged");
        }
        return new Tuned(best, List.copyOf(points));
    }

    /** A run of {@code cycles} cycles on the truth and observations of {@code runSeed}. */
    public RunResult evaluate(BackgroundPrior prior, int window, long runSeed, int cycles, int spinupCycles,
                              String task) {
        TwinObservations data = twins.create(runSeed, assimilation(window).timesNeeded(cycles));
        return run(prior, window, data, cycles, spinupCycles, task);
    }

    /** The twin data of a run seed (for diagnostics and figures). */
    public TwinObservations data(long runSeed, int times) {
        return twins.create(runSeed, times);
    }

    private RunResult run(BackgroundPrior prior, int window, TwinObservations data, int cycles, int spinup,
                          String task) {
        return assimilation(window).run(prior, data, cycles, spinup, false, options.progress(), task);
    }

    private CycledAssimilation assimilation(int window) {
        return new CycledAssimilation(model, operator, error, minimizer, config.stopping(),
                config.observations().interval(), window, config.observationWeight());
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
