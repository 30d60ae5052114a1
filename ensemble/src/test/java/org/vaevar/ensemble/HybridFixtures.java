package org.vaevar.ensemble;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.plugin.MethodContext;

/**
 * The hybrid's test ingredients: a static prior x = xb + L v (L lower triangular, P = ½‖v‖²), a 3D-Var cost
 * J(u) = P(u) + ½ Σ_j ((y_j − H(T(u))_j) / σ_j)² with its adjoint gradient, and a method context offering both.
 */
final class HybridFixtures {

    private HybridFixtures() {
    }

    /** x = xb + L v with a fixed random lower-triangular L (diagonal 0.5–1). */
    static BackgroundPrior staticPrior(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                l[i][j] = 0.2 * random.nextGaussian();
            }
            l[i][i] = 0.5 + 0.5 * random.nextDouble();
        }
        return new BackgroundPrior() {
            @Override public String name() { return "test-static"; }

            @Override public int stateDimension() { return n; }

            @Override public int controlDimension() { return n; }

            @Override public ControlTransform at(double[] xb) { return affine(xb, l); }
        };
    }

    /** A prior that wraps one fixed hybrid transform (for the contract kit). */
    static BackgroundPrior fixed(HybridControlTransform t) {
        return new BackgroundPrior() {
            @Override public String name() { return "hybrid-transform"; }

            @Override public int stateDimension() { return t.outputDimension(); }

            @Override public int controlDimension() { return t.inputDimension(); }

            @Override public ControlTransform at(double[] xb) {
                if (!Arrays.equals(xb, t.background())) {
                    throw new AssertionError("the fixed hybrid transform was built for another background");
                }
                return t;
            }
        };
    }

    static ControlTransform affine(double[] xb, double[][] l) {
        int n = xb.length;
        double[] background = xb.clone();
        return new ControlTransform() {
            @Override public double[] background() { return background; }

            @Override public double[] initialControl() { return new double[n]; }

            @Override public int inputDimension() { return n; }

            @Override public int outputDimension() { return n; }

            @Override public double[] apply(double[] v) {
                double[] x = background.clone();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        x[i] += l[i][j] * v[j];
                    }
                }
                return x;
            }

            @Override public Linearization linearize(double[] v) {
                double[] x = apply(v);
                return new Linearization() {
                    @Override public double[] value() { return x; }

                    @Override public int inputDimension() { return n; }

                    @Override public int outputDimension() { return n; }

                    @Override public double[] apply(double[] dv) {
                        double[] dx = new double[n];
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                dx[i] += l[i][j] * dv[j];
                            }
                        }
                        return dx;
                    }

                    @Override public double[] applyAdjoint(double[] dy) {
                        double[] dv = new double[n];
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j <= i; j++) {
                                dv[j] += l[i][j] * dy[i];
                            }
                        }
                        return dv;
                    }
                };
            }

            @Override public DifferentiableFunction penalty() {
                return new DifferentiableFunction() {
                    @Override public int dimension() { return n; }

                    @Override public double value(double[] v) {
                        double p = 0;
                        for (double a : v) {
                            p += 0.5 * a * a;
                        }
                        return p;
                    }

                    @Override public double valueAndGradient(double[] v, double[] g) {
                        System.arraycopy(v, 0, g, 0, n);
                        return value(v);
                    }
                };
            }
        };
    }

    /** J(u) = P(u) + ½ Σ_j ((y_j − H(T(u))_j)/σ_j)², gradient ∇P + T'ᵀ H'ᵀ R⁻¹ (H(x) − y). One observation time. */
    static DifferentiableFunction cost3d(ControlTransform t, ObservationOperator h, DiagonalObservationError r,
                                         double[] y) {
        return new DifferentiableFunction() {
            @Override public int dimension() { return t.inputDimension(); }

            @Override public double value(double[] u) {
                double j = t.penalty().value(u);
                double[] hx = h.apply(t.apply(u));
                for (int q = 0; q < y.length; q++) {
                    double d = hx[q] - y[q];
                    j += 0.5 * d * d / r.variance(q);
                }
                return j;
            }

            @Override public double valueAndGradient(double[] u, double[] g) {
                double j = t.penalty().valueAndGradient(u, g);
                Linearization tl = t.linearize(u);
                Linearization hl = h.linearize(tl.value());
                double[] hx = hl.value();
                double[] f = new double[y.length];
                for (int q = 0; q < y.length; q++) {
                    double d = hx[q] - y[q];
                    j += 0.5 * d * d / r.variance(q);
                    f[q] = d / r.variance(q);
                }
                double[] gu = tl.applyAdjoint(hl.applyAdjoint(f));
                for (int i = 0; i < g.length; i++) {
                    g[i] += gu[i];
                }
                return j;
            }
        };
    }

    /** A 3D-Var context: {@link Fixtures#context}'s pieces plus a prior, L-BFGS and the {@link #cost3d}. */
    static MethodContext context(DynamicalModel model, ObservationOperator h, DiagonalObservationError r,
                                 int interval, BackgroundPrior prior, StoppingCriteria stopping) {
        Minimizer lbfgs = Fixtures.PLUGINS.minimizer("lbfgs", Map.of());
        return new MethodContext() {
            @Override public DynamicalModel model() { return model; }
            @Override public ObservationOperator operator() { return h; }
            @Override public ObservationError error() { return r; }
            @Override public int interval() { return interval; }
            @Override public int window() { return 1; }
            @Override public double initialSpread() { return 1.0; }
            @Override public BackgroundPrior prior() { return prior; }
            @Override public Minimizer minimizer() { return lbfgs; }
            @Override public StoppingCriteria stopping() { return stopping; }
            @Override public double observationWeight() { return 1.0; }
            @Override public DifferentiableFunction variationalCost(ControlTransform t, List<double[]> y) {
                if (y.size() != 1) {
                    throw new AssertionError("the test cost is 3D-Var");
                }
                return cost3d(t, h, r, y.get(0));
            }
        };
    }

    /** Anomalies of {@link Fixtures#forecast} members. */
    static double[][] anomalies(int size, int n, long seed) {
        Ensemble e = Fixtures.forecast(size, n, 1, seed);
        e.center();
        return e.anomalies;
    }
}
