package org.vaevar.assimilation.experiment;

import org.vaevar.api.method.MethodDiagnostics;

/**
 * One assimilation cycle.
 *
 * @param cycle               index from 0
 * @param time                model time at the window start
 * @param rmseBackground      RMSE of the background (an ensemble's forecast mean) at the window start
 * @param rmseAnalysis        RMSE of the analysis at the last observation time of the window (the filtering
 *                            analysis; for 3D-Var and the ensembles the window start), comparable across methods
 * @param rmseAnalysisStart   RMSE of the analysis at the window start (for 4D-Var, the smoother's estimate)
 * @param spreadBackground    ensemble spread of the forecast at the window start (NaN for a single state)
 * @param spreadAnalysis      ensemble spread of the analysis at the last observation time (NaN for a single state)
 * @param diagnostics         minimizer iterations, cost evaluations, initial and final cost and stop reason
 *                            ({@link MethodDiagnostics#NONE} for a method that does not minimise)
 */
public record CycleRecord(int cycle, double time, double rmseBackground, double rmseAnalysis,
                          double rmseAnalysisStart, double spreadBackground, double spreadAnalysis,
                          MethodDiagnostics diagnostics) {

    public int iterations() {
        return diagnostics.iterations();
    }

    public int evaluations() {
        return diagnostics.evaluations();
    }

    public double initialCost() {
        return diagnostics.initialCost();
    }

    public double finalCost() {
        return diagnostics.finalCost();
    }
}
