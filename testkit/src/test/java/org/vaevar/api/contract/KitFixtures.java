package org.vaevar.api.contract;

import org.junit.jupiter.api.Tag;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.Linearization;

/**
 * Deliberately wrong derivatives, run by {@link ContractKitSelfTest} through the JUnit engine to prove the kit
 * catches them. Tagged so the build's own test run skips them.
 */
final class KitFixtures {

    private KitFixtures() {
    }

    /** F(x)_i = sin(x_i) x_{i+1} + x_i² on a ring: nonlinear, every component coupled. */
    static DifferentiableMap ring(int n, double tangentError, double adjointError) {
        return new DifferentiableMap() {
            @Override public int inputDimension() { return n; }
            @Override public int outputDimension() { return n; }

            @Override
            public double[] apply(double[] x) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = Math.sin(x[i]) * x[(i + 1) % n] + x[i] * x[i];
                }
                return y;
            }

            @Override
            public Linearization linearize(double[] x) {
                double[] value = apply(x);
                return new Linearization() {
                    @Override public double[] value() { return value; }
                    @Override public int inputDimension() { return n; }
                    @Override public int outputDimension() { return n; }

                    @Override
                    public double[] apply(double[] dx) {
                        double[] dy = new double[n];
                        for (int i = 0; i < n; i++) {
                            int j = (i + 1) % n;
                            dy[i] = (Math.cos(x[i]) * x[j] + 2 * x[i]) * dx[i] * (1 + tangentError)
                                    + Math.sin(x[i]) * dx[j];
                        }
                        return dy;
                    }

                    @Override
                    public double[] applyAdjoint(double[] dy) {
                        double[] dx = new double[n];
                        for (int i = 0; i < n; i++) {
                            int j = (i + 1) % n;
                            dx[i] += (Math.cos(x[i]) * x[j] + 2 * x[i]) * dy[i] * (1 + tangentError);
                            dx[j] += Math.sin(x[i]) * dy[i] * (1 + adjointError);
                        }
                        return dx;
                    }
                };
            }
        };
    }

    /** F(x) = A x + c with a large offset c: linear, and declared so. */
    static DifferentiableMap affine(int n) {
        return new DifferentiableMap() {
            @Override public int inputDimension() { return n; }
            @Override public int outputDimension() { return n; }

            private double[] a(double[] x) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = 3.1 * x[i] - 0.7 * x[(i + 1) % n] + 0.2 * x[(i + n - 1) % n];
                }
                return y;
            }

            private double[] aT(double[] y) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] += 3.1 * y[i];
                    x[(i + 1) % n] += -0.7 * y[i];
                    x[(i + n - 1) % n] += 0.2 * y[i];
                }
                return x;
            }

            @Override
            public double[] apply(double[] x) {
                double[] y = a(x);
                for (int i = 0; i < n; i++) {
                    y[i] += 1e3 * (i + 1);
                }
                return y;
            }

            @Override
            public Linearization linearize(double[] x) {
                double[] value = apply(x);
                return new Linearization() {
                    @Override public double[] value() { return value; }
                    @Override public int inputDimension() { return n; }
                    @Override public int outputDimension() { return n; }
                    @Override public double[] apply(double[] dx) { return a(dx); }
                    @Override public double[] applyAdjoint(double[] dy) { return aT(dy); }
                };
            }
        };
    }

    @Tag("kit-fixture")
    static class CorrectAffine extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return affine(9); }
        @Override protected boolean linear() { return true; }
        @Override protected double[] point(java.util.SplittableRandom r, DifferentiableMap m) {
            return gaussian(r, 9, 50.0);
        }
    }

    /** An affine map not declared linear: its mid-range slope is NaN. */
    @Tag("kit-fixture")
    static class AffineNotDeclaredLinear extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return affine(9); }
    }

    /** A nonlinear map wrongly declared linear. */
    @Tag("kit-fixture")
    static class NonlinearDeclaredLinear extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return ring(6, 0, 0); }
        @Override protected boolean linear() { return true; }
    }

    @Tag("kit-fixture")
    static class CorrectRing extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return ring(6, 0, 0); }
    }

    /** The adjoint is off by 1e-6 in one term: the tangent-linear is right. */
    @Tag("kit-fixture")
    static class WrongAdjoint extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return ring(6, 0, 1e-6); }
    }

    /** Tangent-linear and adjoint consistent with each other, but both off by 1e-4 in one term. */
    @Tag("kit-fixture")
    static class WrongTangentLinear extends DifferentiableMapContract {
        @Override protected DifferentiableMap map() { return ring(6, 1e-4, 0); }
    }
}
