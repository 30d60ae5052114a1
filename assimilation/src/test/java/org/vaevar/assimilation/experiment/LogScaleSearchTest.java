package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The log-scale search on curves whose minimum is known. */
class LogScaleSearchTest {

    /** Five values 1/8 … 4, a factor 2^1.25 apart (the paper grid's coarse grid). */
    private static final List<Double> GRID = List.of(0.125, 0.125 * Math.pow(2, 1.25), 0.125 * Math.pow(2, 2.5),
            0.125 * Math.pow(2, 3.75), 4.0);
    private static final double STEP = 1.25 * Math.log(2);
    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    private static GridSearch.Result<Double> search(int budget, double rangeFactor, DoubleUnaryOperator f,
                                                    List<Double> calls) {
        return LogScaleSearch.search(GRID, budget, rangeFactor, v -> v, v -> {
            calls.add(v);
            return f.applyAsDouble(v);
        });
    }

    /** A unimodal curve in u = log v with its minimum at v*: not symmetric, so no point lands on it by chance. */
    private static DoubleUnaryOperator valley(double vStar) {
        return v -> {
            double d = Math.log(v) - Math.log(vStar);
            return 0.3 + (d < 0 ? 2 * d * d : Math.abs(d) + d * d * d);
        };
    }

    /**
     * After the coarse grid the minimum lies within one coarse step h of the best; each golden-section step
     * shrinks that by 1/φ, so with k refinement evaluations the error in log(value) is at most h·φ^−k.
     */
    @Test
    void findsAnInteriorMinimumWithinTheToleranceOfItsBudget() {
        for (double vStar : new double[] {0.13, 0.2, 0.41, 1.0, 1.9, 3.7}) {
            for (int budget : new int[] {5, 8, 11, 15}) {
                List<Double> calls = new ArrayList<>();
                GridSearch.Result<Double> r = search(budget, 1e3, valley(vStar), calls);
                double tolerance = STEP * Math.pow(PHI, -(budget - GRID.size()));
                assertThat(Math.abs(Math.log(r.bestValue() / vStar))).as("v* %s, budget %d", vStar, budget)
                        .isLessThanOrEqualTo(tolerance);
                assertThat(calls).hasSize(budget);
                assertThat(r.points()).hasSize(budget);
                assertThat(r.points().stream().map(ExperimentResult.TuningPoint::value).toList()).isEqualTo(calls);
                if (budget > GRID.size()) { // with the coarse grid alone an edge best stays at the bound
                    assertThat(r.atBound()).isFalse();
                }
            }
        }
    }

    @Test
    void extendsTheRangeOutwardWhenTheBestIsAtAnEdge() {
        // 0.01 lies 2.9 coarse steps below the grid: three extensions reach it and a fourth shows the curve rises.
        for (double vStar : new double[] {0.01, 60.0}) {
            List<Double> calls = new ArrayList<>();
            int budget = 15;
            GridSearch.Result<Double> r = search(budget, 1e3, valley(vStar), calls);
            double outside = vStar < GRID.get(0) ? Math.log(GRID.get(0) / vStar) : Math.log(vStar / GRID.get(4));
            int extensions = (int) Math.ceil(outside / STEP) + 1;
            double tolerance = STEP * Math.pow(PHI, -(budget - GRID.size() - extensions));
            assertThat(Math.abs(Math.log(r.bestValue() / vStar))).as("v* %s", vStar).isLessThanOrEqualTo(tolerance);
            assertThat(calls).hasSize(budget);
            assertThat(r.atBound()).isFalse();
            // The extensions continue the coarse grid by its own step.
            double first = calls.get(GRID.size());
            assertThat(first).isCloseTo(vStar < 1 ? GRID.get(0) / Math.exp(STEP) : GRID.get(4) * Math.exp(STEP),
                    org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    @Test
    void aMinimumBeyondTheHardRangeIsFlaggedAtTheBound() {
        List<Double> calls = new ArrayList<>();
        GridSearch.Result<Double> r = search(20, 1e3, valley(1e-6), calls);
        double smallest = calls.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(smallest).isGreaterThanOrEqualTo(GRID.get(0) / 1e3 * (1 - 1e-9))
                .isLessThan(GRID.get(0) / 1e3 * Math.exp(STEP));
        assertThat(r.bestValue()).isEqualTo(smallest);
        assertThat(r.atBound()).isTrue();
        assertThat(calls).hasSize(20);
        // Without room to extend, the coarse grid's edge is the bound.
        GridSearch.Result<Double> tight = search(8, 1, valley(1e-6), new ArrayList<>());
        assertThat(tight.bestValue()).isEqualTo(GRID.get(0));
        assertThat(tight.atBound()).isTrue();
    }

    @Test
    void aDivergedValueScoresInfinityAndIsAvoided() {
        DoubleUnaryOperator valley = valley(0.3);
        List<Double> calls = new ArrayList<>();
        GridSearch.Result<Double> r = search(11, 1e3, v -> {
            if (v < 0.2) {
                throw new DivergenceException(3, "diverged at " + v);
            }
            return valley.applyAsDouble(v);
        }, calls);
        assertThat(r.points().get(0).rmseAnalysis()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.points()).filteredOn(p -> p.value() < 0.2)
                .allSatisfy(p -> assertThat(p.rmseAnalysis()).isInfinite());
        assertThat(r.bestValue()).isBetween(0.2, 0.4);
        assertThat(r.atBound()).isFalse();
        assertThat(calls).hasSize(11);
        // Every value diverged: nothing is found, and nothing more is tried after the coarse grid.
        List<Double> none = new ArrayList<>();
        GridSearch.Result<Double> all = search(11, 1e3, v -> Double.POSITIVE_INFINITY, none);
        assertThat(all.found()).isFalse();
        assertThat(all.atBound()).isFalse();
        assertThat(none).hasSize(GRID.size());
    }

    @Test
    void theSameScoresGiveTheSameEvaluationsInTheSameOrder() {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        GridSearch.Result<Double> ra = search(11, 1e3, valley(0.77), a);
        GridSearch.Result<Double> rb = search(11, 1e3, valley(0.77), b);
        assertThat(a).isEqualTo(b);
        assertThat(ra.points()).isEqualTo(rb.points());
        assertThat(a.subList(0, GRID.size())).isEqualTo(GRID);
    }

    @Test
    void theGridSearchFlagsAnEndOfItsGridWhateverTheOrder() {
        DoubleUnaryOperator valley = valley(0.01);
        assertThat(GridSearch.search(List.of(1.0, 0.1, 0.5), v -> v, valley::applyAsDouble).atBound()).isTrue();
        assertThat(GridSearch.search(List.of(1.0, 0.001, 0.02), v -> v, valley::applyAsDouble).atBound()).isFalse();
        assertThat(GridSearch.search(List.of(0.3), v -> v, valley::applyAsDouble).atBound()).isFalse();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LogScaleSearch.search(GRID, 4, 1e3, v -> v, v -> v))
                .hasMessageContaining("budget = 4: must be at least the coarse grid's 5 values");
        assertThatThrownBy(() -> LogScaleSearch.search(List.of(0.0, 1.0), 4, 1e3, v -> v, v -> v))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> LogScaleSearch.search(List.of(2.0, 1.0), 4, 1e3, v -> v, v -> v))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> LogScaleSearch.search(List.of(1.0), 4, 1e3, v -> v, v -> v))
                .hasMessageContaining("at least two values");
        assertThatThrownBy(() -> LogScaleSearch.search(GRID, 6, 0.5, v -> v, v -> v))
                .hasMessageContaining("rangeFactor = 0.5");
    }
}
