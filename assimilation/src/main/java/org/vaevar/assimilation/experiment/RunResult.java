package org.vaevar.assimilation.experiment;

import java.util.Map;

/**
 * One cycled run: its statistics and timing. Nothing per cycle is kept, so a run of any length holds the same
 * memory; the records go to the run's {@link CycleObserver}s as the cycles run ({@link CycleRecords} keeps them
 * when asked), states (samples, trajectories) likewise.
 *
 * @param statistics means after spin-up and counts, as of the run's end
 * @param timing     where the time went
 */
public record RunResult(RunStatistics statistics, Timing timing) {

    public RunResult {
        statistics = statistics.snapshot();
    }

    /** Cycles run. */
    public int cycleCount() {
        return statistics.cycles();
    }

    /** Cycles excluded from the statistics. */
    public int spinupCycles() {
        return statistics.spinupCycles();
    }

    /** Mean of background RMSE over the cycles after spin-up. */
    public double meanRmseBackground() {
        return statistics.meanRmseBackground();
    }

    /** Mean of analysis RMSE (end of window) over the cycles after spin-up. */
    public double meanRmseAnalysis() {
        return statistics.meanRmseAnalysis();
    }

    public double meanRmseAnalysisStart() {
        return statistics.meanRmseAnalysisStart();
    }

    /** Mean ensemble spread of the analysis (end of window) after spin-up; NaN for a single-state method. */
    public double meanSpreadAnalysis() {
        return statistics.meanSpreadAnalysis();
    }

    public double meanSpreadBackground() {
        return statistics.meanSpreadBackground();
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
        return statistics.meanTwoJoPerObservationAnalysis();
    }

    /** The mean of 2 Jo / m at the first guess after spin-up. */
    public double meanTwoJoPerObservationFirstGuess() {
        return statistics.meanTwoJoPerObservationFirstGuess();
    }

    public double meanIterations() {
        return statistics.meanIterations();
    }

    public double meanEvaluations() {
        return statistics.meanEvaluations();
    }

    /** How often each stop reason ended a cycle's minimisation (every cycle, spin-up included), in enum order. */
    public Map<String, Integer> stopReasons() {
        return statistics.stopReasons();
    }

    /** Cycles that ran a minimisation. */
    public long minimised() {
        return statistics.minimised();
    }

    /** Cycles whose minimisation did not converge. */
    public long notConverged() {
        return statistics.notConverged();
    }

    /** The first cycle whose analysis or background RMSE is not finite, or {@link #cycleCount()} if none. */
    public int firstNonFinite() {
        return statistics.firstNonFinite();
    }

    /** Milliseconds of the method's time per cycle. */
    public double msPerCycle() {
        return timing.totalNanos() / 1e6 / cycleCount();
    }
}
