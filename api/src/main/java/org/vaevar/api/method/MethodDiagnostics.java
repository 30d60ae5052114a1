package org.vaevar.api.method;

import org.vaevar.api.StopReason;

/**
 * How a cycle's analysis was found: for a variational method the minimisation's iterations, cost evaluations,
 * initial and final cost and stop reason; {@link #NONE} (0, 0, NaN, NaN, no reason) for a method that does not
 * minimise.
 *
 * @param stopReason why the minimizer stopped, or {@code null} when nothing was minimised
 */
public record MethodDiagnostics(int iterations, int evaluations, double initialCost, double finalCost,
                                StopReason stopReason) {

    public static final MethodDiagnostics NONE = new MethodDiagnostics(0, 0, Double.NaN, Double.NaN, null);

    /** The stop reason's name, or "none". */
    public String stopLabel() {
        return stopReason == null ? "none" : stopReason.name();
    }
}
