package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.plugin.BackgroundErrorSamples;

/** Keeps (xb, xᵗ) at every window start after spin-up: the calibration's samples (xb an ensemble's forecast mean). */
public final class SampleCollector implements CycleObserver {

    private final int spinupCycles;
    private final List<double[]> backgrounds = new ArrayList<>();
    private final List<double[]> truths = new ArrayList<>();

    public SampleCollector(int spinupCycles) {
        this.spinupCycles = spinupCycles;
    }

    @Override
    public void cycle(Cycle cycle) {
        if (cycle.index() >= spinupCycles) {
            backgrounds.add(cycle.background().clone());
            truths.add(cycle.truth().clone());
        }
    }

    /** The samples so far, or {@code null} when no cycle after spin-up ran. */
    public BackgroundErrorSamples samples() {
        return backgrounds.isEmpty() ? null : new BackgroundErrorSamples(backgrounds.toArray(double[][]::new),
                truths.toArray(double[][]::new));
    }
}
