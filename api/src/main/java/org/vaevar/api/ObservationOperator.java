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

    /**
     * H(x) written into {@code out} (length m), for callers that observe many states per cycle (ensemble members).
     * The default copies {@link #apply}.
     */
    default void applyInto(double[] x, double[] out) {
        System.arraycopy(apply(x), 0, out, 0, out.length);
    }
}
