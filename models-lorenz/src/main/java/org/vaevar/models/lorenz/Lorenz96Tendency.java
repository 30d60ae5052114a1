package org.vaevar.models.lorenz;

import org.vaevar.api.ode.Tendency;
import org.vaevar.api.parallel.Blocks;

/**
 * The Lorenz (1996) right-hand side on a ring of n ≥ 4 points (indices mod n):
 * <pre>
 *   dx_i/dt = (x_{i+1} − x_{i−2}) x_{i−1} − x_i + F
 * </pre>
 * advection (quadratic, conserves ½Σx²), damping and forcing. Its Jacobian has four non-zero diagonals:
 * ∂f_i/∂x_{i+1} = x_{i−1}, ∂f_i/∂x_{i−2} = −x_{i−1}, ∂f_i/∂x_{i−1} = x_{i+1} − x_{i−2}, ∂f_i/∂x_i = −1.
 *
 * <p>Built for n up to 10⁴ and beyond: the loops run over the interior with plain offsets and the few indices
 * that wrap around the ring are written out separately (no {@code %} in the inner loop). Interior and boundary
 * use the same expression in the same order, so the model is exactly (bit for bit) equivariant under cyclic
 * shifts, which the tests check. At large n the interior loops run over {@link Blocks} on the compute threads:
 * each output is the same expression whoever computes it, so the result does not depend on the thread count.
 */
public final class Lorenz96Tendency implements Tendency {

    private final int n;
    private final double forcing;

    public Lorenz96Tendency(int n, double forcing) {
        if (n < 4) {
            throw new IllegalArgumentException("lorenz96.n = " + n + ": must be at least 4");
        }
        if (!Double.isFinite(forcing)) {
            throw new IllegalArgumentException("lorenz96.forcing = " + forcing + ": must be finite");
        }
        this.n = n;
        this.forcing = forcing;
    }

    @Override
    public int dimension() {
        return n;
    }

    /** out_i = (x_{i+1} − x_{i−2}) x_{i−1} − x_i + F. Wrapping indices: i = 0, 1 and n−1. */
    @Override
    public void evaluate(double[] x, double[] out) {
        final int n = this.n;
        final double f = forcing;
        out[0] = (x[1] - x[n - 2]) * x[n - 1] - x[0] + f;
        out[1] = (x[2] - x[n - 1]) * x[0] - x[1] + f;
        Blocks.forEach(n, (a, b) -> {
            for (int i = Math.max(a, 2), end = Math.min(b, n - 1); i < end; i++) {
                out[i] = (x[i + 1] - x[i - 2]) * x[i - 1] - x[i] + f;
            }
        });
        out[n - 1] = (x[0] - x[n - 3]) * x[n - 2] - x[n - 1] + f;
    }

    /**
     * out_i = (d_{i+1} − d_{i−2}) x_{i−1} + (x_{i+1} − x_{i−2}) d_{i−1} − d_i: the product rule on the
     * advection term. Wrapping indices: i = 0, 1 and n−1.
     */
    @Override
    public void tangent(double[] x, double[] d, double[] out) {
        final int n = this.n;
        out[0] = (d[1] - d[n - 2]) * x[n - 1] + (x[1] - x[n - 2]) * d[n - 1] - d[0];
        out[1] = (d[2] - d[n - 1]) * x[0] + (x[2] - x[n - 1]) * d[0] - d[1];
        Blocks.forEach(n, (a, b) -> {
            for (int i = Math.max(a, 2), end = Math.min(b, n - 1); i < end; i++) {
                out[i] = (d[i + 1] - d[i - 2]) * x[i - 1] + (x[i + 1] - x[i - 2]) * d[i - 1] - d[i];
            }
        });
        out[n - 1] = (d[0] - d[n - 3]) * x[n - 2] + (x[0] - x[n - 3]) * d[n - 2] - d[n - 1];
    }

    /**
     * out = Jᵀ a, gathered per output index j (no scatter, so each out_j is written once): x_j enters
     * f_{j−1} (as x_{i+1}, coefficient x_{j−2}), f_{j+2} (as x_{i−2}, coefficient −x_{j+1}),
     * f_{j+1} (as x_{i−1}, coefficient x_{j+2} − x_{j−1}) and f_j (damping, −1):
     * <pre>
     *   out_j = x_{j−2} a_{j−1} − x_{j+1} a_{j+2} + (x_{j+2} − x_{j−1}) a_{j+1} − a_j
     * </pre>
     * Wrapping indices: j = 0, 1, n−2 and n−1.
     */
    @Override
    public void adjoint(double[] x, double[] a, double[] out) {
        final int n = this.n;
        out[0] = x[n - 2] * a[n - 1] - x[1] * a[2] + (x[2] - x[n - 1]) * a[1] - a[0];
        out[1] = x[n - 1] * a[0] - x[2] * a[3] + (x[3] - x[0]) * a[2] - a[1];
        Blocks.forEach(n, (from, to) -> {
            for (int j = Math.max(from, 2), end = Math.min(to, n - 2); j < end; j++) {
                out[j] = x[j - 2] * a[j - 1] - x[j + 1] * a[j + 2] + (x[j + 2] - x[j - 1]) * a[j + 1] - a[j];
            }
        });
        out[n - 2] = x[n - 4] * a[n - 3] - x[n - 1] * a[0] + (x[0] - x[n - 3]) * a[n - 1] - a[n - 2];
        out[n - 1] = x[n - 3] * a[n - 2] - x[0] * a[1] + (x[1] - x[n - 2]) * a[0] - a[n - 1];
    }
}
