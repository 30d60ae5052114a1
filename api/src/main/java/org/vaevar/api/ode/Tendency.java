package org.vaevar.api.ode;

/**
 * The right-hand side f of an ODE dx/dt = f(x), with its Jacobian action and the Jacobian's transpose action.
 * A model supplies only this; {@link Rk4} integrates it and differentiates the integration.
 *
 * <p>Methods write into {@code out} (length {@link #dimension()}), which never aliases an input, and must not
 * keep references to their arguments: they are called in the innermost loop.
 */
public interface Tendency {

    int dimension();

    /** out = f(x). */
    void evaluate(double[] x, double[] out);

    /** out = f'(x) dx. */
    void tangent(double[] x, double[] dx, double[] out);

    /** out = f'(x)ᵀ dy. */
    void adjoint(double[] x, double[] dy, double[] out);
}
