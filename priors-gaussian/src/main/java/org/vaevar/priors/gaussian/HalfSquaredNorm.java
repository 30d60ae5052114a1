package org.vaevar.priors.gaussian;

import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.util.Checks;

/** P(v) = ½‖v‖², ∇P(v) = v: the background penalty in the whitened control space of a Gaussian prior. */
public final class HalfSquaredNorm implements DifferentiableFunction {

    private final int dimension;

    public HalfSquaredNorm(int dimension) {
        Checks.positive("dimension", dimension);
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(double[] v) {
        Checks.dimension("control", v, dimension);
        double s = 0;
        for (double vi : v) {
            s += vi * vi;
        }
        return 0.5 * s;
    }

    @Override
    public double valueAndGradient(double[] v, double[] gradient) {
        Checks.dimension("penalty gradient buffer", gradient, dimension);
        System.arraycopy(v, 0, gradient, 0, dimension); // ∇½‖v‖² = v
        return value(v);
    }
}
