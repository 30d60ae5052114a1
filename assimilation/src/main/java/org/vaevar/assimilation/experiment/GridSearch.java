package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The one grid search of tuning and calibration: every grid value makes a candidate, each candidate's score is
 * its mean analysis RMSE (+∞ where its run diverged), and the lowest wins (the first of equals).
 */
public final class GridSearch {

    /**
     * @param best       the winning candidate, or {@code null} when every value diverged
     * @param bestValue  its grid value (NaN when none)
     * @param bestRmse   its score (+∞ when none)
     * @param points     every value with its score, in grid order
     */
    public record Result<T>(T best, double bestValue, double bestRmse, List<ExperimentResult.TuningPoint> points) {

        public boolean found() {
            return best != null;
        }

        /**
         * Whether the winner is the smallest or largest value evaluated (of more than one): the best value may lie
         * outside the searched range. For the grid search that is an end of the grid; for {@link LogScaleSearch}
         * an end of the range it reached, which it leaves unextended only at its hard range or out of budget.
         */
        public boolean atBound() {
            if (best == null || points.size() < 2) {
                return false;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (ExperimentResult.TuningPoint p : points) {
                lo = Math.min(lo, p.value());
                hi = Math.max(hi, p.value());
            }
            return bestValue == lo || bestValue == hi;
        }
    }

    private GridSearch() {
    }

    public static <T> Result<T> search(List<Double> grid, DoubleFunction<T> candidate, ToDoubleFunction<T> rmse) {
        List<ExperimentResult.TuningPoint> points = new ArrayList<>(grid.size());
        T best = null;
        double bestValue = Double.NaN;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (double value : grid) {
            T c = candidate.apply(value);
            double r = score(c, rmse);
            points.add(new ExperimentResult.TuningPoint(value, r));
            if (r < bestRmse) {
                bestRmse = r;
                best = c;
                bestValue = value;
            }
        }
        return new Result<>(best, bestValue, bestRmse, List.copyOf(points));
    }

    /** A candidate's score: its RMSE, +∞ where its run diverged. */
    static <T> double score(T candidate, ToDoubleFunction<T> rmse) {
        try {
            return rmse.applyAsDouble(candidate);
        } catch (DivergenceException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
