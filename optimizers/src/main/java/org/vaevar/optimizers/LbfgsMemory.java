package org.vaevar.optimizers;

import org.vaevar.api.parallel.Blocks;

/**
 * The last m correction pairs (s_k, y_k) = (x_{k+1} − x_k, ∇f_{k+1} − ∇f_k) of L-BFGS and the two-loop recursion
 * that applies the inverse-Hessian approximation they define (Nocedal &amp; Wright, Algorithm 7.4) with the
 * initial scaling H0 = γ I, γ = sᵀy / yᵀy of the newest pair.
 *
 * <p>All storage is allocated once: a ring of m + 1 rows, so the incoming pair is written into a free row and
 * a pair refused for weak curvature never overwrites a stored one.
 */
final class LbfgsMemory {

    /** Pairs with sᵀy ≤ CURVATURE_EPSILON ‖s‖ ‖y‖ are skipped: they would make H indefinite or ill-conditioned. */
    static final double CURVATURE_EPSILON = 1e-10;

    private final int capacity;
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;   // 1 / sᵀy per row
    private final double[] alpha; // first-loop coefficients, kept for the second loop
    private int oldest;
    private int size;
    private double gamma = 1;

    LbfgsMemory(int capacity, int dimension) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history = " + capacity + ": must be at least 1");
        }
        this.capacity = capacity;
        this.s = new double[capacity + 1][dimension];
        this.y = new double[capacity + 1][dimension];
        this.rho = new double[capacity + 1];
        this.alpha = new double[capacity + 1];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
        oldest = 0;
        gamma = 1;
    }

    /**
     * Stores s = x1 − x0, y = g1 − g0 unless sᵀy ≤ ε ‖s‖ ‖y‖ (ε = {@value #CURVATURE_EPSILON}); the oldest
     * pair is dropped when m are held.
     *
     * @return whether the pair was stored
     */
    boolean update(double[] x0, double[] x1, double[] g0, double[] g1) {
        int row = (oldest + size) % (capacity + 1); // always free: size ≤ m < m + 1 rows
        double[] sr = s[row];
        double[] yr = y[row];
        // s, y and their three products in one sweep, per block (Blocks: the same sums for any thread count).
        double[] products = Blocks.sums(sr.length, 3, 8, (from, to, out) -> {
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = from; i < to; i++) {
                double si = x1[i] - x0[i];
                double yi = g1[i] - g0[i];
                sr[i] = si;
                yr[i] = yi;
                sy += si * yi;
                ss += si * si;
                yy += yi * yi;
            }
            out[0] = sy;
            out[1] = ss;
            out[2] = yy;
        });
        double sy = products[0];
        double ss = products[1];
        double yy = products[2];
        if (!(sy > CURVATURE_EPSILON * Math.sqrt(ss) * Math.sqrt(yy))) {
            return false;
        }
        rho[row] = 1.0 / sy;
        gamma = sy / yy;
        if (size == capacity) {
            oldest = (oldest + 1) % (capacity + 1);
        } else {
            size++;
        }
        return true;
    }

    /** Writes d = −H g into {@code d} by the two-loop recursion (H = γ I when the memory is empty). */
    void direction(double[] g, double[] d) {
        int n = g.length;
        System.arraycopy(g, 0, d, 0, n); // q = g
        int rows = capacity + 1;
        // First loop, newest to oldest: α_i = ρ_i s_iᵀ q; q ← q − α_i y_i.
        for (int k = size - 1; k >= 0; k--) {
            int row = (oldest + k) % rows;
            double[] sr = s[row];
            double[] yr = y[row];
            double a = rho[row] * DenseVectors.dot(sr, d);
            alpha[row] = a;
            DenseVectors.addScaled(d, -a, yr);
        }
        // r = H0 q = γ q.
        DenseVectors.scale(d, gamma);
        // Second loop, oldest to newest: β = ρ_i y_iᵀ r; r ← r + s_i (α_i − β).
        for (int k = 0; k < size; k++) {
            int row = (oldest + k) % rows;
            double[] yr = y[row];
            double b = rho[row] * DenseVectors.dot(yr, d);
            DenseVectors.addScaled(d, alpha[row] - b, s[row]);
        }
        // d = −H g.
        DenseVectors.negate(d, d);
    }
}
