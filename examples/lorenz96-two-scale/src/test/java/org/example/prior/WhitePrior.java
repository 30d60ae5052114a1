package org.example.prior;

import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.Linearization;

/**
 * The README's prior-plugin example, kept compiling and contract-tested here: B = σ² I, as the control transform
 * x = xb + σ v with penalty ½‖v‖² (so Jb = ½ (x − xb)ᵀ B⁻¹ (x − xb)).
 */
public final class WhitePrior implements BackgroundPrior {

    private final int n;
    private final double sigma;

    public WhitePrior(int n, double sigma) {
        this.n = n;
        this.sigma = sigma;
    }

    @Override public String name() { return "white"; }
    @Override public int stateDimension() { return n; }
    @Override public int controlDimension() { return n; }

    @Override
    public ControlTransform at(double[] background) {
        double[] xb = background.clone();
        return new ControlTransform() {
            @Override public double[] background() { return xb.clone(); }
            @Override public double[] initialControl() { return new double[n]; }
            @Override public int inputDimension() { return n; }
            @Override public int outputDimension() { return n; }

            @Override
            public double[] apply(double[] v) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = xb[i] + sigma * v[i];
                }
                return x;
            }

            @Override
            public Linearization linearize(double[] v) {
                double[] x = apply(v);
                return new Linearization() {
                    @Override public double[] value() { return x.clone(); }
                    @Override public int inputDimension() { return n; }
                    @Override public int outputDimension() { return n; }
                    @Override public double[] apply(double[] dv) { return scaled(dv); }
                    @Override public double[] applyAdjoint(double[] dx) { return scaled(dx); }
                };
            }

            @Override
            public DifferentiableFunction penalty() {
                return new DifferentiableFunction() {
                    @Override public int dimension() { return n; }

                    @Override
                    public double value(double[] v) {
                        double s = 0;
                        for (double vi : v) {
                            s += vi * vi;
                        }
                        return 0.5 * s;
                    }

                    @Override
                    public double valueAndGradient(double[] v, double[] gradient) {
                        System.arraycopy(v, 0, gradient, 0, n);
                        return value(v);
                    }
                };
            }
        };
    }

    private double[] scaled(double[] d) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sigma * d[i];
        }
        return out;
    }
}
