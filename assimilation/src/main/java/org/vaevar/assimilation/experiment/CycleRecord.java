package org.vaevar.assimilation.experiment;

import org.vaevar.api.StopReason;

/**
 * One assimilation cycle.
 *
 * @param cycle               index from 0
 * @param time                model time at the window start
 * @param rmseBackground      RMSE of the background at the window start
 * @param rmseAnalysis        RMSE of the analysis at the last observation time of the window (the filtering
 *                            analysis; for 3D-Var the window start), comparable across window lengths
 * @param rmseAnalysisStart   RMSE of the analysis at the window start (for 4D-Var, the smoother's estimate)
 * @param iterations          minimizer iterations
 * @param evaluations         cost evaluations
 * @param initialCost         J at the first control
 * @param finalCost           J at the analysis
 * @param stopReason          why the minimizer stopped
 */
public record CycleRecord(int cycle, double time, double rmseBackground, double rmseAnalysis,
                          double rmseAnalysisStart, int iterations, int evaluations, double initialCost,
                          double finalCost, StopReason stopReason) {
}
