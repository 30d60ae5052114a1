package org.vaevar.api;

/**
 * A model was asked to integrate from a state that is not finite: something upstream diverged (typically the model
 * itself, with a time step too large for its dynamics). An {@link IllegalArgumentException}, so callers that treat a
 * bad state as bad input keep working; the command line reports it as a divergence.
 */
public class NonFiniteStateException extends IllegalArgumentException {

    public NonFiniteStateException(String message) {
        super(message);
    }

    /** Throws if a component of {@code x} is NaN or infinite, naming {@code what} and the component. */
    public static void requireFinite(String what, double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new NonFiniteStateException(what + "[" + i + "] = " + x[i] + ": the state is not finite, so"
                        + " the model diverged; check its time step (dt) and parameters");
            }
        }
    }
}
