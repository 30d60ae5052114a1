package org.vaevar.api;

/**
 * H: state space (dimension n) → observation space (dimension m). Its {@link #linearize} gives the Jacobian
 * action H' and its adjoint H'^T.
 */
public interface ObservationOperator extends DifferentiableMap {

    String name();

    /** n. */
    default int stateDimension() {
        return inputDimension();
    }

    /** m. */
    default int observationDimension() {
        return outputDimension();
    }
}
