package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.contract.MinimizerContract;
import org.vaevar.api.util.Vectors;
import org.vaevar.optimizers.CommonsMathConjugateGradient.Formula;

class ConjugateGradientTest {

    private static final StoppingCriteria TIGHT = new StoppingCriteria(10_000, 200_000, 1e-13, 0);

    private static CommonsMathConjugateGradient cg(Formula formula) {
        return new CommonsMathConjugateGradient(formula,
                CommonsMathConjugateGradient.DEFAULT_LINE_SEARCH_RELATIVE_TOLERANCE,
                CommonsMathConjugateGradient.DEFAULT_LINE_SEARCH_ABSOLUTE_TOLERANCE,
                CommonsMathConjugateGradient.DEFAULT_INITIAL_BRACKETING_RANGE);
    }

    @ParameterizedTest
    @EnumSource(Formula.class)
    void bothFormulasFindTheRosenbrockMinimumTo1e8(Formula formula) {
        MinimizationResult r = cg(formula).minimize(MinimizerContract.rosenbrock(2), new double[] {-1.2, 1}, TIGHT);
        assertThat(r.argmin()).as("%s: %s", formula, r.reason()).containsExactly(new double[] {1, 1}, within(1e-8));
        assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(Formula.class)
    void bothFormulasSolveAnIllConditionedQuadratic(Formula formula) {
        int n = 50;
        MinimizationResult r = cg(formula).minimize(TestProblems.tridiagonalQuadratic(n, 1e3), new double[n], TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(TestProblems.maxAbsDifference(r.argmin(), TestProblems.minimiser(n))).isLessThan(1e-8);
    }

    @Test
    void countsEveryCallAndNeverEvaluatesThePointItJustEvaluated() {
        TestProblems.Counting f = new TestProblems.Counting(MinimizerContract.rosenbrock(4));
        MinimizationResult r = CommonsMathConjugateGradient.withDefaults().minimize(f,
                TestProblems.rosenbrockStart(4), TIGHT);
        assertThat(r.evaluations()).isEqualTo(f.calls());
        assertThat(f.valueCalls).isZero();
        for (int k = 1; k < f.points.size(); k++) {
            assertThat(Arrays.equals(f.points.get(k), f.points.get(k - 1))).as("call %d repeats call %d", k, k - 1)
                    .isFalse();
        }
        assertThat(r.reason().converged()).isTrue();
    }

    @Test
    void stopsExactlyAtTheIterationCap() {
        MinimizationResult r = CommonsMathConjugateGradient.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {-1.2, 1}, new StoppingCriteria(5, 10_000, 0, 0));
        assertThat(r.iterations()).isEqualTo(5);
        assertThat(r.reason()).isEqualTo(StopReason.MAX_ITERATIONS);
    }

    @Test
    void neverExceedsTheEvaluationCapAndReturnsTheBestPointSeen() {
        DifferentiableFunction rosen = MinimizerContract.rosenbrock(2);
        for (int cap = 1; cap <= 40; cap += 3) {
            TestProblems.Counting f = new TestProblems.Counting(rosen);
            MinimizationResult r = CommonsMathConjugateGradient.withDefaults().minimize(f, new double[] {-1.2, 1},
                    new StoppingCriteria(1000, cap, 0, 0));
            assertThat(f.calls()).as("cap %d", cap).isEqualTo(r.evaluations()).isLessThanOrEqualTo(cap);
            assertThat(r.reason()).as("cap %d", cap).isEqualTo(StopReason.MAX_EVALUATIONS);
            double lowest = f.points.stream().mapToDouble(rosen::value).min().orElseThrow();
            assertThat(r.value()).isEqualTo(lowest).isEqualTo(rosen.value(r.argmin()));
            assertThat(r.gradientNorm()).isCloseTo(Vectors.norm(rosen.gradient(r.argmin())), within(1e-12));
        }
    }

    @Test
    void stopsOnCostStagnationWhenAsked() {
        MinimizationResult r = CommonsMathConjugateGradient.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {-1.2, 1}, new StoppingCriteria(1000, 20_000, 0, 1e-3));
        assertThat(r.reason()).isEqualTo(StopReason.COST_STAGNATION);
    }

    @Test
    void returnsTheLowestFinitePointWhenTheCostTurnsNonFinite() {
        DifferentiableFunction rosen = MinimizerContract.rosenbrock(2);
        int[] calls = {0};
        DifferentiableFunction f = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return valueAndGradient(x, new double[2]); }
            @Override public double valueAndGradient(double[] x, double[] g) {
                if (++calls[0] > 30) {
                    g[0] = Double.NaN;
                    g[1] = Double.NaN;
                    return Double.POSITIVE_INFINITY;
                }
                return rosen.valueAndGradient(x, g);
            }
        };
        MinimizationResult r = CommonsMathConjugateGradient.withDefaults().minimize(f, new double[] {-1.2, 1}, TIGHT);
        assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
        assertThat(r.value()).isFinite().isEqualTo(rosen.value(r.argmin())).isLessThan(r.initialValue());
        assertThat(r.evaluations()).isEqualTo(31);
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatThrownBy(() -> CommonsMathConjugateGradient.withDefaults().minimize(MinimizerContract.rosenbrock(2),
                new double[] {Double.POSITIVE_INFINITY, 0}, TIGHT)).hasMessageContaining("start[0] = Infinity");
        assertThatThrownBy(() -> new CommonsMathConjugateGradient(Formula.POLAK_RIBIERE, -1, 0, 1))
                .hasMessageContaining("lineSearchRelativeTolerance = -1.0");
        assertThatThrownBy(() -> new CommonsMathConjugateGradient(Formula.POLAK_RIBIERE, 1e-8, 0, 0))
                .hasMessageContaining("initialBracketingRange = 0.0");
        assertThatThrownBy(() -> Formula.fromLabel("hestenes-stiefel"))
                .hasMessageContaining("formula = hestenes-stiefel");
    }
}
