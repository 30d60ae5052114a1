package org.vaevar.api;

/** Why a minimisation stopped. */
public enum StopReason {
    /** ‖∇f‖ fell below the tolerance: converged. */
    GRADIENT_TOLERANCE,
    /** The cost stopped decreasing by more than the relative tolerance: converged. */
    COST_STAGNATION,
    MAX_ITERATIONS,
    MAX_EVALUATIONS,
    /** No step along the search direction satisfied the line-search conditions (often: at the minimum, to rounding). */
    LINE_SEARCH_FAILED,
    /** The cost or gradient became NaN or infinite. */
    NON_FINITE;

    public boolean converged() {
        return this == GRADIENT_TOLERANCE || this == COST_STAGNATION;
    }
}
