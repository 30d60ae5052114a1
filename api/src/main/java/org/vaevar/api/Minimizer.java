package org.vaevar.api;

/** Minimises a differentiable function from a start point. Knows nothing of priors, models or observations. */
public interface Minimizer {

    String name();

    /**
     * Minimises {@code f} from {@code start} (not modified). Never throws on non-convergence: the result says why
     * it stopped. Throws only on invalid arguments.
     */
    MinimizationResult minimize(DifferentiableFunction f, double[] start, StoppingCriteria stopping);
}
