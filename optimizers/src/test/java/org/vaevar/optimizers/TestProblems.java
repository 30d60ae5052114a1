package org.vaevar.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.DifferentiableFunction;

/** Test and benchmark functions with O(n) evaluations, and a wrapper that counts and records calls. */
final class TestProblems {

    private TestProblems() {
    }

    /**
     * f(x) = ½ (x − c)ᵀ A (x − c) with A tridiagonal: A_ii = κ^{i/(n−1)}, A_{i,i±1} = 0.1, c_i = sin(i + 1).
     * A is SPD by Gershgorin (A_ii − 0.2 ≥ 0.8), with eigenvalues in [0.8, κ + 0.2].
     */
    static DifferentiableFunction tridiagonalQuadratic(int n, double kappa) {
        double[] diagonal = new double[n];
        double[] c = minimiser(n);
        for (int i = 0; i < n; i++) {
            diagonal[i] = n == 1 ? 1 : Math.pow(kappa, i / (n - 1.0));
        }
        return new DifferentiableFunction() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                return valueAndGradient(x, new double[n]);
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double s = diagonal[i] * (x[i] - c[i]);
                    if (i > 0) {
                        s += 0.1 * (x[i - 1] - c[i - 1]);
                    }
                    if (i + 1 < n) {
                        s += 0.1 * (x[i + 1] - c[i + 1]);
                    }
                    g[i] = s;
                    f += 0.5 * (x[i] - c[i]) * s;
                }
                return f;
            }
        };
    }

    /** The minimiser c of {@link #tridiagonalQuadratic}. */
    static double[] minimiser(int n) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.sin(i + 1.0);
        }
        return c;
    }

    /** The usual Rosenbrock start (−1.2, 1, −1.2, 1, …). */
    static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Counts {@code value} and {@code valueAndGradient} calls and keeps a copy of every point asked for. */
    static final class Counting implements DifferentiableFunction {
        final DifferentiableFunction inner;
        final List<double[]> points = new ArrayList<>();
        int valueCalls;
        int valueAndGradientCalls;

        Counting(DifferentiableFunction inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double value(double[] x) {
            valueCalls++;
            points.add(x.clone());
            return inner.value(x);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            valueAndGradientCalls++;
            points.add(x.clone());
            return inner.valueAndGradient(x, gradient);
        }

        int calls() {
            return valueCalls + valueAndGradientCalls;
        }
    }
}
