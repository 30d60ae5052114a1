package org.example.twoscale;

import java.util.random.RandomGenerator;
import org.vaevar.api.ode.OdeModel;

/**
 * The two-scale Lorenz (1996) model integrated with the shared RK4 of vaevar, which also differentiates the
 * integration: this class supplies only the {@link TwoScaleLorenz96Tendency}, a name and a random initial state.
 * Default setting (Lorenz 1996): K = 36 slow and J = 10 fast variables each, h = 1, c = 10, b = 10, F = 10, and a
 * step of 0.005 time units, small enough for the fast variables (c = 10 times faster than the slow ones).
 */
public final class TwoScaleLorenz96 extends OdeModel {

    public static final String NAME = "lorenz96-two-scale";
    public static final int STANDARD_K = 36;
    public static final int STANDARD_J = 10;
    public static final double STANDARD_H = 1.0;
    public static final double STANDARD_C = 10.0;
    public static final double STANDARD_B = 10.0;
    public static final double STANDARD_FORCING = 10.0;
    public static final double STANDARD_DT = 0.005;

    private final TwoScaleLorenz96Tendency tendency;
    private final double forcing;
    private final double b;

    public TwoScaleLorenz96(int slow, int perSlow, double h, double c, double b, double forcing, double dt) {
        this(new TwoScaleLorenz96Tendency(slow, perSlow, h, c, b, forcing), forcing, b, positive(dt));
    }

    private TwoScaleLorenz96(TwoScaleLorenz96Tendency tendency, double forcing, double b, double dt) {
        super(tendency, dt);
        this.tendency = tendency;
        this.forcing = forcing;
        this.b = b;
    }

    public static TwoScaleLorenz96 standard() {
        return new TwoScaleLorenz96(STANDARD_K, STANDARD_J, STANDARD_H, STANDARD_C, STANDARD_B, STANDARD_FORCING,
                STANDARD_DT);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** K. The slow variables are the state's first K components. */
    public int slowVariables() {
        return tendency.slow();
    }

    /** J. */
    public int fastPerSlow() {
        return tendency.fastPerSlow();
    }

    /**
     * X_k = F + N(0, 1) about the unstable uniform state, Y_{j,k} = N(0, 1) / b (the fast variables are b times
     * smaller); the instability carries it onto the attractor within a few time units (~1000 steps).
     */
    @Override
    public double[] randomState(RandomGenerator random) {
        double[] x = new double[dimension()];
        int slow = slowVariables();
        for (int i = 0; i < x.length; i++) {
            x[i] = i < slow ? forcing + random.nextGaussian() : random.nextGaussian() / b;
        }
        return x;
    }

    @Override
    public String toString() {
        return NAME + "(K=" + slowVariables() + ", J=" + fastPerSlow() + ", F=" + forcing + ", dt=" + timeStep()
                + ")";
    }

    private static double positive(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException(NAME + ".dt = " + dt + ": must be positive and finite");
        }
        return dt;
    }
}
