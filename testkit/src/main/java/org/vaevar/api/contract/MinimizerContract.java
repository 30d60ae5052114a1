package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.util.Vectors;

/**
 * The contract of a {@link Minimizer}: exact minimisers of quadratics and of Rosenbrock's function to 1e-8, a
 * truthful result (value and gradient norm at the returned point, counts, reason), and no exception when the
 * function turns non-finite.
 */
public abstract class MinimizerContract {

    protected abstract Minimizer minimizer();

    protected StoppingCriteria tight() {
        return new StoppingCriteria(10_000, 20_000, 1e-13, 0);
    }

    /** f(x) = ½ (x − c)ᵀ A (x − c), A SPD. */
    public static DifferentiableFunction quadratic(double[][] a, double[] c) {
        return new DifferentiableFunction() {
            @Override public int dimension() { return c.length; }

            @Override public double value(double[] x) { return valueAndGradient(x, new double[c.length]); }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double[] d = Vectors.minus(x, c);
                double f = 0;
                for (int i = 0; i < c.length; i++) {
                    double s = 0;
                    for (int j = 0; j < c.length; j++) {
                        s += a[i][j] * d[j];
                    }
                    g[i] = s;
                    f += 0.5 * d[i] * s;
                }
                return f;
            }
        };
    }

    /** Rosenbrock: Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
    public static DifferentiableFunction rosenbrock(int n) {
        return new DifferentiableFunction() {
            @Override public int dimension() { return n; }

            @Override public double value(double[] x) { return valueAndGradient(x, new double[n]); }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                java.util.Arrays.fill(g, 0);
                double f = 0;
                for (int i = 0; i + 1 < n; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * a * x[i] - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return f;
            }
        };
    }

    @Test
    protected void findsTheMinimiserOfASmallQuadratic() {
        double[][] a = {{4, 1, 0}, {1, 3, -1}, {0, -1, 2}};
        double[] c = {1, -2, 0.5};
        MinimizationResult r = minimizer().minimize(quadratic(a, c), new double[3], tight());
        assertThat(r.argmin()).as("argmin; reason %s", r.reason()).containsExactly(c, within(1e-8));
        assertThat(r.reason().converged()).as("reason %s", r.reason()).isTrue();
    }

    @Test
    protected void findsTheMinimiserOfAnIllConditionedQuadratic() {
        int n = 30;
        double[][] a = new double[n][n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i][i] = Math.pow(1e3, i / (n - 1.0)); // condition number 1e3
            c[i] = Math.sin(i + 1.0);
        }
        for (int i = 0; i + 1 < n; i++) {
            a[i][i + 1] = a[i + 1][i] = 0.1;
        }
        MinimizationResult r = minimizer().minimize(quadratic(a, c), new double[n], tight());
        assertThat(r.argmin()).as("argmin; reason %s", r.reason()).containsExactly(c, within(1e-8));
    }

    @Test
    protected void findsTheMinimumOfRosenbrock() {
        MinimizationResult r = minimizer().minimize(rosenbrock(2), new double[] {-1.2, 1.0}, tight());
        assertThat(r.argmin()).as("argmin; reason %s after %d iterations", r.reason(), r.iterations())
                .containsExactly(new double[] {1, 1}, within(1e-8));
    }

    @Test
    protected void reportsTheTruthAboutItsResult() {
        DifferentiableFunction f = rosenbrock(4);
        double[] start = {-1, 0.5, 2, -0.5};
        double[] startCopy = start.clone();
        MinimizationResult r = minimizer().minimize(f, start, new StoppingCriteria(500, 1000, 1e-8, 0));
        assertThat(start).as("the start point is not modified").containsExactly(startCopy);
        assertThat(r.value()).isEqualTo(f.value(r.argmin()));
        assertThat(r.gradientNorm()).isCloseTo(Vectors.norm(f.gradient(r.argmin())), within(1e-12));
        assertThat(r.initialValue()).isEqualTo(f.value(startCopy));
        assertThat(r.value()).isLessThan(r.initialValue());
        assertThat(r.evaluations()).isGreaterThanOrEqualTo(r.iterations()).isLessThanOrEqualTo(1000);
        assertThat(r.iterations()).isLessThanOrEqualTo(500);
    }

    @Test
    protected void respectsTheIterationCap() {
        MinimizationResult r = minimizer().minimize(rosenbrock(2), new double[] {-1.2, 1.0},
                new StoppingCriteria(3, 1000, 0, 0));
        assertThat(r.iterations()).isLessThanOrEqualTo(3);
        assertThat(r.reason()).isIn(StopReason.MAX_ITERATIONS, StopReason.LINE_SEARCH_FAILED);
    }

    @Test
    protected void stopsAtOnceAtTheMinimum() {
        double[] c = {1, 2};
        MinimizationResult r = minimizer().minimize(quadratic(new double[][] {{1, 0}, {0, 1}}, c), c, tight());
        assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
        assertThat(r.iterations()).isZero();
        assertThat(r.argmin()).containsExactly(c);
    }

    @Test
    protected void reportsNonFiniteCostsInsteadOfThrowing() {
        DifferentiableFunction nan = new DifferentiableFunction() {
            @Override public int dimension() { return 2; }
            @Override public double value(double[] x) { return Double.NaN; }
            @Override public double valueAndGradient(double[] x, double[] g) {
                g[0] = Double.NaN;
                g[1] = Double.NaN;
                return Double.NaN;
            }
        };
        MinimizationResult r = minimizer().minimize(nan, new double[] {1, 1}, tight());
        assertThat(r.reason()).isEqualTo(StopReason.NON_FINITE);
    }
}
