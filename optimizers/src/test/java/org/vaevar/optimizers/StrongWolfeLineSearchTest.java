package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.contract.MinimizerContract;
import org.vaevar.optimizers.StrongWolfeLineSearch.Status;

class StrongWolfeLineSearchTest {

    /** A 1-D φ given by closed forms of φ and φ', recording every α it is asked for. */
    static final class Phi implements StrongWolfeLineSearch.LineFunction {
        final DoubleUnaryOperator value;
        final DoubleUnaryOperator derivative;
        final List<Double> asked = new ArrayList<>();
        private double lastDerivative;

        Phi(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
            this.value = value;
            this.derivative = derivative;
        }

        @Override
        public double value(double alpha) {
            asked.add(alpha);
            lastDerivative = derivative.applyAsDouble(alpha);
            return value.applyAsDouble(alpha);
        }

        @Override
        public double derivative() {
            return lastDerivative;
        }
    }

    /** Checks both strong Wolfe conditions at the returned step with φ, φ' recomputed from their closed forms. */
    private static void assertStrongWolfe(StrongWolfeLineSearch ls, Phi phi, int budget) {
        double a = ls.alpha();
        double f0 = phi.value.applyAsDouble(0);
        double d0 = phi.derivative.applyAsDouble(0);
        double fa = phi.value.applyAsDouble(a);
        double da = phi.derivative.applyAsDouble(a);
        assertThat(a).as("step").isPositive();
        assertThat(ls.value()).as("reported φ(α)").isEqualTo(fa);
        assertThat(ls.derivative()).as("reported φ'(α)").isEqualTo(da);
        assertThat(fa).as("sufficient decrease at α = %s", a).isLessThanOrEqualTo(f0 + ls.c1() * a * d0);
        assertThat(Math.abs(da)).as("curvature at α = %s", a).isLessThanOrEqualTo(ls.c2() * Math.abs(d0));
        assertThat(phi.asked.get(phi.asked.size() - 1)).as("the accepted step is the last evaluated").isEqualTo(a);
        assertThat(ls.evaluations()).isEqualTo(phi.asked.size()).isLessThanOrEqualTo(budget);
        assertThat(ls.sawNonFinite()).isFalse();
    }

    private static Status run(StrongWolfeLineSearch ls, Phi phi, double alpha0, int budget) {
        return ls.search(phi, phi.value.applyAsDouble(0), phi.derivative.applyAsDouble(0), alpha0, budget);
    }

    /** γ(β) = √(1 + β²) − β of the Yanai–Ozawa–Kaneko functions. */
    private static double gamma(double b) {
        return Math.sqrt(1 + b * b) - b;
    }

    /** The six test functions of Moré &amp; Thuente (1994), §5, with their closed-form derivatives. */
    static List<Arguments> moreThuenteFunctions() {
        List<Arguments> cases = new ArrayList<>();
        double b1 = 2;
        Phi f1 = new Phi(a -> -a / (a * a + b1), a -> (a * a - b1) / ((a * a + b1) * (a * a + b1)));
        double b2 = 0.004;
        Phi f2 = new Phi(a -> Math.pow(a + b2, 5) - 2 * Math.pow(a + b2, 4),
                a -> 5 * Math.pow(a + b2, 4) - 8 * Math.pow(a + b2, 3));
        double b3 = 0.01;
        double l = 39;
        Phi f3 = new Phi(
                a -> phi0(a, b3) + 2 * (1 - b3) / (l * Math.PI) * Math.sin(l * Math.PI * a / 2),
                a -> dphi0(a, b3) + (1 - b3) * Math.cos(l * Math.PI * a / 2));
        String[] names = {"MT1", "MT2", "MT3"};
        Phi[] phis = {f1, f2, f3};
        for (int k = 0; k < 3; k++) {
            for (double a0 : new double[] {1e-3, 1e-1, 1e1, 1e3}) {
                cases.add(Arguments.of(names[k] + " from " + a0, phis[k], a0, 0.001, 0.1));
            }
        }
        double[][] betas = {{0.001, 0.001}, {0.01, 0.001}, {0.001, 0.01}};
        for (int k = 0; k < 3; k++) {
            double p = betas[k][0];
            double q = betas[k][1];
            for (double a0 : new double[] {1e-3, 1e-1, 1e1, 1e3}) {
                Phi f = new Phi(
                        a -> gamma(p) * Math.sqrt((1 - a) * (1 - a) + q * q) + gamma(q) * Math.sqrt(a * a + p * p),
                        a -> -gamma(p) * (1 - a) / Math.sqrt((1 - a) * (1 - a) + q * q)
                                + gamma(q) * a / Math.sqrt(a * a + p * p));
                cases.add(Arguments.of("YOK" + (k + 4) + " from " + a0, f, a0, 0.001, 0.01));
            }
        }
        return cases;
    }

