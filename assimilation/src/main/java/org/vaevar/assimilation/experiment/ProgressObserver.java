package org.vaevar.assimilation.experiment;

import java.util.Locale;
import org.vaevar.api.util.ProgressListener;

/**
 * Reports a run's progress: during spin-up says so, after it the running mean analysis RMSE, the number the run's
 * table reports. About 200 updates a run, because formatting costs more than a small cycle.
 */
public final class ProgressObserver implements CycleObserver {

    private final ProgressListener listener;
    private final String task;
    private final int cycles;
    private final int spinupCycles;
    private final int every;
    private double analysisRmseSum;

    public ProgressObserver(ProgressListener listener, String task, int cycles, int spinupCycles) {
        this.listener = listener;
        this.task = task;
        this.cycles = cycles;
        this.spinupCycles = spinupCycles;
        this.every = Math.max(1, cycles / 200);
    }

    /** {@code observers} followed by a progress observer for the run (package use: the runs this package starts). */
    static CycleObserver[] appended(CycleObserver[] observers, ProgressListener listener, String task, int cycles,
                                    int spinupCycles) {
        CycleObserver[] all = java.util.Arrays.copyOf(observers, observers.length + 1);
        all[observers.length] = new ProgressObserver(listener, task, cycles, spinupCycles);
        return all;
    }

    @Override
    public void cycle(Cycle cycle) {
        int c = cycle.index();
        if (c >= spinupCycles) {
            analysisRmseSum += cycle.record().rmseAnalysis();
        }
        if ((c + 1) % every == 0 || c + 1 == cycles) {
            listener.update(task, c + 1, cycles, c < spinupCycles ? "spin-up"
                    : String.format(Locale.ROOT, "mean rmse a %.3f", analysisRmseSum / (c + 1 - spinupCycles)));
        }
    }
}
