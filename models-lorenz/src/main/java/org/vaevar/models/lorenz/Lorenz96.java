package org.vaevar.models.lorenz;

import java.util.random.RandomGenerator;
import org.vaevar.api.SpatialGrid;
import org.vaevar.api.ode.OdeModel;

/**
 * The Lorenz (1996) model on a ring of n points integrated with RK4 (the shared {@link org.vaevar.api.ode.Rk4},
 * which also differentiates the integration). Standard setting: n = 40, F = 8, dt = 0.05 (or 0.01); n may go to
 * 10⁴ and beyond. One time unit is often identified with five days. Its grid is the ring: the distance of points
 * i and j is min(|i − j|, n − |i − j|).
 */
public final class Lorenz96 extends OdeModel implements SpatialGrid {

    public static final String NAME = "lorenz96";
    public static final int STANDARD_N = 40;
    public static final double STANDARD_FORCING = 8.0;
    public static final double STANDARD_DT = 0.05;

    private final double forcing;

    public Lorenz96(int n, double forcing, double dt) {
        super(new Lorenz96Tendency(n, forcing), positive("dt", dt));
        this.forcing = forcing;
    }

    /** n = 40, F = 8, dt = 0.05. */
    public static Lorenz96 standard() {
        return new Lorenz96(STANDARD_N, STANDARD_FORCING, STANDARD_DT);
    }

    @Override
    public String name() {
        return NAME;
    }

    public double forcing() {
        return forcing;
    }

    /**
     * x_i = F + N(0, 1), independently per point: the (unstable, for F = 8) uniform fixed point x = F, perturbed
     * at every point so that every draw differs and no symmetry survives. The instability carries it onto the
     * attractor in a few time units (a burn-in of ~500 steps at dt = 0.05 or ~2000 at dt = 0.01 is ample).
     */
    @Override
    public double[] randomState(RandomGenerator random) {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = forcing + random.nextGaussian();
        }
        return x;
    }

    /** Ring distance min(|i − j|, n − |i − j|). */
    @Override
    public double distance(int i, int j) {
        int n = dimension();
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("grid points " + i + ", " + j + " outside [0, " + n + ")");
        }
        int d = Math.abs(i - j);
        return Math.min(d, n - d);
    }

    @Override
    public String toString() {
        return NAME + "(n=" + dimension() + ", forcing=" + forcing + ", dt=" + timeStep() + ")";
    }

    private static double positive(String field, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(NAME + "." + field + " = " + v + ": must be positive and finite");
        }
        return v;
    }
}