    private static double phi0(double a, double b) {
        if (a <= 1 - b) {
            return 1 - a;
        }
        if (a >= 1 + b) {
            return a - 1;
        }
        return (a - 1) * (a - 1) / (2 * b) + b / 2;
    }

    private static double dphi0(double a, double b) {
        if (a <= 1 - b) {
            return -1;
        }
        if (a >= 1 + b) {
            return 1;
        }
        return (a - 1) / b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moreThuenteFunctions")
    void returnsAStrongWolfeStepOnTheMoreThuenteFunctions(String name, Phi phi, double alpha0, double c1, double c2) {
        phi.asked.clear();
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(c1, c2);
        Status status = run(ls, phi, alpha0, 30);
        assertThat(status).as(name).isEqualTo(Status.CONVERGED);
        assertStrongWolfe(ls, phi, 30);
    }

    @Test
    void acceptsTheFirstStepWhenItAlreadySatisfiesTheConditions() {
        Phi phi = new Phi(a -> (a - 1) * (a - 1), a -> 2 * (a - 1));
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.9);
        assertThat(run(ls, phi, 1.0, 20)).isEqualTo(Status.CONVERGED);
        assertThat(ls.alpha()).isEqualTo(1.0);
        assertThat(ls.evaluations()).isEqualTo(1);
    }

