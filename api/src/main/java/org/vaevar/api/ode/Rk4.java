package org.vaevar.api.ode;

import org.vaevar.api.Linearization;
import org.vaevar.api.util.Checks;

/**
 * The classical fourth-order Runge-Kutta step for a {@link Tendency}, and its exact (discrete) tangent-linear
 * and adjoint: the derivative of the step as computed, not a discretisation of the continuous TL equations.
 *
 * <pre>
 *   s1 = x,            k1 = f(s1)
 *   s2 = x + dt/2 k1,  k2 = f(s2)
 *   s3 = x + dt/2 k2,  k3 = f(s3)
 *   s4 = x + dt k3,    k4 = f(s4)
 *   x' = x + dt/6 (k1 + 2 k2 + 2 k3 + k4)
 * </pre>
 */
public final class Rk4 {

    private final Tendency f;
    private final double dt;
    private final int n;
    private final ThreadLocal<Scratch> scratch;

    public Rk4(Tendency f, double dt) {
        Checks.positive("dt", dt);
        this.f = f;
        this.dt = dt;
        this.n = f.dimension();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    public double timeStep() {
        return dt;
    }

    public int dimension() {
        return n;
    }

    /** x after {@code steps} steps (a new array). */
    public double[] integrate(double[] x0, int steps) {
        Checks.dimension("state", x0, n);
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be non-negative");
        }
        double[] x = x0.clone();
        double[] next = new double[n];
        double[][] k = new double[4][n];
        double[] s2 = new double[n], s3 = new double[n], s4 = new double[n];
        for (int s = 0; s < steps; s++) {
            step(x, next, s2, s3, s4, k);
            double[] t = x;
            x = next;
            next = t;
        }
        return x;
    }

    /**
     * x after {@code steps} steps, written back into {@code x}: the same arithmetic as {@link #integrate}, with
     * per-thread scratch arrays, so forecasting many states allocates nothing.
     */
    public void integrateInPlace(double[] x, int steps) {
        Checks.dimension("state", x, n);
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be non-negative");
        }
        Scratch w = scratch.get();
        double[] cur = x;
        double[] next = w.next;
        for (int s = 0; s < steps; s++) {
            step(cur, next, w.s2, w.s3, w.s4, w.k);
            double[] t = cur;
            cur = next;
            next = t;
        }
        if (cur != x) { // an odd number of steps ends in the scratch array
            System.arraycopy(cur, 0, x, 0, n);
        }
    }

    /** Stage arrays of one thread's in-place integrations. */
    private static final class Scratch {
        final double[] next, s2, s3, s4;
        final double[][] k;

        Scratch(int n) {
            next = new double[n];
            s2 = new double[n];
            s3 = new double[n];
            s4 = new double[n];
            k = new double[4][n];
        }
    }

    /**
     * Runs {@code steps} steps from x0 storing the four stage points of every step, and returns the segment's
     * value with its tangent-linear and adjoint.
     */
    public Linearization linearize(double[] x0, int steps) {
        Checks.dimension("state", x0, n);
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be non-negative");
        }
        // The stage points are written straight into the stored trajectory; s1 of a step is the previous step's
        // output, so nothing is copied.
        double[][][] stages = new double[steps][][];
        double[] x = x0.clone();
        double[][] k = new double[4][n];
        for (int s = 0; s < steps; s++) {
            double[] next = new double[n];
            stages[s] = new double[][] {x, new double[n], new double[n], new double[n]};
            step(x, next, stages[s][1], stages[s][2], stages[s][3], k);
            x = next;
        }
        return new Trajectory(stages, x);
    }

    /** One step x → out; the stage points s2, s3, s4 land in the given arrays; {@code k} is scratch (4 rows). */
    private void step(double[] x, double[] out, double[] s2, double[] s3, double[] s4, double[][] k) {
        double[] k1 = k[0], k2 = k[1], k3 = k[2], k4 = k[3];
        double h = 0.5 * dt;
        f.evaluate(x, k1);
        for (int i = 0; i < n; i++) s2[i] = x[i] + h * k1[i];
        f.evaluate(s2, k2);
        for (int i = 0; i < n; i++) s3[i] = x[i] + h * k2[i];
        f.evaluate(s3, k3);
        for (int i = 0; i < n; i++) s4[i] = x[i] + dt * k3[i];
        f.evaluate(s4, k4);
        double c = dt / 6.0;
        for (int i = 0; i < n; i++) out[i] = x[i] + c * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    /** A stored RK4 trajectory: the TL runs forwards over the steps, the adjoint backwards. */
    private final class Trajectory implements Linearization {

        private final double[][][] stages; // [step][stage s1..s4][i]
        private final double[] end;

        Trajectory(double[][][] stages, double[] end) {
            this.stages = stages;
            this.end = end;
        }

        @Override public int inputDimension() { return n; }

        @Override public int outputDimension() { return n; }

        @Override public double[] value() { return end; }

        @Override
        public double[] apply(double[] dx0) {
            Checks.dimension("increment", dx0, n);
            double[] dx = dx0.clone();
            double[] dk1 = new double[n], dk2 = new double[n], dk3 = new double[n], dk4 = new double[n];
            double[] ds = new double[n];
            double h = 0.5 * dt, c = dt / 6.0;
            for (double[][] st : stages) {
                f.tangent(st[0], dx, dk1);
                for (int i = 0; i < n; i++) ds[i] = dx[i] + h * dk1[i];
                f.tangent(st[1], ds, dk2);
                for (int i = 0; i < n; i++) ds[i] = dx[i] + h * dk2[i];
                f.tangent(st[2], ds, dk3);
                for (int i = 0; i < n; i++) ds[i] = dx[i] + dt * dk3[i];
                f.tangent(st[3], ds, dk4);
                for (int i = 0; i < n; i++) dx[i] += c * (dk1[i] + 2 * dk2[i] + 2 * dk3[i] + dk4[i]);
            }
            return dx;
        }

        @Override
        public double[] applyAdjoint(double[] dy) {
            Checks.dimension("adjoint increment", dy, n);
            double[] lx = dy.clone();                    // λ_x
            double[] lk = new double[n];                 // λ of the current stage's k
            double[] lds = new double[n];                // λ of the current stage point
            double[] out = new double[n];                // λ' of the current step's output
            double h = 0.5 * dt, c = dt / 6.0;
            for (int s = stages.length - 1; s >= 0; s--) {
                double[][] st = stages[s];
                System.arraycopy(lx, 0, out, 0, n);      // λ_x starts as λ'
                // k4 (weight c): λ_s4 = J(s4)ᵀ λ_k4; s4 = x + dt k3
                for (int i = 0; i < n; i++) lk[i] = c * out[i];
                f.adjoint(st[3], lk, lds);
                for (int i = 0; i < n; i++) {
                    lx[i] += lds[i];
                    lk[i] = 2 * c * out[i] + dt * lds[i]; // λ_k3
                }
                f.adjoint(st[2], lk, lds);               // s3 = x + dt/2 k2
                for (int i = 0; i < n; i++) {
                    lx[i] += lds[i];
                    lk[i] = 2 * c * out[i] + h * lds[i]; // λ_k2
                }
                f.adjoint(st[1], lk, lds);               // s2 = x + dt/2 k1
                for (int i = 0; i < n; i++) {
                    lx[i] += lds[i];
                    lk[i] = c * out[i] + h * lds[i];     // λ_k1
                }
                f.adjoint(st[0], lk, lds);               // s1 = x
                for (int i = 0; i < n; i++) lx[i] += lds[i];
            }
            return lx;
        }
    }
}
