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
import org.vaevar.assimilation.config.SampleSource;
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
 * samples are returned. Steps 1 and 2 are 3D-Var (window 1); {@code calibration.source} says what step 3 collects:
 * <ul>
 *   <li>{@code 3dvar}: the tuned 3D-Var's (xb, xᵗ), for every window;</li>
 *   <li>{@code window}: the tuned prior run with the window K of the method that asks ({@link #run(int)}): 4D-Var's
 *       background errors at the window start for a 4D-Var prior, one sample set per window;</li>
 *   <li>{@code nmc}: NMC forecast differences from the tuned 3D-Var's analyses ({@link NmcCollector}), no truth;</li>
 *   <li>{@code method}: the method {@code calibration.method} (an ensemble filter) runs on the sample seeds instead
 *       and its forecast-mean errors are the samples; steps 1 and 2 do not run.</li>
 * </ul>
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
     * @param sampleSource         what the sample runs collected
     * @param window               the window of the sample runs
     */
    public record Outcome(BackgroundErrorSamples samples, double looseRmseAnalysis, Map<Double, Double> scaleRmse,
                          double looseOnScaleSeed, double chosenScale, List<Double> sampleRunRmseAnalysis,
                          PluginConfig method, SampleSource sampleSource, int window) {

        public boolean looseKept() {
            return method == null && Double.isNaN(chosenScale);
        }

        /**
         * What made the samples, for the summary: "loose prior", "sample B x 2.0" or "method etkf {size=20}"; with
         * the window or NMC differences when those made them ("sample B x 2.0, window 3", "... , nmc 1-2").
         */
        public String source() {
            if (method != null) {
                return "method " + method.name() + (method.parameters().isEmpty() ? "" : " " + method.parameters());
            }
            String tuned = looseKept() ? "loose prior" : "sample B x " + chosenScale;
            return switch (sampleSource) {
                case WINDOW -> tuned + ", window " + window;
                case NMC -> tuned + ", nmc";
                default -> tuned;
            };
        }
    }

    /** How the calibration builds the methods it runs. */
    public interface Methods {

        /** 3D-Var with the given prior. */
        default AssimilationMethod threeDVar(BackgroundPrior prior) {
            return variational(prior, 1);
        }

        /** The variational method with the given prior and window. */
        AssimilationMethod variational(BackgroundPrior prior, int window);

        /** The forecast model's state {@code intervals} observation intervals after {@code x}. */
        double[] forecast(double[] x, int intervals);

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
    /** Steps 1–2, run once. */
    private Tuned3DVar tuned;
    /** Step 3's outcome per window (one entry, window 1, unless the source is {@code window}). */
    private final Map<Integer, Outcome> outcomes = new LinkedHashMap<>();

    /** Steps 1–2: the 3D-Var whose runs make the samples, and what choosing it measured. */
    private record Tuned3DVar(BackgroundPrior prior, double looseRmse, Map<Double, Double> scaleRmse,
                              double looseOnScaleSeed, double chosenScale) {
    }

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

    /** The protocol's outcome for window 1 (3D-Var); see {@link #run(int)}. */
    public Outcome run() {
        return run(1);
    }

    /**
     * The samples a prior of a method with window {@code window} learns from: the same for every window unless the
     * source is {@code window}. Runs each step at most once; later calls return the same outcome.
     */
    public synchronized Outcome run(int window) {
        int key = config.source() == SampleSource.WINDOW ? window : 1;
        Outcome o = outcomes.get(key);
        if (o == null) {
            o = config.source() == SampleSource.METHOD ? fromMethod(config.method()) : fromTuned(key);
            outcomes.put(key, o);
        }
        return o;
    }

    /** Step 3 with the tuned 3D-Var's prior, in window {@code window}. */
    private Outcome fromTuned(int window) {
        Tuned3DVar t = tuned();
        List<Double> sampleRmse = new ArrayList<>();
        BackgroundErrorSamples samples;
        if (config.source() == SampleSource.NMC) {
            samples = sampleRuns(methods.threeDVar(t.prior()), sampleRmse, () -> new NmcCollector(
                    config.spinupCycles(), config.nmcShortLead(), config.nmcLongLead(), methods::forecast));
        } else {
            samples = sampleRuns(methods.variational(t.prior(), window), sampleRmse);
        }
        return new Outcome(samples, t.looseRmse(), t.scaleRmse(), t.looseOnScaleSeed(), t.chosenScale(), sampleRmse,
                null, config.source(), window);
    }

    /** Steps 1 and 2, once. */
    private Tuned3DVar tuned() {
        if (tuned != null) {
            return tuned;
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

        // 3. (in the caller) The best 3D-Var's prior on separate seeds gives the samples.
        BackgroundPrior prior = keepLoose ? loose
                : plugins.prior("calibration.samplePrior", config.samplePrior().with(scale, bestScale), withLooseSamples);
        tuned = new Tuned3DVar(prior, looseRun.meanRmseAnalysis(), scaleRmse, looseOnScaleSeed,
                keepLoose ? Double.NaN : bestScale);
        return tuned;
    }

    /** The samples from a method's forecast-mean errors on the sample seeds. */
    private Outcome fromMethod(PluginConfig method) {
        List<Double> sampleRmse = new ArrayList<>();
        BackgroundErrorSamples samples = sampleRuns(methods.method(method), sampleRmse);
        return new Outcome(samples, Double.NaN, Map.of(), Double.NaN, Double.NaN, sampleRmse, method,
                SampleSource.METHOD, 1);
    }

    /**
     * Step 3: (xb, xᵗ) after spin-up of {@code method} on each calibration sample seed; each run's RMSE into
     * {@code rmse}. Self-consistent rounds collect their method's errors here too, on the same seeds.
     */
    public BackgroundErrorSamples sampleRuns(AssimilationMethod method, List<Double> rmse) {
        return sampleRuns(method, rmse, () -> new SampleCollector(config.spinupCycles()));
    }

    private BackgroundErrorSamples sampleRuns(AssimilationMethod method, List<Double> rmse,
                                              java.util.function.Supplier<? extends CycleObserver> collectors) {
        List<double[]> backgrounds = new ArrayList<>();
        List<double[]> truths = new ArrayList<>();
        for (int r = 0; r < config.runs(); r++) {
            CycleObserver collector = collectors.get();
            RunResult run = runOn("calibration/samples/" + r, method, "calibration: samples " + (r + 1), collector);
            rmse.add(run.meanRmseAnalysis());
            BackgroundErrorSamples samples = collector instanceof NmcCollector n ? n.samples()
                    : ((SampleCollector) collector).samples();
            if (samples == null) {
                throw new ConfigException("calibration.cycles = " + config.cycles() + ": no sample after "
                        + "calibration.spinupCycles = " + config.spinupCycles()
                        + (config.source() == SampleSource.NMC ? " and the long NMC lead " + config.nmcLongLead()
                        : ""));
            }
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
