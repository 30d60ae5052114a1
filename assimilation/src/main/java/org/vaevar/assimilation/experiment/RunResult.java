package org.vaevar.assimilation.experiment;

import java.util.List;

/**
 * One cycled run: its records and statistics. States (samples, trajectories) are kept by {@link CycleObserver}s.
 *
 * @param cycles      one record per cycle
 * @param timing      where the time went
 * @param spinupCycles cycles excluded from the statistics
 */
public record RunResult(List<CycleRecord> cycles, Timing timing, int spinupCycles) {

    /** Mean of background RMSE over the cycles after spin-up. */
    public double meanRmseBackground() {
        return mean(CycleRecord::rmseBackground);
    }

    /** Mean of analysis RMSE (end of window) over the cycles after spin-up. */
    public double meanRmseAnalysis() {
        return mean(CycleRecord::rmseAnalysis);
    }

    public double meanRmseAnalysisStart() {
        return mean(CycleRecord::rmseAnalysisStart);
    }

    /** Mean ensemble spread of the analysis (end of window) after spin-up; NaN for a single-state method. */
    public double meanSpreadAnalysis() {
        return mean(CycleRecord::spreadAnalysis);
    }

    public double meanSpreadBackground() {
        return mean(CycleRecord::spreadBackground);
    }

    /**
     * Spread–skill ratio: mean analysis spread over mean analysis RMSE after spin-up (about 1 for a well-tuned
     * ensemble; below 1 an overconfident one); NaN for a single-state method.
     */
    public double spreadSkill() {
        return meanSpreadAnalysis() / meanRmseAnalysis();
    }

    /**
     * The mean of 2 Jo / m at the analysis after spin-up (the χ² consistency check; NaN for a method that does not
     * minimise).
     */
    public double meanTwoJoPerObservationAnalysis() {
        return mean(r -> 2 * r.diagnostics().analysis().joPerObservation());
    }

    /** The mean of 2 Jo / m at the first guess after spin-up. */
    public double meanTwoJoPerObservationFirstGuess() {
        return mean(r -> 2 * r.diagnostics().firstGuess().joPerObservation());
    }

    public double meanIterations() {
        return mean(r -> r.iterations());
    }

    public double meanEvaluations() {
        return mean(r -> r.evaluations());
    }

    private double mean(java.util.function.ToDoubleFunction<CycleRecord> f) {
        double s = 0;
        int n = 0;
        for (CycleRecord r : cycles.subList(spinupCycles, cycles.size())) {
            s += f.applyAsDouble(r);
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
