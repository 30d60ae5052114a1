package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaevar.api.method.AnalysisFailedException;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Vectors;
import org.vaevar.assimilation.method.TimedRun;

/**
 * The cycle loop of one twin run, whatever the method. Cycle c hands the method the observations at times
 * k = cK … cK + K − 1 (K = the method's window) and records the RMSE of its background at the window start, of
 * its analysis at the window start and at the window's last observation time (the filtering analysis: the same
 * time for every method), its ensemble spread and its diagnostics. A non-finite analysis or forecast ends the run
 * with a {@link DivergenceException} naming the cycle.
 */
public final class CycledAssimilation {

    private static final int TRAJECTORY_COMPONENTS = 3;

    private final AssimilationMethod method;

    public CycledAssimilation(AssimilationMethod method) {
        this.method = method;
    }

    public AssimilationMethod method() {
        return method;
    }

    public int window() {
        return method.window();
    }

    /** Observation times a run of {@code cycles} cycles needs. */
    public int timesNeeded(int cycles) {
        return cycles * method.window();
    }

    /**
     * Runs {@code cycles} cycles over {@code data}, the method's randomness derived from the data's run seed.
     *
     * @param collectSamples keep (xb, xᵗ) at every window start after spin-up (calibration); for an ensemble xb
     *                       is the forecast mean
     * @throws DivergenceException when an analysis or forecast is not finite, or the method cannot analyse
     */
    public RunResult run(TwinObservations data, int cycles, int spinupCycles, boolean collectSamples,
                         ProgressListener progress, String task) {
        int window = method.window();
        if (data.times() < timesNeeded(cycles)) {
            throw new IllegalArgumentException("twin data has " + data.times() + " observation times; "
                    + cycles + " cycles of window " + window + " need " + timesNeeded(cycles));
        }
        int n = data.truth(0).length;
        int m = Math.min(TRAJECTORY_COMPONENTS, n);
        int[] components = new int[m];
        for (int i = 0; i < m; i++) {
            components[i] = i;
        }
        double[] times = new double[cycles];
        double[][] trTruth = new double[cycles][m], trBackground = new double[cycles][m], trAnalysis = new double[cycles][m];
        List<CycleRecord> records = new ArrayList<>(cycles);
        List<double[]> sampleBackgrounds = new ArrayList<>();
        List<double[]> sampleTruths = new ArrayList<>();
        long start = System.nanoTime();

        AssimilationRun run = method.start(data.initialBackground(), data.runSeed());
        int progressEvery = Math.max(1, cycles / 200);
        double analysisRmseSum = 0;
        for (int c = 0; c < cycles; c++) {
            int k0 = c * window;
            double[] xt0 = data.truth(k0);
            List<double[]> ys = new ArrayList<>(window);
            for (int j = 0; j < window; j++) {
                ys.add(data.observation(k0 + j));
            }
            CycleOutcome out;
            try {
                out = run.cycle(ys);
            } catch (AnalysisFailedException e) {
                throw new DivergenceException(c, e.component() + " failed at cycle " + c + " (t = " + data.time(k0)
                        + "): " + e.reason());
            }
            double[] xb = out.background();
            if (collectSamples && c >= spinupCycles) {
                sampleBackgrounds.add(xb.clone());
                sampleTruths.add(xt0.clone());
            }
            requireFinite(c, data.time(k0), "analysis", out.analysisStart());
            requireFinite(c, data.time(k0 + window - 1), "analysis", out.analysisEnd());
            requireFinite(c, data.time(k0 + window), "forecast", out.nextBackground());

            double[] xa0 = out.analysisStart();
            records.add(new CycleRecord(c, data.time(k0), Vectors.rmse(xb, xt0),
                    Vectors.rmse(out.analysisEnd(), data.truth(k0 + window - 1)), Vectors.rmse(xa0, xt0),
                    out.backgroundSpread(), out.analysisSpread(), out.diagnostics()));
            times[c] = data.time(k0);
            for (int i = 0; i < m; i++) {
                trTruth[c][i] = xt0[components[i]];
                trBackground[c][i] = xb[components[i]];
                trAnalysis[c][i] = xa0[components[i]];
            }
            if (c >= spinupCycles) {
                analysisRmseSum += records.get(c).rmseAnalysis();
            }
            if ((c + 1) % progressEvery == 0 || c + 1 == cycles) { // formatting costs more than a small cycle
                // The running mean after spin-up: the number the run's table reports, labelled as a mean.
                progress.update(task, c + 1, cycles, c < spinupCycles ? "spin-up"
                        : String.format(Locale.ROOT, "mean rmse a %.3f", analysisRmseSum / (c + 1 - spinupCycles)));
            }
        }
        long total = System.nanoTime() - start;
        Timing timing = run instanceof TimedRun t ? t.timing(total) : new Timing(total, 0, 0, 0, 0, 0);
        BackgroundErrorSamples samples = collectSamples && !sampleBackgrounds.isEmpty()
                ? new BackgroundErrorSamples(sampleBackgrounds.toArray(double[][]::new),
                sampleTruths.toArray(double[][]::new))
                : null;
        return new RunResult(List.copyOf(records), samples,
                new RunResult.Trajectory(components, times, trTruth, trBackground, trAnalysis), timing,
                Math.min(spinupCycles, cycles));
    }

    private static void requireFinite(int cycle, double time, String what, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new DivergenceException(cycle, "diverged: the " + what + " state at cycle " + cycle + " (t = "
                        + time + ") has x[" + i + "] = " + x[i]);
            }
        }
    }
}
