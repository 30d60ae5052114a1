package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.method.AnalysisFailedException;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.AssimilationRun;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.util.Vectors;
import org.vaevar.assimilation.method.TimedRun;

/**
 * The cycle loop of one twin run, whatever the method. Cycle c hands the method the observations at times
 * k = cK … cK + K − 1 (K = the method's window) and records the RMSE of its background at the window start, of
 * its analysis at the window start and at the window's last observation time (the filtering analysis: the same
 * time for every method), its ensemble spread and its diagnostics; the cycle's states go to the run's
 * {@link CycleObserver}s. A non-finite analysis or forecast ends the run with a {@link DivergenceException} naming
 * the cycle.
 */
public final class CycledAssimilation {

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
     * Runs {@code cycles} cycles over {@code data}, the method's randomness derived from the data's run seed, and
     * hands every finished cycle to {@code observers} in order.
     *
     * @throws DivergenceException when an analysis or forecast is not finite, or the method cannot analyse
     */
    public RunResult run(TwinData data, int cycles, int spinupCycles, CycleObserver... observers) {
        int window = method.window();
        if (data.times() < timesNeeded(cycles)) {
            throw new IllegalArgumentException("twin data has " + data.times() + " observation times; "
                    + cycles + " cycles of window " + window + " need " + timesNeeded(cycles));
        }
        // Running statistics, not a list of records: the run's memory does not grow with its cycles.
        RunStatistics statistics = new RunStatistics(spinupCycles);
        long start = System.nanoTime();
        long observerNanos = 0;

        AssimilationRun run = method.start(data.initialBackground(), data.runSeed());
        for (int c = 0; c < cycles; c++) {
            int k0 = c * window;
            double[] xt0 = data.truth(k0);
            List<double[]> ys = new ArrayList<>(window);
            double[] observationTimes = new double[window];
            for (int j = 0; j < window; j++) {
                ys.add(data.observation(k0 + j));
                observationTimes[j] = data.time(k0 + j);
            }
            CycleOutcome out;
            try {
                out = run.cycle(ys);
            } catch (AnalysisFailedException e) {
                throw new DivergenceException(c, e.component() + " failed at cycle " + c + " (t = " + data.time(k0)
                        + "): " + e.reason());
            }
            double[] xb = out.background();
            requireFinite(c, data.time(k0), "analysis", out.analysisStart());
            requireFinite(c, data.time(k0 + window - 1), "analysis", out.analysisEnd());
            requireFinite(c, data.time(k0 + window), "forecast", out.nextBackground());

            double[] xa0 = out.analysisStart();
            double[] xtEnd = data.truth(k0 + window - 1);
            CycleRecord record = new CycleRecord(c, data.time(k0), Vectors.rmse(xb, xt0),
                    Vectors.rmse(out.analysisEnd(), xtEnd), Vectors.rmse(xa0, xt0),
                    out.backgroundSpread(), out.analysisSpread(), out.diagnostics());
            statistics.add(record);
            CycleObserver.Cycle cycle = new CycleObserver.Cycle(c, data.time(k0), xt0, xb, xa0, out.analysisEnd(),
                    xtEnd, k0, observationTimes, List.copyOf(ys), record);
            long watched = System.nanoTime();
            for (CycleObserver o : observers) {
                o.cycle(cycle);
            }
            observerNanos += System.nanoTime() - watched;
        }
        // The timing is the method's: what observers spend (writing files, say) is not a cost of assimilating.
        long total = System.nanoTime() - start - observerNanos;
        Timing timing = run instanceof TimedRun t ? t.timing(total) : new Timing(total, 0, 0, 0, 0, 0);
        RunResult result = new RunResult(statistics, timing);
        for (CycleObserver o : observers) {
            o.finished(result);
        }
        return result;
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
