package org.vaevar.assimilation.experiment;

import java.util.List;

/**
 * Watches a {@link CycledAssimilation} run: called once per cycle, after the cycle's states passed the finiteness
 * checks, and once when the run ends. What a run keeps beyond its {@link RunStatistics} (the records themselves,
 * calibration samples, a trajectory for a figure, files, progress) is an observer's business, so the loop holds
 * nothing that grows with the cycles.
 * Time spent in observers is left out of the run's {@link Timing}.
 */
public interface CycleObserver {

    /**
     * One finished cycle. The arrays belong to the run: an observer that keeps one must copy it.
     *
     * @param index             the cycle, from 0
     * @param time              model time at the window start
     * @param truth             xᵗ at the window start
     * @param background        xb at the window start (an ensemble's forecast mean)
     * @param analysisStart     the analysis at the window start
     * @param analysisEnd       the analysis at the window's last observation time (the window start for window 1)
     * @param truthEnd          xᵗ at the window's last observation time
     * @param firstObservation  the index of the window's first observation time in the run's data
     * @param observationTimes  model time of each observation of the window
     * @param observations      y at each observation time of the window
     * @param record            the cycle's record, as the run's statistics count it
     */
    record Cycle(int index, double time, double[] truth, double[] background, double[] analysisStart,
                 double[] analysisEnd, double[] truthEnd, int firstObservation, double[] observationTimes,
                 List<double[]> observations, CycleRecord record) {

        /** Model time of the window's last observation, where {@link #analysisEnd} and {@link #truthEnd} are. */
        public double endTime() {
            return observationTimes[observationTimes.length - 1];
        }

        public int window() {
            return observationTimes.length;
        }
    }

    void cycle(Cycle cycle);

    /** The run completed; not called when it failed. */
    default void finished(RunResult run) {
    }
}
