package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Tuning of a positive scalar on a log scale with a fixed number of evaluations, {@code budget} (docs/DESIGN.md
 * §3, tuning). With u = log(value) and the evaluated values so far, each step evaluates one new value:
 *
 * <ol>
 *   <li>first the coarse grid g_0 &lt; … &lt; g_{n−1}, in order;</li>
 *   <li>while the best value is the smallest (largest) evaluated, the next value one coarse step beyond it, the
 *       step of the grid's first (last) two values, unless that leaves the hard range [g_0 / F, g_{n−1} · F];</li>
 *   <li>otherwise golden-section refinement on u: with b the best and a &lt; b &lt; c its evaluated neighbours, the
 *       new u is u_b + (2 − φ)·(u_c − u_b) if u_c − u_b ≥ u_b − u_a, else u_b − (2 − φ)·(u_b − u_a); of
 *       segments within 1 % of each other, the one whose far end scored lower (an end of the range has one
 *       neighbour only). On a unimodal curve the minimum stays inside (a, c): within one coarse
 *       step h of b after the coarse grid, within h·φ^−k after k refinement evaluations.</li>
 * </ol>
 *
 * <p>Scores are as in {@link GridSearch}: +∞ where a run diverged, the lowest wins, the first evaluated of equals.
 * The search stops early only when nothing finite was found after the coarse grid (every value diverged) or the
 * bracket cannot be split in double precision. The order of evaluations depends on the scores alone, so the same
 * scores give the same points whatever the thread count.
 */
public final class LogScaleSearch {

    /** 2 − φ = 1 − 1/φ, the golden-section fraction of the larger segment. */
    private static final double GOLDEN = (3 - Math.sqrt(5)) / 2;

    /** Segments within 1 % of each other count as equal (a coarse grid of rounded values is not exactly even). */
    private static final double SAME = 0.01;

    private LogScaleSearch() {
    }

    /**
     * @param grid        the coarse grid: at least two positive finite values, strictly increasing
     * @param budget      evaluations in all, at least the grid size
     * @param rangeFactor F ≥ 1: extension never goes below g_0 / F or above g_{n−1} · F
     */
    public static <T> GridSearch.Result<T> search(List<Double> grid, int budget, double rangeFactor,
                                                  DoubleFunction<T> candidate, ToDoubleFunction<T> rmse) {
        check(grid, budget, rangeFactor);
        int n = grid.size();
        double lowStep = Math.log(grid.get(1) / grid.get(0));
        double highStep = Math.log(grid.get(n - 1) / grid.get(n - 2));
        double lowLimit = Math.log(grid.get(0) / rangeFactor);
        double highLimit = Math.log(grid.get(n - 1) * rangeFactor);
        Evaluations<T> e = new Evaluations<>(candidate, rmse);
        for (double v : grid) {
            e.evaluate(v);
        }
        while (e.count() < budget && e.bestIndex() >= 0) {
            double next = nextValue(e, lowStep, highStep, lowLimit, highLimit);
            if (Double.isNaN(next)) {
                break;
            }
            e.evaluate(next);
        }
        return e.result();
    }

    /** The next value to evaluate: an extension beyond an edge best, else a golden-section point; NaN if none. */
    private static double nextValue(Evaluations<?> e, double lowStep, double highStep, double lowLimit,
                                    double highLimit) {
        double b = Math.log(e.value(e.bestIndex()));
        double a = Double.NEGATIVE_INFINITY;
        double c = Double.POSITIVE_INFINITY;
        for (int i = 0; i < e.count(); i++) {
            double u = Math.log(e.value(i));
            if (u < b && u > a) {
                a = u;
            }
            if (u > b && u < c) {
                c = u;
            }
        }
        // A small tolerance so that rounding in log/exp never refuses the last step that lands on the limit.
        if (a == Double.NEGATIVE_INFINITY && b - lowStep >= lowLimit - 1e-9) {
            return e.value(e.bestIndex()) / Math.exp(lowStep);
        }
        if (c == Double.POSITIVE_INFINITY && b + highStep <= highLimit + 1e-9) {
            return e.value(e.bestIndex()) * Math.exp(highStep);
        }
        double right = c - b; // +∞ without a right neighbour
        double left = b - a;
        double u;
        if (Double.isInfinite(right) && Double.isInfinite(left)) {
            return Double.NaN;
        } else if (Double.isInfinite(right)) {
            u = b - GOLDEN * left;
        } else if (Double.isInfinite(left)
                || (Math.abs(right - left) <= SAME * Math.max(right, left) ? rightFirst(e, c, a) : right > left)) {
            u = b + GOLDEN * right;
        } else {
            u = b - GOLDEN * left;
        }
        double v = Math.exp(u);
        for (int i = 0; i < e.count(); i++) {
            if (e.value(i) == v) {
                return Double.NaN; // the bracket is exhausted in double precision
            }
        }
        return v;
    }

    /** Of two (about) equal segments, the one whose far end scored lower (the left one on a tie). */
    private static boolean rightFirst(Evaluations<?> e, double c, double a) {
        return e.scoreAtLog(c) < e.scoreAtLog(a);
    }

    static void check(List<Double> grid, int budget, double rangeFactor) {
        if (grid.size() < 2) {
            throw new IllegalArgumentException("the coarse grid " + grid + " needs at least two values");
        }
        for (int i = 0; i < grid.size(); i++) {
            double v = grid.get(i);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("the coarse grid " + grid + " must be positive finite numbers"
                        + " (a log-scale search)");
            }
            if (i > 0 && !(v > grid.get(i - 1))) {
                throw new IllegalArgumentException("the coarse grid " + grid + " must be strictly increasing");
            }
        }
        if (budget < grid.size()) {
            throw new IllegalArgumentException("budget = " + budget + ": must be at least the coarse grid's "
                    + grid.size() + " values");
        }
        if (!(rangeFactor >= 1) || !Double.isFinite(rangeFactor)) {
            throw new IllegalArgumentException("rangeFactor = " + rangeFactor + ": must be finite and at least 1");
        }
    }

    /** The values evaluated so far, in evaluation order, with their scores and the running best. */
    private static final class Evaluations<T> {
        private final DoubleFunction<T> candidate;
        private final ToDoubleFunction<T> rmse;
        private final List<ExperimentResult.TuningPoint> points = new ArrayList<>();
        private T best;
        private int bestIndex = -1;
        private double bestRmse = Double.POSITIVE_INFINITY;

        Evaluations(DoubleFunction<T> candidate, ToDoubleFunction<T> rmse) {
            this.candidate = candidate;
            this.rmse = rmse;
        }

        void evaluate(double value) {
            T c = candidate.apply(value);
            double r = GridSearch.score(c, rmse);
            points.add(new ExperimentResult.TuningPoint(value, r));
            if (r < bestRmse) {
                bestRmse = r;
                best = c;
                bestIndex = points.size() - 1;
            }
        }

        int count() {
            return points.size();
        }

        int bestIndex() {
            return bestIndex;
        }

        double value(int i) {
            return points.get(i).value();
        }

        /** The score of the evaluated value whose log is {@code u}. */
        double scoreAtLog(double u) {
            for (ExperimentResult.TuningPoint p : points) {
                if (Math.log(p.value()) == u) {
                    return p.rmseAnalysis();
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        GridSearch.Result<T> result() {
            return new GridSearch.Result<>(best, bestIndex < 0 ? Double.NaN : value(bestIndex), bestRmse,
                    List.copyOf(points));
        }
    }
}
