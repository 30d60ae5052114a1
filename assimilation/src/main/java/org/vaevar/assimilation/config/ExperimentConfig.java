package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Map;
import org.vaevar.api.StoppingCriteria;

/**
 * One cycled twin experiment, fully described: what the JSON presets under {@code experiments/} hold. Build it
 * from JSON with {@link ConfigReader} (Jackson fills the {@link Builder}, so a field left out keeps the builder's
 * default in both), or in code with {@link #builder()}; {@code with*} methods give variants. It is written back in
 * component order, the optional sections only when present.
 *
 * @param name              a label for tables and file names
 * @param description       one line for humans
 * @param seed              the master seed: truth, observation noise, initial background, calibration and training
 *                          streams are all derived from it
 * @param model             the forecast model
 * @param truthModel        the model that makes the truth; {@code null} for a perfect-model experiment, otherwise
 *                          e.g. Lorenz 96 with another forcing (the imperfect-model setting)
 * @param observations      operator, interval (model steps) and noise
 * @param prior             the background prior (gaussian, vae, ...)
 * @param minimizer         the minimizer
 * @param stopping          when each minimisation stops
 * @param window            K, observation times per assimilation window (1: 3D-Var; more: strong-constraint 4D-Var)
 * @param cycles            assimilation cycles (windows) in the evaluation run
 * @param spinupCycles      cycles left out of the averages
 * @param burnInSteps       model steps from the random initial state before the truth starts
 * @param initialSpread     standard deviation of the first background's error
 * @param observationWeight λ, weight of the observation term
 * @param climatologySamples states in the climatology (a free run of the forecast model), for climatological B
 * @param climatologySpacing model steps between climatology states
 * @param calibration       the calibration protocol (background-error samples)
 * @param tuning            the prior's (or the method's) scalar tuned on a tuning seed, or {@code null} for none
 * @param method            the assimilation method, or {@code null} for the default: variational with the prior,
 *                          minimizer and window above
 * @param expected          the analysis RMSE this config is known to give, or {@code null}
 */
