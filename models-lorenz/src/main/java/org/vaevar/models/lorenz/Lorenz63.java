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

    /** Model time from (1, 1, 1) onto the attractor before {@link #randomState} samples. */
    static final double SPIN_UP_TIME = 20.0;
    /** Length of the orbit {@link #randomState} samples a point from. */
    static final double SAMPLING_TIME = 100.0;

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
     * A random point near the attractor: from (1, 1, 1) the model runs {@value #SPIN_UP_TIME} time units onto the
     * attractor, then a uniformly random further time in [0, {@value #SAMPLING_TIME}) (a random point of one long
     * orbit, i.e. a draw from the attractor's natural measure: the orbit decorrelates within ~1 time unit), and
     * N(0, 1) noise is added to each component so that no two draws coincide. A burn-in of a few time units
     * (500 steps at dt = 0.01) brings the noise back onto the attractor. Cost: up to 12 000 RK4 steps at
     * dt = 0.01, well under a millisecond.
     *
     * <p>Measured over 10 000 seeds after 500 steps: the mean distance between states of different seeds is 18.5,
     * that of independent points of the attractor (18.0): the draws are effectively independent. 4 of the 10 000
     * were still within 2.5 of a focus C± (the attractor itself keeps ≥ 2.66 away). Why not a Gaussian over the
     * attractor's region: draws near the one-dimensional stable manifolds of the unstable foci
     * C± = (±√(β(ρ−1)), ±√(β(ρ−1)), ρ − 1) run close to C± and spiral out at only Re λ ≈ 0.094 per time unit; with
     * x, y ~ N(0, 8.5²), z ~ N(27, 8.5²) (C± excluded), 1.8 % of draws were still within 2.5 of C± after 500
     * steps.
     */
    @Override
    public double[] randomState(RandomGenerator random) {
        double dt = timeStep();
        double[] x = forecast(new double[] {1, 1, 1}, (int) Math.ceil(SPIN_UP_TIME / dt));
        x = forecast(x, random.nextInt(Math.max(1, (int) Math.round(SAMPLING_TIME / dt))));
        for (int i = 0; i < 3; i++) {
            x[i] += random.nextGaussian();
        }
        return x;
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
