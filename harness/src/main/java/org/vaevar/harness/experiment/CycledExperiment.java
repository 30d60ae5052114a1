package org.vaevar.harness.experiment;

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
import org.vaevar.harness.config.ConfigException;
import org.vaevar.harness.config.ExperimentConfig;
import org.vaevar.harness.config.PluginConfig;
import org.vaevar.harness.inject.Forecast;
import org.vaevar.harness.inject.Plugins;
import org.vaevar.harness.inject.Truth;

/**
 * A whole twin experiment: (lazily) the calibration samples and climatology, the tuning of the prior's scalar on a
 * tuning seed, then the evaluation run. Seeds are derived from the master seed by purpose, so two methods run with
 * the same seed see identical truth and observations.
 */
public final class CycledExperiment {

    private final ExperimentConfig config;
    private final Plugins plugins;
    private final DynamicalModel model;
    private final DynamicalModel truthModel;
    private final ObservationOperator operator;
    private final ObservationError error;
    private final Minimizer minimizer;
    private final RunOptions options;

    @Inject
    public CycledExperiment(ExperimentConfig config, Plugins plugins, @Forecast DynamicalModel model,
                            @Truth DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                            Minimizer minimizer, RunOptions options) {
        this.config = config;
        this.plugins = plugins;
        this.model = model;
        this.truthModel = truthModel;
        this.operator = operator;
        this.error = error;
        this.minimizer = minimizer;
        this.options = options;
        if (truthModel.dimension() != model.dimension() || truthModel.timeStep() != model.timeStep()) {
            throw new ConfigException("truthModel: dimension " + truthModel.dimension() + " and time step "
                    + truthModel.timeStep() + " must equal the forecast model's " + model.dimension() + " and "
                    + model.timeStep());
        }
        plugins.validate("prior", PluginKind.PRIOR, config.prior());
        plugins.validate("calibration.loosePrior", PluginKind.PRIOR, config.calibration().loosePrior());
        if (config.tuning() != null && !config.prior().parameters().containsKey(config.tuning().parameter())) {
            // Validate the tuned name against the prior's parameters by binding one grid value.
            plugins.validate("tuning.parameter", PluginKind.PRIOR,
                    config.prior().with(config.tuning().parameter(), config.tuning().grid().get(0)));
        }
    }

    public ExperimentConfig config() {
        return config;
    }

    public ExperimentResult run() {
        long start = System.nanoTime();
        TwinFactory twins = new TwinFactory(truthModel, operator, error, config.observations().interval(),
                config.burnInSteps(), config.initialSpread());
        CycledAssimilation assimilation = assimilation(config.window());

        ExperimentPriorContext noSamples = new ExperimentPriorContext(model.dimension(),
                () -> {
                    throw new IllegalStateException("the calibration's loose prior cannot itself need calibration "
                            + "samples: use covariance climatology or diagonal for calibration.loosePrior");
                },
                this::climatology, Seeds.derive(config.seed(), "prior"), setup(), options.cacheDirectory(),
                options.progress());
        Calibration calibration = new Calibration(config.calibration(), plugins, assimilation(1), twins, noSamples,
                config.seed(), options.progress());
        ExperimentPriorContext context = new ExperimentPriorContext(model.dimension(),
                () -> calibration.run().samples(), this::climatology, Seeds.derive(config.seed(), "prior"), setup(),
                options.cacheDirectory(), options.progress());

        PluginConfig priorConfig = config.prior();
        List<ExperimentResult.TuningPoint> tuning = new ArrayList<>();
        if (config.tuning() != null) {
            TwinObservations tuningData = twins.create(Seeds.derive(config.seed(), "tuning"),
                    assimilation.timesNeeded(config.tuning().cycles()));
            double best = Double.POSITIVE_INFINITY;
            for (double value : config.tuning().grid()) {
                PluginConfig candidate = priorConfig.with(config.tuning().parameter(), value);
                double rmse;
                try {
                    BackgroundPrior prior = plugins.prior("prior", candidate, context);
                    rmse = assimilation.run(prior, tuningData, config.tuning().cycles(), config.tuning().spinupCycles(),
                            false, options.progress(), "tuning " + config.tuning().parameter() + " = " + value)
                            .meanRmseAnalysis();
                } catch (DivergenceException e) {
                    rmse = Double.POSITIVE_INFINITY;
                }
                tuning.add(new ExperimentResult.TuningPoint(value, rmse));
                if (rmse < best) {
                    best = rmse;
                    priorConfig = candidate;
                }
            }
            if (!Double.isFinite(best)) {
                throw new DivergenceException(0, "tuning: every value of " + config.tuning().parameter() + " in "
                        + config.tuning().grid() + " diverged");
            }
        }

        BackgroundPrior prior = plugins.prior("prior", priorConfig, context);
        TwinObservations data = twins.create(Seeds.derive(config.seed(), "evaluation"),
                assimilation.timesNeeded(config.cycles()));
        RunResult run = assimilation.run(prior, data, config.cycles(), config.spinupCycles(), false,
                options.progress(), config.name());
        double wall = (System.nanoTime() - start) / 1e9;
        return new ExperimentResult(config, priorConfig, run, tuning,
                context.hasSamples() ? calibration.run() : null, prior.describe(), wall);
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
        s.put("observations", Map.of("operator", config.observations().operator().toMap(),
                "interval", config.observations().interval(), "noise", config.observations().noise()));
        return s;
    }
}
