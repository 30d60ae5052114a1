package org.vaevar.api.ode;

import org.vaevar.api.Linearization;
import org.vaevar.api.parallel.Blocks;
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
 *
 * <p>Every loop here is element-wise, so at large n each runs over {@link Blocks} on the compute threads with the
 * serial loop's exact result; a tendency may block its own loops the same way.
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
        Blocks.forEach(n, (a, b) -> axpy(s2, x, h, k1, a, b));
        f.evaluate(s2, k2);
        Blocks.forEach(n, (a, b) -> axpy(s3, x, h, k2, a, b));
        f.evaluate(s3, k3);
        Blocks.forEach(n, (a, b) -> axpy(s4, x, dt, k3, a, b));
        f.evaluate(s4, k4);
        double c = dt / 6.0;
        Blocks.forEach(n, (a, b) -> combine(out, x, c, k1, k2, k3, k4, a, b));
    }

    /** out_i = x_i + h k_i on [from, to). */
    private static void axpy(double[] out, double[] x, double h, double[] k, int from, int to) {
        for (int i = from; i < to; i++) out[i] = x[i] + h * k[i];
    }

    /** out_i = x_i + c (k1_i + 2 k2_i + 2 k3_i + k4_i) on [from, to); out may be x. */
    private static void combine(double[] out, double[] x, double c, double[] k1, double[] k2, double[] k3,
            double[] k4, int from, int to) {
        for (int i = from; i < to; i++) out[i] = x[i] + c * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    /** λ_x += λ_s and λ_k = w λ' + h λ_s on [from, to): one stage of the adjoint step. */
    private static void stage(double[] lx, double[] lk, double[] lds, double[] out, double w, double h, int from,
            int to) {
        for (int i = from; i < to; i++) {
            lx[i] += lds[i];
            lk[i] = w * out[i] + h * lds[i];
        }
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
                Blocks.forEach(n, (a, b) -> axpy(ds, dx, h, dk1, a, b));
                f.tangent(st[1], ds, dk2);
                Blocks.forEach(n, (a, b) -> axpy(ds, dx, h, dk2, a, b));
                f.tangent(st[2], ds, dk3);
                Blocks.forEach(n, (a, b) -> axpy(ds, dx, dt, dk3, a, b));
                f.tangent(st[3], ds, dk4);
                Blocks.forEach(n, (a, b) -> combine(dx, dx, c, dk1, dk2, dk3, dk4, a, b));
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
                Blocks.forEach(n, (a, b) -> {
                    for (int i = a; i < b; i++) lk[i] = c * out[i];
                });
                f.adjoint(st[3], lk, lds);
                Blocks.forEach(n, (a, b) -> stage(lx, lk, lds, out, 2 * c, dt, a, b)); // λ_k3
                f.adjoint(st[2], lk, lds);               // s3 = x + dt/2 k2
                Blocks.forEach(n, (a, b) -> stage(lx, lk, lds, out, 2 * c, h, a, b));  // λ_k2
                f.adjoint(st[1], lk, lds);               // s2 = x + dt/2 k1
                Blocks.forEach(n, (a, b) -> stage(lx, lk, lds, out, c, h, a, b));      // λ_k1
                f.adjoint(st[0], lk, lds);               // s1 = x
                Blocks.forEach(n, (a, b) -> {
                    for (int i = a; i < b; i++) lx[i] += lds[i];
                });
            }
            return lx;
        }
    }
}
