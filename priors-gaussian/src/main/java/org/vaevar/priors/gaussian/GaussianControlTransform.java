package org.vaevar.priors.gaussian;

import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Checks;

/**
 * x = xb + μ + L v for one background xb: affine, so the tangent-linear is L and the adjoint Lᵀ at every v.
 * L is n × p (p = n except for a modulated ensemble).
 * μ is the prior's mean correction (zero for classic 3DVar); xb + μ is added once, here.
 */
final class GaussianControlTransform implements ControlTransform {

    private final double[] background;
    private final double[] offset; // xb + μ
    private final CovarianceSquareRoot root;
    private final HalfSquaredNorm penalty;

    GaussianControlTransform(double[] background, double[] meanCorrection, CovarianceSquareRoot root,
                             HalfSquaredNorm penalty) {
        int n = root.dimension();
        this.background = background.clone();
        this.offset = new double[n];
        for (int i = 0; i < n; i++) {
            offset[i] = background[i] + meanCorrection[i];
        }
        this.root = root;
        this.penalty = penalty;
    }

    @Override
    public double[] background() {
        return background;
    }

    @Override
    public double[] initialControl() {
        return new double[root.controlDimension()]; // v = 0: start at the (mean-corrected) background
    }

    @Override
    public DifferentiableFunction penalty() {
        return penalty;
    }

    @Override
    public int inputDimension() {
        return root.controlDimension();
    }

    @Override
    public int outputDimension() {
        return root.dimension();
    }

    @Override
    public double[] apply(double[] v) {
        Checks.dimension("gaussian control", v, root.controlDimension());
        double[] x = new double[offset.length];
        root.multiply(v, x); // L v
        for (int i = 0; i < x.length; i++) {
            x[i] += offset[i]; // + xb + μ
        }
        return x;
    }

    @Override
    public Linearization linearize(double[] v) {
        return new SquareRootLinearization(root, apply(v));
    }

    /** T' = L, T'ᵀ = Lᵀ, with the value T(v) at the linearisation point. */
    private static final class SquareRootLinearization implements Linearization {

        private final CovarianceSquareRoot root;
        private final double[] value;

        SquareRootLinearization(CovarianceSquareRoot root, double[] value) {
            this.root = root;
            this.value = value;
        }

        @Override
        public double[] value() {
            return value;
        }

        @Override
        public int inputDimension() {
            return root.controlDimension();
        }

        @Override
        public int outputDimension() {
            return root.dimension();
        }

        @Override
        public double[] apply(double[] dv) {
            Checks.dimension("gaussian tangent-linear input", dv, root.controlDimension());
            double[] dx = new double[root.dimension()];
            root.multiply(dv, dx);
            return dx;
        }

        @Override
        public double[] applyAdjoint(double[] dx) {
            Checks.dimension("gaussian adjoint input", dx, root.dimension());
            double[] dv = new double[root.controlDimension()];
            root.multiplyTranspose(dx, dv);
            return dv;
        }
    }
}
