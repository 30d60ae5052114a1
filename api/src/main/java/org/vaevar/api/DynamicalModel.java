package org.vaevar.api;

import java.util.random.RandomGenerator;

/**
 * A discrete-time dynamical model x_{k+1} = M(x_k), one step being {@link #timeStep()} time units.
 *
 * <p>States are not increments: {@link #forecast} moves states; the {@link Linearization} returned by
 * {@link #linearize} moves increments about the trajectory it stored.
 */
public interface DynamicalModel {

    String name();

    int dimension();

    /** Model time per step. */
    double timeStep();

    /** M_{0→steps}(x): the state after {@code steps} steps (steps ≥ 0). */
    double[] forecast(double[] x, int steps);

    /**
     * Moves {@code x} in place to M_{0→steps}(x), for callers that forecast many states per cycle (ensemble
     * members) and should not allocate for each. Bit-identical to {@link #forecast}; a non-finite state is not
     * refused (it stays non-finite, for the caller to detect). The default copies the result of {@link #forecast}.
     */
    default void advance(double[] x, int steps) {
        double[] y = forecast(x, steps);
        System.arraycopy(y, 0, x, 0, x.length);
    }

    /**
     * Runs {@code steps} steps from {@code x}, storing the trajectory; the result's {@code value()} is the end
     * state, its {@code apply}/{@code applyAdjoint} are the tangent-linear and adjoint of the whole segment.
     */
    Linearization linearize(double[] x, int steps);

    /**
     * A random state from which a burn-in reaches the attractor. Used by twin experiments to start the truth;
     * deterministic given the generator's state.
     */
    double[] randomState(RandomGenerator random);

    /** The model over a fixed number of steps, as a map (for the contract kit and for composition). */
    default DifferentiableMap over(int steps) {
        DynamicalModel model = this;
        return new DifferentiableMap() {
            @Override public int inputDimension() { return model.dimension(); }
            @Override public int outputDimension() { return model.dimension(); }
            @Override public double[] apply(double[] x) { return model.forecast(x, steps); }
            @Override public Linearization linearize(double[] x) { return model.linearize(x, steps); }
        };
    }
}
