package org.vaevar.models.lorenz;

import org.vaevar.api.ode.Tendency;

/**
 * The Lorenz (1963) right-hand side
 * <pre>
 *   dx/dt = σ (y − x)
 *   dy/dt = x (ρ − z) − y
 *   dz/dt = x y − β z
 * </pre>
 * with its Jacobian
 * <pre>
 *   J = [ −σ     σ    0 ]
 *       [ ρ − z  −1  −x ]
 *       [ y      x   −β ]
 * </pre>
 * whose action (tangent) and transpose action (adjoint) are written out by hand below.
 */
public final class Lorenz63Tendency implements Tendency {

    private final double sigma;
    private final double rho;
    private final double beta;

    public Lorenz63Tendency(double sigma, double rho, double beta) {
        this.sigma = sigma;
        this.rho = rho;
        this.beta = beta;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void evaluate(double[] s, double[] out) {
        double x = s[0], y = s[1], z = s[2];
        out[0] = sigma * (y - x);
        out[1] = x * (rho - z) - y;
        out[2] = x * y - beta * z;
    }

    /** out = J(s) d. */
    @Override
    public void tangent(double[] s, double[] d, double[] out) {
        double x = s[0], y = s[1], z = s[2];
        out[0] = sigma * (d[1] - d[0]);
        out[1] = (rho - z) * d[0] - d[1] - x * d[2];
        out[2] = y * d[0] + x * d[1] - beta * d[2];
    }

    /** out = J(s)ᵀ a: the columns of J dotted with a. */
    @Override
    public void adjoint(double[] s, double[] a, double[] out) {
        double x = s[0], y = s[1], z = s[2];
        out[0] = -sigma * a[0] + (rho - z) * a[1] + y * a[2];
        out[1] = sigma * a[0] - a[1] + x * a[2];
        out[2] = -x * a[1] - beta * a[2];
    }
}
