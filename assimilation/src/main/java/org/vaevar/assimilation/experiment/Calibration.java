package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
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
 *
 * <p>With {@code calibration.method} set, that method (an ensemble filter) runs on the sample seeds instead and its
 * forecast-mean errors are the samples; steps 1 and 2 do not run.
 */
public final class Calibration {

    /**
     * What the calibration did, for the summary.
     *
     * @param looseRmseAnalysis    the loose 3D-Var on its own seed
     * @param scaleRmse            each scale of the loose-sample B on the scale seed (+∞: diverged)
     * @param looseOnScaleSeed     the loose prior on the scale seed, the candidate the scaled Bs must beat
     * @param chosenScale          the scale whose B made the samples, or NaN when the loose prior or a method made them
     * @param method               the method section that made the samples, or {@code null} for 3D-Var
     */
    public record Outcome(BackgroundErrorSamples samples, double looseRmseAnalysis, Map<Double, Double> scaleRmse,
                          double looseOnScaleSeed, double chosenScale, List<Double> sampleRunRmseAnalysis,
                          PluginConfig method) {

        public boolean looseKept() {
            return method == null && Double.isNaN(chosenScale);
        }

        /** What made the samples, for the summary: "loose prior", "sample B x 2.0" or "method etkf {size=20}". */
        public String source() {
            if (method != null) {
                return "method " + method.name() + (method.parameters().isEmpty() ? "" : " " + method.parameters());
            }
            return looseKept() ? "loose prior" : "sample B x " + chosenScale;
        }
    }

    /** How the calibration builds the methods it runs. */
    public interface Methods {

        /** 3D-Var with the given prior. */
        AssimilationMethod threeDVar(BackgroundPrior prior);

        /** The method of a method section. */
        AssimilationMethod method(PluginConfig method);
    }

    private final CalibrationConfig config;
    private final Plugins plugins;
    private final Methods methods;
    private final TwinFactory twins;
    private final ExperimentPriorContext baseContext;
    private final long masterSeed;
    private final ProgressListener progress;
    private Outcome outcome;

    public Calibration(CalibrationConfig config, Plugins plugins, Methods methods, TwinFactory twins,
                       ExperimentPriorContext baseContext, long masterSeed, ProgressListener progress) {
        this.config = config;
        this.plugins = plugins;
        this.methods = methods;
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
        if (config.method() != null) {
            outcome = fromMethod(config.method());
            return outcome;
        }
        // 1. Loose 3D-Var.
        BackgroundPrior loose = plugins.prior("calibration.loosePrior", config.loosePrior(), baseContext);
        SampleCollector looseSamples = new SampleCollector(config.spinupCycles());
        RunResult looseRun = runOn("calibration/loose", loose, "calibration: loose 3dvar", looseSamples);
        ExperimentPriorContext withLooseSamples = baseContext.withSamples(looseSamples.samples());

        // 2. Tune the scale of the B estimated from the loose run's errors.
        String scale = scaleParameter();
        GridSearch.Result<PluginConfig> scales = GridSearch.search(config.scaleGrid(),
                s -> config.samplePrior().with(scale, s),
                b -> runOn("calibration/scale", plugins.prior("calibration.samplePrior", b, withLooseSamples),
                        "calibration: scale " + b.parameters().get(scale)).meanRmseAnalysis());
        Map<Double, Double> scaleRmse = new LinkedHashMap<>();
        scales.points().forEach(p -> scaleRmse.put(p.value(), p.rmseAnalysis()));
        double bestScale = scales.bestValue();
        double bestRmse = scales.bestRmse();
        double looseOnScaleSeed;
        try {
            looseOnScaleSeed = runOn("calibration/scale", loose, "calibration: loose on the scale seed")
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
        BackgroundPrior tuned = keepLoose ? loose
                : plugins.prior("calibration.samplePrior", config.samplePrior().with(scale, bestScale), withLooseSamples);
        List<Double> sampleRmse = new ArrayList<>();
        BackgroundErrorSamples samples = sampleRuns(methods.threeDVar(tuned), sampleRmse);
        outcome = new Outcome(samples, looseRun.meanRmseAnalysis(), scaleRmse, looseOnScaleSeed,
                keepLoose ? Double.NaN : bestScale, sampleRmse, null);
        return outcome;
    }

    /** The samples from a method's forecast-mean errors on the sample seeds. */
    private Outcome fromMethod(PluginConfig method) {
        List<Double> sampleRmse = new ArrayList<>();
        BackgroundErrorSamples samples = sampleRuns(methods.method(method), sampleRmse);
        return new Outcome(samples, Double.NaN, Map.of(), Double.NaN, Double.NaN, sampleRmse, method);
    }

    /** Step 3: (xb, xᵗ) after spin-up of {@code method} on each sample seed; each run's RMSE into {@code rmse}. */
    private BackgroundErrorSamples sampleRuns(AssimilationMethod method, List<Double> rmse) {
        List<double[]> backgrounds = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            SampleCollector collector = new SampleCollector(config.spinupCycles());
            RunResult run = runOn("calibration/samples/" + r, method, "calibration: samples " + (r + 1), collector);
            rmse.add(run.meanRmseAnalysis());
            BackgroundErrorSamples samples = collector.samples();
            for (int k = 0; k < samples.size(); k++) {
                backgrounds.add(samples.background(k));
                truths.add(samples.truth(k));
            }
        }
        return new BackgroundErrorSamples(backgrounds.toArray(double[][]::new), truths.toArray(double[][]::new));
    }

    /** The scalar of {@code calibration.samplePrior} that step 2 tunes: the one its provider declares. */
    private String scaleParameter() {
        return plugins.priorProvider("calibration.samplePrior", config.samplePrior()).tunableParameter()
                .orElseThrow(() -> new ConfigException("calibration.samplePrior.name = " + config.samplePrior().name()
                        + ": this prior declares no tunable scalar, so calibration.scaleGrid cannot scale it"));
    }

    private RunResult runOn(String purpose, BackgroundPrior prior, String task, CycleObserver... observers) {
        return runOn(purpose, methods.threeDVar(prior), task, observers);
    }

    private RunResult runOn(String purpose, AssimilationMethod method, String task, CycleObserver... observers) {
        long runSeed = Seeds.derive(masterSeed, purpose);
        CycledAssimilation loop = new CycledAssimilation(method);
        TwinData data = twins.create(runSeed, loop.timesNeeded(config.cycles()));
        return loop.run(data, config.cycles(), config.spinupCycles(), 
                ProgressObserver.appended(observers, progress, task, config.cycles(), config.spinupCycles()));
    }
}
