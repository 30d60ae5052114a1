package org.vaevar.api;

/**
 * A linear map between increments, with its adjoint: the tangent-linear M' and M'^T of a differentiable map,
 * linearised about a fixed point. Adjoint means the Euclidean one: &lt;M' dx, dy&gt; = &lt;dx, M'^T dy&gt;.
 *
 * <p>Implementations return new arrays and never modify their arguments.
 */
public interface LinearOperator {

    int inputDimension();

    int outputDimension();

    /** Tangent-linear action M' dx; {@code dx} has {@link #inputDimension()} entries. */
    double[] apply(double[] dx);

    /** Adjoint action M'^T dy; {@code dy} has {@link #outputDimension()} entries. */
    double[] applyAdjoint(double[] dy);
}
