package org.vaevar.api.method;

/**
 * What one cycle of an {@link AssimilationRun} produced. For an ensemble the states are ensemble means and the
 * spread is √(mean over components of the ensemble variance, N − 1 denominator); a single-state method reports
 * NaN spreads.
 *
 * @param background       xb (or the forecast mean) at the window start
 * @param analysisStart    the analysis at the window start
 * @param analysisEnd      the analysis at the window's last observation time (the filtering analysis)
 * @param nextBackground   the forecast to the next window start (the next cycle's background)
 * @param backgroundSpread spread of the forecast ensemble at the window start
 * @param analysisSpread   spread of the analysis ensemble at the window's last observation time
 * @param diagnostics      minimisation counters, or {@link MethodDiagnostics#NONE}
 */
public record CycleOutcome(double[] background, double[] analysisStart, double[] analysisEnd,
                           double[] nextBackground, double backgroundSpread, double analysisSpread,
                           MethodDiagnostics diagnostics) {
}
