package org.vaevar.api;

/**
 * A differentiable map linearised about one point: the map's value there, and its tangent-linear and adjoint.
 * Holds whatever the linearisation needs (a stored trajectory, network activations), so the tangent-linear and
 * adjoint can be applied many times without recomputing the forward pass.
 */
public interface Linearization extends LinearOperator {

    /** The value of the nonlinear map at the linearisation point. Do not modify the returned array. */
    double[] value();
}
