package org.vaevar.harness.reproduce;

import java.util.Locale;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * One twin setting of the grid: the system, how it is observed, and which model makes the truth.
 *
 * @param id             a stable key, e.g. {@code l96-d5-e2-arctan}; it also names the setting's seed stream
 * @param system         {@code lorenz63} or {@code lorenz96}
 * @param model          the forecast model
 * @param truthModel     the model that makes the truth, {@code null} for a perfect-model setting
 * @param modelVariant   {@code perfect}, or what differs, e.g. {@code imperfect: truth F=8, forecast F=7.5}
 * @param operator       the observation operator's name ({@code linear}, {@code arctan})
 * @param operatorConfig the operator with its component selection
 * @param obsInterval    model steps between observation times
 * @param obsEvery       every k-th component observed (for Lorenz 63 "x only" this is 3: component 0 of 3)
 * @param observed       which components, in words ({@code x, y, z}; {@code x}; {@code 20 of 40})
 * @param noise          observation-error standard deviation (R = noise² I)
 * @param burnInSteps    model steps from the random initial state before the truth starts
 */
public record SettingSpec(String id, String system, PluginConfig model, PluginConfig truthModel,
                          String modelVariant, String operator, PluginConfig operatorConfig, int obsInterval,
                          int obsEvery, String observed, double noise, int burnInSteps) {

    /** Spread of the first background's error around the truth (the standard twin convention). */
    static final double INITIAL_SPREAD = 1.0;
    /** Steps between the climatology's states. */
    static final int CLIMATOLOGY_SPACING = 10;

    public boolean perfectModel() {
        return truthModel == null;
    }

    /** The share of the state that is observed (for the density figure). */
    public double observedFraction(int stateDimension) {
        return (double) ((stateDimension + obsEvery - 1) / obsEvery) / stateDimension;
    }

    /** Short label for tables and figures: {@code L96 Δ5 20 of 40 arctan}. */
    public String label() {
        String s = (system.equals("lorenz63") ? "L63" : system.equals("lorenz96") ? "L96" : system) + " Δ"
                + obsInterval + " " + observed + " " + operator;
        return perfectModel() ? s : s + " (imperfect)";
    }

    /** The system's name for people. */
    public String systemLabel() {
        return switch (system) {
            case "lorenz63" -> "Lorenz 63";
            case "lorenz96" -> "Lorenz 96";
            default -> system;
        };
    }

    /**
     * The experiment config of this setting: calibration and climatology from the schedule; the prior, window and
     * tuning of the config are placeholders (each method brings its own).
     */
    public ExperimentConfig config(Schedule schedule, long seed) {
        return config(schedule, seed, schedule.calibration());
    }

    /** As {@link #config(Schedule, long)} with the samples of {@code calibration} (one of the sample sources). */
    public ExperimentConfig config(Schedule schedule, long seed, CalibrationConfig calibration) {
        return ExperimentConfig.builder()
                .name(id)
                .description(String.format(Locale.ROOT, "%s, %s observed every %d steps with %s, noise %s; %s",
                        systemLabel(), observed, obsInterval, operator, noise, modelVariant))
                .seed(seed)
                .model(model)
                .truthModel(truthModel)
                .observe(operatorConfig, obsInterval, noise)
                .prior(PluginConfig.of("gaussian", "covariance", "samples"))
                .minimizer(PluginConfig.of("lbfgs"))
                .window(1)
                .cycles(schedule.evaluationCycles())
                .spinupCycles(schedule.evaluationSpinup())
                .burnInSteps(burnInSteps)
                .initialSpread(INITIAL_SPREAD)
                .climatology(schedule.climatologySamples(), CLIMATOLOGY_SPACING)
                .calibration(calibration)
                .build();
    }
}
