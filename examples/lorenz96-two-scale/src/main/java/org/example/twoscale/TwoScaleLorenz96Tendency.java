package org.example.twoscale;

import org.vaevar.api.ode.Tendency;

/**
 * The two-scale Lorenz (1996) right-hand side (Wilks 2005): K slow variables X_k on a ring, each coupled to J fast
 * variables Y_{j,k}; the J·K fast variables form one ring of their own (Y_{J,k} = Y_{0,k+1}).
 * <pre>
 *   dX_k/dt     = −X_{k−1} (X_{k−2} − X_{k+1}) − X_k + F − (h c / b) Σ_j Y_{j,k}
 *   dY_{j,k}/dt = −c b Y_{j+1,k} (Y_{j+2,k} − Y_{j−1,k}) − c Y_{j,k} + (h c / b) X_k
 * </pre>
 * The state is laid out as [X_0 … X_{K−1}, Y_0 … Y_{JK−1}], the fast ring index of Y_{j,k} being m = k·J + j, so
 * the fast variables of X_k are the block K + k·J … K + k·J + J − 1.
 *
 * <p>The Jacobian action follows by the product rule; the transpose action scatters each output's partial
 * derivatives back to the inputs they came from (every index wraps around its own ring).
 */
public final class TwoScaleLorenz96Tendency implements Tendency {

    private final int k;
    private final int j;
    private final int fast;
    private final double forcing;
    private final double c;
    private final double cb;
    private final double coupling;

    /**
     * @param slow    K, the number of slow variables (at least 4)
     * @param perSlow J, fast variables per slow variable (at least 1; J·K at least 4)
     * @param h       coupling strength
     * @param c       time-scale ratio of fast to slow (positive)
     * @param b       amplitude ratio of slow to fast (positive)
     * @param forcing F
     */
    public TwoScaleLorenz96Tendency(int slow, int perSlow, double h, double c, double b, double forcing) {
        String name = TwoScaleLorenz96.NAME;
        if (slow < 4) {
            throw new IllegalArgumentException(name + ".K = " + slow + ": must be at least 4");
        }
        if (perSlow < 1 || (long) perSlow * slow < 4) {
            throw new IllegalArgumentException(name + ".J = " + perSlow + ": must be at least 1, with J·K at least 4");
        }
        finite(name + ".h", h);
        finite(name + ".F", forcing);
        if (!(c > 0) || !Double.isFinite(c)) {
            throw new IllegalArgumentException(name + ".c = " + c + ": must be positive and finite");
        }
        if (!(b > 0) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(name + ".b = " + b + ": must be positive and finite");
        }
        this.k = slow;
        this.j = perSlow;
        this.fast = slow * perSlow;
        this.forcing = forcing;
        this.c = c;
        this.cb = c * b;
        this.coupling = h * c / b;
    }

    @Override
    public int dimension() {
        return k + fast;
    }

    public int slow() {
        return k;
    }

    public int fastPerSlow() {
        return j;
    }

    @Override
    public void evaluate(double[] x, double[] out) {
        for (int s = 0; s < k; s++) {
            double sum = 0;
            for (int q = k + s * j; q < k + (s + 1) * j; q++) {
                sum += x[q];
            }
            out[s] = (x[slow(s + 1)] - x[slow(s - 2)]) * x[slow(s - 1)] - x[s] + forcing - coupling * sum;
        }
        for (int m = 0; m < fast; m++) {
            out[k + m] = -cb * x[fast(m + 1)] * (x[fast(m + 2)] - x[fast(m - 1)]) - c * x[k + m]
                    + coupling * x[m / j];
        }
    }

    @Override
    public void tangent(double[] x, double[] d, double[] out) {
        for (int s = 0; s < k; s++) {
            double sum = 0;
            for (int q = k + s * j; q < k + (s + 1) * j; q++) {
                sum += d[q];
            }
            int p1 = slow(s + 1);
            int m1 = slow(s - 1);
            int m2 = slow(s - 2);
            out[s] = (d[p1] - d[m2]) * x[m1] + (x[p1] - x[m2]) * d[m1] - d[s] - coupling * sum;
        }
        for (int m = 0; m < fast; m++) {
            int p1 = fast(m + 1);
            int p2 = fast(m + 2);
            int m1 = fast(m - 1);
            out[k + m] = -cb * (d[p1] * (x[p2] - x[m1]) + x[p1] * (d[p2] - d[m1])) - c * d[k + m]
                    + coupling * d[m / j];
        }
    }

    @Override
    public void adjoint(double[] x, double[] a, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int s = 0; s < k; s++) {
            double as = a[s];
            int p1 = slow(s + 1);
            int m1 = slow(s - 1);
            int m2 = slow(s - 2);
            out[p1] += x[m1] * as;
            out[m2] -= x[m1] * as;
            out[m1] += (x[p1] - x[m2]) * as;
            out[s] -= as;
            for (int q = k + s * j; q < k + (s + 1) * j; q++) {
                out[q] -= coupling * as;
            }
        }
        for (int m = 0; m < fast; m++) {
            double am = a[k + m];
            int p1 = fast(m + 1);
            int p2 = fast(m + 2);
            int m1 = fast(m - 1);
            out[p1] -= cb * (x[p2] - x[m1]) * am;
            out[p2] -= cb * x[p1] * am;
            out[m1] += cb * x[p1] * am;
            out[k + m] -= c * am;
            out[m / j] += coupling * am;
        }
    }

    /** The state index of slow variable s (mod K). */
    private int slow(int s) {
        return Math.floorMod(s, k);
    }

    /** The state index of fast variable m (mod J·K). */
    private int fast(int m) {
        return k + Math.floorMod(m, fast);
    }

    private static void finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " = " + v + ": must be finite");
        }
    }
}
