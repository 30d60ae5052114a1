package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.util.Vectors;

/**
 * The background exchange: every method analyses the backgrounds of every method's cycled run, with the same
 * observations, so a prior's analysis skill is separated from the backgrounds its own cycling produces.
 *
 * <p>A cycled comparison mixes two things: how good one analysis is from a given background, and which
 * backgrounds a method's own earlier analyses lead to. Exchanging backgrounds measures the first on common
 * ground: cell (i, j) is method j's mean analysis RMSE from the backgrounds of method i's run (one analysis per
 * cycle, each from that cycle's recorded xb and observations, not cycled). The diagonal equals the cycled run's own
 * analysis RMSE. A learned prior that is better off its own diagonal than on it has met, in its own run,
 * backgrounds unlike those it learned from.
 *
 * <p>Variational methods only: a single-state method's analysis is a function of (xb, y). An ensemble drawn
 * anew around each background would not be the ensemble its run carried.
 */
public final class BackgroundExchange {

    /**
     * One recorded cycle of a source run: its background and the truth at the window start, the window's
     * observations, the truth at the window's last observation time (where the analysis is scored).
     */
    public record Window(double[] background, double[] truth, List<double[]> observations, double[] truthEnd) {
    }

    /**
     * Records the cycles after spin-up of a run (copies: the run owns its arrays).
     */
    public static final class Recorder implements CycleObserver {

        private final int spinupCycles;
        private final List<Window> windows = new ArrayList<>();

        public Recorder(int spinupCycles) {
            this.spinupCycles = spinupCycles;
        }

        @Override
        public void cycle(Cycle c) {
            if (c.index() < spinupCycles) {
                return;
            }
            List<double[]> y = new ArrayList<>(c.observations().size());
            for (double[] o : c.observations()) {
                y.add(o.clone());
            }
            windows.add(new Window(c.background().clone(), c.truth().clone(), List.copyOf(y), c.truthEnd().clone()));
        }

        public List<Window> windows() {
            return List.copyOf(windows);
        }
    }

    /**
     * Moments of the background errors δ = xᵗ − xb pooled over cycles and components: the mean bias, the standard
     * deviation about each component's mean, and the kurtosis E[(δ − μ)⁴] / σ⁴ (3 for a Gaussian).
     */
    public record ErrorMoments(int samples, double meanAbsBias, double sd, double kurtosis) {

        /** The moments of δ = truth − background over paired states. */
        public static ErrorMoments of(List<double[]> backgrounds, List<double[]> truths) {
            int k = backgrounds.size();
            int n = backgrounds.get(0).length;
            double[] mean = new double[n];
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < n; i++) {
                    mean[i] += (truths.get(s)[i] - backgrounds.get(s)[i]) / k;
                }
            }
            double m2 = 0;
            double m4 = 0;
            for (int s = 0; s < k; s++) {
                for (int i = 0; i < n; i++) {
                    double d = truths.get(s)[i] - backgrounds.get(s)[i] - mean[i];
                    m2 += d * d;
                    m4 += d * d * d * d;
                }
            }
            m2 /= (double) k * n;
            m4 /= (double) k * n;
            double bias = 0;
            for (double v : mean) {
                bias += Math.abs(v) / n;
            }
            return new ErrorMoments(k, bias, Math.sqrt(m2), m4 / (m2 * m2));
        }
    }

    /**
     * The exchange matrix.
     *
     * @param rmse     rmse[i][j]: method j's mean analysis RMSE from source i's backgrounds
     * @param winShare winShare[i][j]: the share of source i's cycles in which method j's analysis error is below
     *                 source i's own (the diagonal is 0)
     */
    public record Result(double[][] rmse, double[][] winShare) {
    }

    private BackgroundExchange() {
    }

    /** The background-error moments of calibration samples (what a prior learned from). */
    public static ErrorMoments moments(org.vaevar.api.plugin.BackgroundErrorSamples s) {
        List<double[]> b = new ArrayList<>(s.size());
        List<double[]> t = new ArrayList<>(s.size());
        for (int k = 0; k < s.size(); k++) {
            b.add(s.background(k));
            t.add(s.truth(k));
        }
        return ErrorMoments.of(b, t);
    }

    /** The background-error moments of a source's windows (at the window start). */
    public static ErrorMoments moments(List<Window> windows) {
        return ErrorMoments.of(windows.stream().map(Window::background).toList(),
                windows.stream().map(Window::truth).toList());
    }

    /**
     * Runs every analyst on every source's windows.
     *
     * @param sources  the recorded windows of each source run, in the order of {@code analysts}
     * @param analysts the methods, all of the same window length
     * @param runSeed  passed to each single-analysis run (a variational method draws nothing from it)
     */
    public static Result exchange(List<List<Window>> sources, List<AssimilationMethod> analysts, long runSeed) {
        int m = analysts.size();
        if (sources.size() != m) {
            throw new IllegalArgumentException("sources: " + sources.size() + " for " + m + " analysts");
        }
        double[][] rmse = new double[m][m];
        double[][] wins = new double[m][m];
        for (int i = 0; i < m; i++) {
            List<Window> windows = sources.get(i);
            double[][] errors = new double[m][windows.size()];
            for (int j = 0; j < m; j++) {
                for (int c = 0; c < windows.size(); c++) {
                    Window w = windows.get(c);
                    CycleOutcome o = analysts.get(j).start(w.background(), runSeed).cycle(w.observations());
                    errors[j][c] = Vectors.rmse(o.analysisEnd(), w.truthEnd());
                    rmse[i][j] += errors[j][c];
                }
                rmse[i][j] /= windows.size(); // summed, then divided: as a run's mean, so the diagonal is the same double
            }
            for (int j = 0; j < m; j++) {
                int better = 0;
                for (int c = 0; c < windows.size(); c++) {
                    better += errors[j][c] < errors[i][c] ? 1 : 0;
                }
                wins[i][j] = (double) better / windows.size();
            }
        }
        return new Result(rmse, wins);
    }

}
