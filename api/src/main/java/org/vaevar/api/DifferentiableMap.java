package org.vaevar.api;

/**
 * A nonlinear map F: R^n → R^m with a tangent-linear and an adjoint. Models (over a fixed number of steps),
 * observation operators and the control-variable transforms of priors all are such maps, so one contract test
 * (Taylor test, adjoint dot product) covers all of them.
 */
public interface DifferentiableMap {

    int inputDimension();

    int outputDimension();

    /** F(x). Returns a new array; {@code x} is not modified. */
    double[] apply(double[] x);

    /** F(x) together with F'(x) and F'(x)^T. */
    Linearization linearize(double[] x);
}
