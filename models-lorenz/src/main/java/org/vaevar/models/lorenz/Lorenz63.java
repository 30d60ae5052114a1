package org.vaevar.models.lorenz;

import java.util.random.RandomGenerator;
import org.vaevar.api.ode.OdeModel;

/**
 * The Lorenz (1963) three-variable convection model integrated with RK4 (the shared {@link org.vaevar.api.ode.Rk4},
 * which also differentiates the integration). Standard chaotic setting: σ = 10, ρ = 28, β = 8/3, dt = 0.01.
 *
 * <p>σ and β must be positive: the system is then dissipative (divergence −σ − 1 − β) and every trajectory
 * enters a bounded ellipsoid, for any finite ρ.
 */
public final class Lorenz63 extends OdeModel {

    public static final String NAME = "lorenz63";
    public static final double STANDARD_SIGMA = 10.0;
    public static final double STANDARD_RHO = 28.0;
    public static final double STANDARD_BETA = 8.0 / 3.0;
    public static final double STANDARD_DT = 0.01;

    private final double sigma;
    private final double rho;
    private final double beta;

    public Lorenz63(double sigma, double rho, double beta, double dt) {
        super(new Lorenz63Tendency(positive("sigma", sigma), finite("rho", rho), positive("beta", beta)),
                positive("dt", dt));
        this.sigma = sigma;
        this.rho = rho;
        this.beta = beta;
    }

    /** σ = 10, ρ = 28, β = 8/3, dt = 0.01. */
    public static Lorenz63 standard() {
        return new Lorenz63(STANDARD_SIGMA, STANDARD_RHO, STANDARD_BETA, STANDARD_DT);
    }

    @Override
    public String name() {
        return NAME;
    }

    public double sigma() {
        return sigma;
    }

    public double rho() {
        return rho;
    }

    public double beta() {
        return beta;
    }

    /**
     * A Gaussian draw over the attractor's region: x, y ~ N(0, a²), z ~ N(ρ − 1, a²) with a = √(β(ρ − 1)), the
     * distance of the convective fixed points C± = (±a, ±a, ρ − 1) from the z axis (a ≈ 8.5 for the standard
     * parameters, about the attractor's own spread: std of x ≈ 7.9, of z ≈ 8.6). Draws within a/2 of C± are
     * redrawn: C± are unstable foci in the holes of the two wings (the standard attractor keeps ≥ 2.6 away from
     * them) and a point near one spirals out only at the rate Re λ ≈ 0.094 per time unit, taking tens of time
     * units to reach the attractor; everywhere else the strong contraction (volume rate −σ − 1 − β ≈ −13.7)
     * brings the draw onto the attractor within a few time units (a burn-in of 500 steps at dt = 0.01 is ample).
     * The redraw excludes about 2.5 % of the Gaussian's mass and ~0.5 % of the attractor's natural measure.
     * For ρ ≤ 1 (no C±; the origin attracts) the draw is N(0, 1) per component.
     */
    @Override
    public double[] randomState(RandomGenerator random) {
        if (!(rho > 1)) {
            return new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        }
        double a = Math.sqrt(beta * (rho - 1));
        double zc = rho - 1;
        double excluded = 0.25 * a * a; // (a/2)²
        while (true) {
            double x = a * random.nextGaussian();
            double y = a * random.nextGaussian();
            double z = zc + a * random.nextGaussian();
            double dz2 = (z - zc) * (z - zc);
            double toPlus = (x - a) * (x - a) + (y - a) * (y - a) + dz2;
            double toMinus = (x + a) * (x + a) + (y + a) * (y + a) + dz2;
            if (Math.min(toPlus, toMinus) >= excluded) {
                return new double[] {x, y, z};
            }
        }
    }

    @Override
    public String toString() {
        return NAME + "(sigma=" + sigma + ", rho=" + rho + ", beta=" + beta + ", dt=" + timeStep() + ")";
    }

    private static double positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(NAME + "." + field + " = " + v + ": must be positive and finite");
        }
        return v;
    }

    private static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(NAME + "." + field + " = " + v + ": must be finite");
        }
        return v;
    }
}
