package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.inject.Plugins;

/**
 * The calibration protocol (docs/DESIGN.md §3), shared by every prior of an experiment:
 * <ol>
 *   <li>a loosely configured 3D-Var runs on its own seed; its errors after spin-up give a first B;</li>
 *   <li>the scale of that B is tuned over a grid on another seed (lowest mean analysis RMSE); the loose prior
 *       itself competes on the same data, because where observations are sparse a B estimated from a poorly
 *       tracking loose run can track worse still (then the loose prior is kept);</li>
 *   <li>the best of these 3D-Vars runs on further seeds; its (xb, xᵗ) pairs after spin-up are the samples.</li>
 * </ol>
 * Samples from the loose run alone would teach a learned prior the errors of the wrong system, so only step 3's
 * samples are returned. Always 3D-Var (window 1), whatever the experiment's window.
 */
public final class Calibration {

    /**
     * What the calibration did, for the summary.
     *
     * @param looseRmseAnalysis    the loose 3D-Var on its own seed
     * @param scaleRmse            each scale of the loose-sample B on the scale seed (+∞: diverged)
     * @param looseOnScaleSeed     the loose prior on the scale seed, the candidate the scaled Bs must beat
     * @param chosenScale          the scale whose B made the samples, or NaN when the loose prior made them
     */
    public record Outcome(BackgroundErrorSamples samples, double looseRmseAnalysis, Map<Double, Double> scaleRmse,
                          double looseOnScaleSeed, double chosenScale, List<Double> sampleRunRmseAnalysis) {

        public boolean looseKept() {
            return Double.isNaN(chosenScale);
        }
    }

    private final CalibrationConfig config;
    private final Plugins plugins;
    private final CycledAssimilation threeDVar;
    private final TwinFactory twins;
    private final ExperimentPriorContext baseContext;
    private final long masterSeed;
    private final ProgressListener progress;
    private Outcome outcome;

    public Calibration(CalibrationConfig config, Plugins plugins, CycledAssimilation threeDVar, TwinFactory twins,
                       ExperimentPriorContext baseContext, long masterSeed, ProgressListener progress) {
        if (threeDVar.window() != 1) {
            throw new IllegalArgumentException("calibration runs 3D-Var: window must be 1, got " + threeDVar.window());
        }
        this.config = config;
        this.plugins = plugins;
        this.threeDVar = threeDVar;
        this.twins = twins;
        this.baseContext = baseContext;
        this.masterSeed = masterSeed;
        this.progress = progress;
    }

    /** Runs the protocol once; later calls return the same outcome. */
    public synchronized Outcome run() {
        if (outcome != null) {
            return outcome;
        }
        // 1. Loose 3D-Var.
        BackgroundPrior loose = plugins.prior("calibration.loosePrior", config.loosePrior(), baseContext);
        RunResult looseRun = runOn("calibration/loose", loose, true, "calibration: loose 3dvar");
        ExperimentPriorContext withLooseSamples = baseContext.withSamples(looseRun.samples());

        // 2. Tune the scale of the B estimated from the loose run's errors.
        Map<Double, Double> scaleRmse = new LinkedHashMap<>();
        double bestScale = Double.NaN;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double s : config.scaleGrid()) {
            double rmse;
            try {
                BackgroundPrior prior = plugins.prior("calibration", sampleB(s), withLooseSamples);
                rmse = runOn("calibration/scale", prior, false, "calibration: scale " + s).meanRmseAnalysis();
            } catch (DivergenceException e) {
                rmse = Double.POSITIVE_INFINITY;
            }
            scaleRmse.put(s, rmse);
            if (rmse < bestRmse) {
                bestRmse = rmse;
                bestScale = s;
            }
        }
        double looseOnScaleSeed;
        try {
            looseOnScaleSeed = runOn("calibration/scale", loose, false, "calibration: loose on the scale seed")
                    .meanRmseAnalysis();
        } catch (DivergenceException e) {
            looseOnScaleSeed = Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(bestRmse) && !Double.isFinite(looseOnScaleSeed)) {
            throw new DivergenceException(0, "calibration: 3D-Var diverged for every scale in calibration.scaleGrid = "
                    + config.scaleGrid() + " and with calibration.loosePrior; widen the grid or change the loose prior");
        }
        boolean keepLoose = looseOnScaleSeed <= bestRmse;

        // 3. The best 3D-Var on separate seeds gives the samples.
        BackgroundPrior tuned = keepLoose ? loose : plugins.prior("calibration", sampleB(bestScale), withLooseSamples);
        List<double[]> backgrounds = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        List<Double> sampleRmse = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            RunResult run = runOn("calibration/samples/" + r, tuned, true, "calibration: samples " + (r + 1));
            sampleRmse.add(run.meanRmseAnalysis());
            for (int k = 0; k < run.samples().size(); k++) {
                backgrounds.add(run.samples().background(k));
                truths.add(run.samples().truth(k));
            }
        }
        outcome = new Outcome(new BackgroundErrorSamples(backgrounds.toArray(double[][]::new),
                truths.toArray(double[][]::new)), looseRun.meanRmseAnalysis(), scaleRmse, looseOnScaleSeed,
                keepLoose ? Double.NaN : bestScale, sampleRmse);
        return outcome;
    }

    private static PluginConfig sampleB(double scale) {
        return PluginConfig.of("gaussian", "covariance", "samples", "inflation", scale);
    }

    private RunResult runOn(String purpose, BackgroundPrior prior, boolean collect, String task) {
        long runSeed = Seeds.derive(masterSeed, purpose);
        TwinObservations data = twins.create(runSeed, threeDVar.timesNeeded(config.cycles()));
        return threeDVar.run(prior, data, config.cycles(), config.spinupCycles(), collect, progress, task);
    }
}
