package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.contract.MinimizerContract;
import org.vaevar.api.util.Vectors;

class LbfgsTest {

    private static final StoppingCriteria TIGHT = new StoppingCriteria(100_000, 200_000, 1e-10, 0);

    @Test
    void solvesAThousandDimensionalQuadraticInFarFewerIterationsThanItsDimension() {
        // κ(A) ≤ 100.2 / 0.8 ≈ 125. For orientation (CG on quadratics, not a bound for L-BFGS):
        // ½ √κ ln(2 √κ / 1e-10) ≈ 146 iterations reduce ‖∇f‖ by 1e-10.
        int n = 1000;
        MinimizationResult r = Lbfgs.withDefaults().minimize(TestProblems.tridiagonalQuadratic(n, 100),
                new double[n], TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(r.iterations()).isLessThanOrEqualTo(n / 5);
        // ‖x − c‖ ≤ ‖A⁻¹‖ ‖∇f(x)‖ ≤ ‖∇f(x)‖ / 0.8 (smallest eigenvalue ≥ 0.8).
        assertThat(TestProblems.maxAbsDifference(r.argmin(), TestProblems.minimiser(n)))
                .isLessThanOrEqualTo(r.gradientNorm() / 0.8);
        assertThat(r.gradientNorm()).isLessThan(1e-6);
    }

    @Test
    void aLongerHistoryNeedsFewerIterationsOnAnIllConditionedQuadratic() {
        int n = 100;
        DifferentiableFunction f = TestProblems.tridiagonalQuadratic(n, 1e4);
        MinimizationResult m1 = new Lbfgs(1, 1e-4, 0.9, 20).minimize(f, new double[n], TIGHT);
        MinimizationResult m7 = new Lbfgs(7, 1e-4, 0.9, 20).minimize(f, new double[n], TIGHT);
        assertThat(m1.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(m7.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        // Regression pin on the size of the effect (measured 1306 vs 952 iterations): at least 20 % more with m = 1.
        assertThat((double) m1.iterations()).isGreaterThan(1.2 * m7.iterations());
    }

    @Test
    void countsEveryCallAndUsesOnlyValueAndGradient() {
        TestProblems.Counting f = new TestProblems.Counting(MinimizerContract.rosenbrock(6));
        MinimizationResult r = Lbfgs.withDefaults().minimize(f, TestProblems.rosenbrockStart(6), TIGHT);
        assertThat(r.evaluations()).isEqualTo(f.calls());
        assertThat(f.valueCalls).isZero();
        assertThat(r.reason().converged()).isTrue();
    }

    @Test
    void firstTrialStepIsOneOverTheGradientNormAlongSteepestDescent() {
        DifferentiableFunction scaled = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[2]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                g[0] = 100 * x[0]; // f = 50 ‖x‖²
                g[1] = 100 * x[1];
                return 50 * (x[0] * x[0] + x[1] * x[1]);
            }
        };
        TestProblems.Counting f = new TestProblems.Counting(scaled);
        double[] x0 = {1, 1};
        Lbfgs.withDefaults().minimize(f, x0, new StoppingCriteria(1, 10, 0, 0));
        double alpha = 1 / Math.sqrt(100 * 100 + 100 * 100); // min(1, 1/‖g0‖)
        assertThat(f.points.get(1)).containsExactly(x0[0] + alpha * -100, x0[1] + alpha * -100);
    }

    @Test
    void stopsExactlyAtTheIterationCap() {
        MinimizationResult r = Lbfgs.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {-1.2, 1}, new StoppingCriteria(5, 1000, 0, 0));
        assertThat(r.iterations()).isEqualTo(5);
        assertThat(r.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    }

    @Test
    void neverExceedsTheEvaluationCap() {
        for (int cap = 1; cap <= 30; cap++) {
            TestProblems.Counting f = new TestProblems.Counting(MinimizerContract.rosenbrock(2));
            MinimizationResult r = Lbfgs.withDefaults().minimize(f, new double[] {-1.2, 1},
                    new StoppingCriteria(1000, cap, 0, 0));
            assertThat(f.calls()).as("cap %d", cap).isEqualTo(r.evaluations()).isLessThanOrEqualTo(cap);
            assertThat(r.reason()).as("cap %d", cap).isEqualTo(StopReason.MAX_EVALUATIONS);
            assertThat(r.value()).isEqualTo(MinimizerContract.rosenbrock(2).value(r.argmin()));
        }
    }

    @Test
    void stopsOnCostStagnationWhenAsked() {
        MinimizationResult r = Lbfgs.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {-1.2, 1}, new StoppingCriteria(1000, 2000, 0, 1e-3));
        assertThat(r.reason()).isEqualTo(StopReason.COST_STAGNATION);
        MinimizationResult tight = Lbfgs.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {-1.2, 1}, new StoppingCriteria(1000, 2000, 0, 1e-14));
        assertThat(tight.iterations()).isGreaterThan(r.iterations());
    }

    @Test
    void backtracksFromAnOverflowingCostAndStillConverges() {
        // f = Σ (e^{x_i − 3} − x_i), minimum at x_i = 3; "blows up" (NaN) where any x_i > 5. From x = −10 the
        // cost is almost linear (curvature e^{-13}), so the extrapolating line search overshoots into NaN.
        int n = 3;
        int[] nanCalls = {0};
        DifferentiableFunction f = new DifferentiableFunction() {
            @Override public int dimension() { return n; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[n]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                double v = 0;
                for (int i = 0; i < n; i++) {
                    if (x[i] > 5) {
                        nanCalls[0]++;
                        java.util.Arrays.fill(g, Double.NaN);
                        return Double.NaN;
                    }
                    v += Math.exp(x[i] - 3) - x[i];
                    g[i] = Math.exp(x[i] - 3) - 1;
                }
                return v;
            }
        };
        MinimizationResult r = Lbfgs.withDefaults().minimize(f, new double[] {-10, -10, -10}, TIGHT);
        assertThat(nanCalls[0]).as("the NaN region was visited").isPositive();
        assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(r.argmin()).containsExactly(new double[] {3, 3, 3}, within(1e-8));
    }

    @Test
    void returnsTheLastFinitePointWhenTheCostTurnsNonFinite() {
        // Finite for the first 12 calls, NaN afterwards (a model that blows up mid-run).
        DifferentiableFunction rosen = MinimizerContract.rosenbrock(2);
        int[] calls = {0};
        double[][] lastFinite = {null};
        DifferentiableFunction f = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[2]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                if (++calls[0] > 12) {
                    g[0] = Double.POSITIVE_INFINITY;
                    g[1] = Double.NaN;
                    return Double.NaN;
                }
                return rosen.valueAndGradient(x, g);
            }
        };
        MinimizationResult r = Lbfgs.withDefaults().minimize(f, new double[] {-1.2, 1}, TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
        assertThat(r.value()).isFinite().isEqualTo(rosen.value(r.argmin())).isLessThan(r.initialValue());
        assertThat(r.gradientNorm()).isCloseTo(Vectors.norm(rosen.gradient(r.argmin())), within(1e-12));
        assertThat(r.evaluations()).isEqualTo(calls[0]);
    }

    @Test
    void reportsNonFiniteWhenEveryOtherPointIsNaN() {
        double[] start = {0.5, -0.25};
        DifferentiableFunction f = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[2]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                boolean atStart = x[0] == start[0] && x[1] == start[1];
                g[0] = atStart ? 2 * x[0] : Double.NaN;
                g[1] = atStart ? 2 * x[1] : Double.NaN;
                return atStart ? x[0] * x[0] + x[1] * x[1] : Double.NaN;
            }
        };
        MinimizationResult r = Lbfgs.withDefaults().minimize(f, start, TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
        assertThat(r.argmin()).containsExactly(start);
        assertThat(r.value()).isEqualTo(0.3125);
        assertThat(r.iterations()).isZero();
        assertThat(r.evaluations()).isEqualTo(1 + Lbfgs.DEFAULT_MAX_LINE_SEARCH_EVALUATIONS);
    }

    @Test
    void aWrongGradientEndsInALineSearchFailureNotAnException() {
        // The gradient has the wrong sign: −g looks like descent but f rises along it.
        DifferentiableFunction f = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[2]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                g[0] = -x[0];
                g[1] = -x[1];
                return 0.5 * (x[0] * x[0] + x[1] * x[1]);
            }
        };
        double[] start = {1, 2};
        MinimizationResult r = Lbfgs.withDefaults().minimize(f, start, TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.LINE_SEARCH_FAILED);
        assertThat(r.argmin()).containsExactly(start);
        assertThat(r.iterations()).isZero();
    }

    @Test
    void isDeterministicAndSafeToShareBetweenThreads() throws Exception {
        Lbfgs lbfgs = Lbfgs.withDefaults();
        DifferentiableFunction f = MinimizerContract.rosenbrock(20);
        double[] start = TestProblems.rosenbrockStart(20);
        MinimizationResult reference = lbfgs.minimize(f, start, TIGHT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MinimizationResult> a = pool.submit(() -> lbfgs.minimize(f, start, TIGHT));
            Future<MinimizationResult> b = pool.submit(() -> lbfgs.minimize(f, start, TIGHT));
            for (MinimizationResult r : new MinimizationResult[] {a.get(), b.get()}) {
                assertThat(r.argmin()).containsExactly(reference.argmin());
                assertThat(r.iterations()).isEqualTo(reference.iterations());
                assertThat(r.evaluations()).isEqualTo(reference.evaluations());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        Lbfgs lbfgs = Lbfgs.withDefaults();
        DifferentiableFunction f = MinimizerContract.rosenbrock(2);
        assertThatThrownBy(() -> lbfgs.minimize(f, new double[3], TIGHT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start has 3 entries; expected 2");
        assertThatThrownBy(() -> lbfgs.minimize(f, new double[] {0, Double.NaN}, TIGHT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start[1] = NaN");
        assertThatThrownBy(() -> new Lbfgs(0, 1e-4, 0.9, 20)).hasMessageContaining("history = 0");
        assertThatThrownBy(() -> new Lbfgs(7, 0.5, 0.1, 20)).hasMessageContaining("c2 = 0.1");
        assertThatThrownBy(() -> new Lbfgs(7, 1e-4, 0.9, 0)).hasMessageContaining("maxLineSearchEvaluations = 0");
    }
}