    @Test
    void cubicInterpolationHitsTheMinimumOfAParabolaInOneZoomStep() {
        // φ = (α − 0.3)²: α = 1 fails sufficient decrease; the cubic through (0, φ, φ') and (1, φ, φ') is the
        // parabola itself, so its minimiser 0.3 (φ' = 0) is the second and last trial.
        Phi phi = new Phi(a -> (a - 0.3) * (a - 0.3), a -> 2 * (a - 0.3));
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.1);
        assertThat(run(ls, phi, 1.0, 20)).isEqualTo(Status.CONVERGED);
        assertThat(ls.alpha()).isCloseTo(0.3, within(1e-14));
        assertThat(ls.evaluations()).isEqualTo(2);
        assertStrongWolfe(ls, phi, 20);
    }

    @Test
    void extrapolatesToAFarMinimum() {
        Phi phi = new Phi(a -> (a - 50) * (a - 50), a -> 2 * (a - 50));
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.5);
        assertThat(run(ls, phi, 1.0, 20)).isEqualTo(Status.CONVERGED);
        assertStrongWolfe(ls, phi, 20);
        assertThat(ls.alpha()).isGreaterThan(25); // |φ'(α)| ≤ 0.5 |φ'(0)| means α ∈ [25, 75]
    }

    @Test
    void backsAwayFromNonFiniteValues() {
        // A cost that "blows up" (NaN) beyond α = 2.5, minimum at α = 2.
        Phi phi = new Phi(a -> a > 2.5 ? Double.NaN : (a - 2) * (a - 2),
                a -> a > 2.5 ? Double.NaN : 2 * (a - 2));
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.9);
        assertThat(run(ls, phi, 100.0, 20)).isEqualTo(Status.CONVERGED);
        assertThat(ls.sawNonFinite()).isTrue();
        double a = ls.alpha();
        assertThat(a).isLessThanOrEqualTo(2.5);
        assertThat(ls.value()).isLessThanOrEqualTo(4 + 1e-4 * a * -4);
        assertThat(Math.abs(ls.derivative())).isLessThanOrEqualTo(0.9 * 4);
    }

    @Test
    void stopsAtItsEvaluationBudgetWithTheBestSufficientDecreaseStep() {
        // φ = (α − 1e-3)² from α0 = 1: each zoom step needs several evaluations to reach |φ'| ≤ 1e-3 |φ'(0)|.
        Phi phi = new Phi(a -> Math.abs(a - 1e-3) + (a - 1e-3) * (a - 1e-3),
                a -> Math.signum(a - 1e-3) + 2 * (a - 1e-3));
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 1e-3);
        assertThat(run(ls, phi, 1.0, 3)).isEqualTo(Status.MAX_EVALUATIONS);
        assertThat(ls.evaluations()).isEqualTo(3);
        double f0 = phi.value.applyAsDouble(0);
        double d0 = phi.derivative.applyAsDouble(0);
        double a = ls.alpha();
        assertThat(ls.value()).as("best step satisfies sufficient decrease")
                .isEqualTo(a == 0 ? f0 : phi.value.applyAsDouble(a))
                .isLessThanOrEqualTo(f0 + 1e-4 * a * d0);
    }

    @Test
    void failsWhenTheFunctionDecreasesWithoutBound() {
        Phi phi = new Phi(a -> -a, a -> -1.0);
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.9);
        assertThat(run(ls, phi, 1.0, 200)).isEqualTo(Status.FAILED);
        assertThat(ls.evaluations()).isLessThan(200);
        assertThat(phi.asked).allSatisfy(a -> assertThat(a).isLessThanOrEqualTo(StrongWolfeLineSearch.MAX_STEP));
    }

    @Test
    void returnsStrongWolfeStepsAlongRosenbrockDirections() {
        int n = 10;
        DifferentiableFunction f = MinimizerContract.rosenbrock(n);
        Random random = new Random(20240515L);
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.9);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = -2 + 4 * random.nextDouble();
            }
            double[] g = new double[n];
            double f0 = f.valueAndGradient(x, g);
            double[] d = new double[n];
            double d0 = 0;
            for (int i = 0; i < n; i++) {
                d[i] = -g[i] + 0.1 * random.nextGaussian() * Math.abs(g[i]); // a perturbed descent direction
                d0 += g[i] * d[i];
            }
            assertThat(d0).isNegative();
            double[] xt = new double[n];
            double[] gt = new double[n];
            DoubleUnaryOperator value = a -> {
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + a * d[i];
                }
                return f.valueAndGradient(xt, gt);
            };
            DoubleUnaryOperator slope = a -> {
                value.applyAsDouble(a);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += gt[i] * d[i];
                }
                return s;
            };
            Phi phi = new Phi(value, slope);
            double gNorm = Math.sqrt(-d0);
            Status status = ls.search(phi, f0, d0, Math.min(1, 1 / gNorm), 20);
            assertThat(status).as("trial %d", trial).isEqualTo(Status.CONVERGED);
            assertStrongWolfe(ls, phi, 20);
        }
    }

    @Test
    void interpolantsAreExactOnTheirOwnPolynomials() {
        // p(α) = α³ − 3α² + 1 (p' = 3α² − 6α): local minimum at α = 2.
        DoubleUnaryOperator p = a -> a * a * a - 3 * a * a + 1;
        DoubleUnaryOperator dp = a -> 3 * a * a - 6 * a;
        assertThat(StrongWolfeLineSearch.cubicMinimizer(1, p.applyAsDouble(1), dp.applyAsDouble(1),
                3, p.applyAsDouble(3), dp.applyAsDouble(3))).isCloseTo(2.0, within(1e-14));
        assertThat(StrongWolfeLineSearch.cubicMinimizer(3, p.applyAsDouble(3), dp.applyAsDouble(3),
                0.5, p.applyAsDouble(0.5), dp.applyAsDouble(0.5))).isCloseTo(2.0, within(1e-14));
        // q(α) = 2 (α − 0.7)² + 1.
        assertThat(StrongWolfeLineSearch.quadraticMinimizer(0, 2 * 0.49 + 1, -4 * 0.7, 2, 2 * 1.69 + 1))
                .isCloseTo(0.7, within(1e-14));
        // A concave parabola has no minimiser.
        assertThat(StrongWolfeLineSearch.quadraticMinimizer(0, 0, -1, 1, -2)).isNaN();
    }

    @Test
    void refusesConstantsOutsideZeroLessThanC1LessThanC2LessThanOne() {
        assertThatThrownBy(() -> new StrongWolfeLineSearch(0, 0.9)).hasMessageContaining("c1 = 0.0");
        assertThatThrownBy(() -> new StrongWolfeLineSearch(0.5, 0.4)).hasMessageContaining("c2 = 0.4");
        assertThatThrownBy(() -> new StrongWolfeLineSearch(1e-4, 1.0)).hasMessageContaining("c2 = 1.0");
    }

    @Test
    void refusesAnAscentDirectionAndBadSteps() {
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(1e-4, 0.9);
        Phi phi = new Phi(a -> a * a, a -> 2 * a);
        assertThatThrownBy(() -> ls.search(phi, 0, 0.5, 1, 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phi'(0) = 0.5");
        assertThatThrownBy(() -> ls.search(phi, 0, -1, Double.NaN, 20)).hasMessageContaining("initialStep = NaN");
        assertThatThrownBy(() -> ls.search(phi, Double.NaN, -1, 1, 20)).hasMessageContaining("phi(0) = NaN");
        assertThatThrownBy(() -> ls.search(phi, 0, -1, 1, 0)).hasMessageContaining("maxEvaluations = 0");
    }
}