@JsonDeserialize(builder = ExperimentConfig.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentConfig(String name, String description, long seed, PluginConfig model,
                               PluginConfig truthModel, ObservationConfig observations, PluginConfig prior,
                               PluginConfig minimizer, StoppingCriteria stopping, int window, int cycles,
                               int spinupCycles, int burnInSteps, double initialSpread, double observationWeight,
                               int climatologySamples, int climatologySpacing, CalibrationConfig calibration,
                               TuningConfig tuning, PluginConfig method, ExpectedResult expected) {

    public ExperimentConfig {
        if (model == null) {
            throw new ConfigException("model is missing");
        }
        if (observations == null) {
            throw new ConfigException("observations is missing");
        }
        if (window < 1) {
            throw new ConfigException("window = " + window + ": must be at least 1");
        }
        if (cycles < 1) {
            throw new ConfigException("cycles = " + cycles + ": must be at least 1");
        }
        if (spinupCycles < 0 || spinupCycles >= cycles) {
            throw new ConfigException("spinupCycles = " + spinupCycles + ": must be in [0, cycles = " + cycles + ")");
        }
        if (burnInSteps < 0) {
            throw new ConfigException("burnInSteps = " + burnInSteps + ": must be non-negative");
        }
        if (!(initialSpread >= 0) || !Double.isFinite(initialSpread)) {
            throw new ConfigException("initialSpread = " + initialSpread + ": must be non-negative and finite");
        }
        if (!(observationWeight > 0) || !Double.isFinite(observationWeight)) {
            throw new ConfigException("observationWeight = " + observationWeight + ": must be positive and finite");
        }
        if (climatologySamples < 2) {
            throw new ConfigException("climatologySamples = " + climatologySamples + ": must be at least 2");
        }
        if (climatologySpacing < 1) {
            throw new ConfigException("climatologySpacing = " + climatologySpacing + ": must be at least 1");
        }
    }

    /** The model that makes the truth: {@link #truthModel} if set, else the forecast model. */
    public PluginConfig truthModelOrForecast() {
        return truthModel == null ? model : truthModel;
    }

    public boolean perfectModel() {
        return truthModel == null || truthModel.equals(model);
    }

    public ExperimentConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public ExperimentConfig withCycles(int c, int spinup) {
        return toBuilder().cycles(c).spinupCycles(spinup).build();
    }

    public ExperimentConfig withPrior(PluginConfig p) {
        return toBuilder().prior(p).build();
    }

    public ExperimentConfig withWindow(int k) {
        return toBuilder().window(k).build();
    }

    public ExperimentConfig withTuning(TuningConfig t) {
        return toBuilder().tuning(t).build();
    }

    public ExperimentConfig withMethod(PluginConfig m) {
        return toBuilder().method(m).build();
    }

    /** The method section, or the default {@code {"name": "variational"}}. */
    public PluginConfig methodOrDefault() {
        return method == null ? PluginConfig.of(DEFAULT_METHOD) : method;
    }

    /** The method an experiment without a method section runs. */
    public static final String DEFAULT_METHOD = "variational";

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** As JSON would hold it (for summary.json and for saving a resolved config). */
    public Map<String, Object> toMap() {
        return ConfigBinding.tree(this);
    }

    /**
     * Builds an {@link ExperimentConfig} in code or from a config; every field not set keeps the documented default,
     * the one place the defaults are.
     */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String name = "experiment";
        private String description = "";
        private long seed = 1;
        private PluginConfig model;
        private PluginConfig truthModel;
        private ObservationConfig observations;
        private PluginConfig prior = PluginConfig.of("gaussian");
        private PluginConfig minimizer = PluginConfig.of("lbfgs");
        private StoppingCriteria stopping = StoppingCriteria.defaults();
        private int window = 1;
        private int cycles = 1000;
        private int spinupCycles = 100;
        private int burnInSteps = 5000;
        private double initialSpread = 1.0;
        private double observationWeight = 1.0;
        private int climatologySamples = 5000;
        private int climatologySpacing = 10;
        private CalibrationConfig calibration = CalibrationConfig.defaults();
        private TuningConfig tuning;
        private PluginConfig method;
        private ExpectedResult expected;

        private Builder() {
            this(null);
        }

        private Builder(ExperimentConfig c) {
            if (c != null) {
                name = c.name; description = c.description; seed = c.seed; model = c.model;
                truthModel = c.truthModel; observations = c.observations; prior = c.prior;
                minimizer = c.minimizer; stopping = c.stopping; window = c.window; cycles = c.cycles;
                spinupCycles = c.spinupCycles; burnInSteps = c.burnInSteps; initialSpread = c.initialSpread;
                observationWeight = c.observationWeight; climatologySamples = c.climatologySamples;
                climatologySpacing = c.climatologySpacing; calibration = c.calibration; tuning = c.tuning;
                method = c.method; expected = c.expected;
            }
        }

        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder model(PluginConfig v) { model = v; return this; }
        public Builder truthModel(PluginConfig v) { truthModel = v; return this; }
        public Builder observations(ObservationConfig v) { observations = v; return this; }

        /** Observe with {@code operator} every {@code interval} model steps, R = noise² I. */
        public Builder observe(PluginConfig operator, int interval, double noise) {
            observations = new ObservationConfig(operator, interval, noise);
            return this;
        }

        public Builder prior(PluginConfig v) { prior = v; return this; }
        public Builder minimizer(PluginConfig v) { minimizer = v; return this; }
        public Builder stopping(StoppingCriteria v) { stopping = v; return this; }
        public Builder window(int v) { window = v; return this; }
        public Builder cycles(int v) { cycles = v; return this; }
        public Builder spinupCycles(int v) { spinupCycles = v; return this; }
        public Builder burnInSteps(int v) { burnInSteps = v; return this; }
        public Builder initialSpread(double v) { initialSpread = v; return this; }
        public Builder observationWeight(double v) { observationWeight = v; return this; }
        public Builder climatologySamples(int v) { climatologySamples = v; return this; }
        public Builder climatologySpacing(int v) { climatologySpacing = v; return this; }
        public Builder climatology(int samples, int spacing) {
            climatologySamples = samples;
            climatologySpacing = spacing;
            return this;
        }
        public Builder calibration(CalibrationConfig v) { calibration = v; return this; }
        public Builder tuning(TuningConfig v) { tuning = v; return this; }
        public Builder method(PluginConfig v) { method = v; return this; }
        public Builder expected(ExpectedResult v) { expected = v; return this; }

        public ExperimentConfig build() {
            return new ExperimentConfig(name, description, seed, model, truthModel, observations, prior, minimizer,
                    stopping, window, cycles, spinupCycles, burnInSteps, initialSpread, observationWeight,
                    climatologySamples, climatologySpacing, calibration, tuning, method, expected);
        }
    }
}
