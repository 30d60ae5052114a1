package org.vaevar.api.method;

import org.vaevar.api.StopReason;

/**
 * How a cycle's analysis was found: for a variational method the minimisation's iterations, cost evaluations,
 * initial and final cost, stop reason, and the cost's terms at the first guess and at the analysis;
 * {@link #NONE} (0, 0, NaN, NaN, no reason, no terms) for a method that does not minimise.
 *
 * @param stopReason why the minimizer stopped, or {@code null} when nothing was minimised
 * @param firstGuess Jb and Jo at the first control (the background, for a prior that starts at v = 0)
 * @param analysis   Jb and Jo at the analysis
 */
public record MethodDiagnostics(int iterations, int evaluations, double initialCost, double finalCost,
                                StopReason stopReason, CostTerms firstGuess, CostTerms analysis) {

    public static final MethodDiagnostics NONE = new MethodDiagnostics(0, 0, Double.NaN, Double.NaN, null,
            CostTerms.NONE, CostTerms.NONE);

    /** The stop reason's name, or "none". */
    public String stopLabel() {
        return stopReason == null ? "none" : stopReason.name();
    }
}
