package org.vaevar.api;

/** A scalar function f: R^n → R with its gradient: what a {@link Minimizer} minimises. */
public interface DifferentiableFunction {

    int dimension();

    /** f(x). */
    double value(double[] x);

    /**
     * f(x) and ∇f(x) in one evaluation (they share the forward pass). Writes the gradient into {@code gradient}
     * (length {@link #dimension()}) so minimizers can reuse their buffers, and returns f(x).
     */
    double valueAndGradient(double[] x, double[] gradient);

    /** Convenience: a fresh gradient array. */
    default double[] gradient(double[] x) {
        double[] g = new double[dimension()];
        valueAndGradient(x, g);
        return g;
    }
}
