package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the first few components of truth, background and analysis at each window start, for a figure. Small
 * by design (three components unless asked otherwise); the full states go to a file observer instead.
 */
public final class TrajectoryRecorder implements CycleObserver {

    /** What the run's trajectory figure draws. */
    public static final int FIGURE_COMPONENTS = 3;

    private final int maxComponents;
    private int[] components;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> truth = new ArrayList<>();
    private final List<double[]> background = new ArrayList<>();
    private final List<double[]> analysis = new ArrayList<>();

    public TrajectoryRecorder() {
        this(FIGURE_COMPONENTS);
    }

    /** Records components 0 … min(maxComponents, n) − 1. */
    public TrajectoryRecorder(int maxComponents) {
        if (maxComponents < 1) {
            throw new IllegalArgumentException("maxComponents = " + maxComponents + ": must be at least 1");
        }
        this.maxComponents = maxComponents;
    }

    @Override
    public void cycle(Cycle cycle) {
        if (components == null) {
            components = new int[Math.min(maxComponents, cycle.truth().length)];
            for (int i = 0; i < components.length; i++) {
                components[i] = i;
            }
        }
        times.add(cycle.time());
        truth.add(firstComponents(cycle.truth()));
        background.add(firstComponents(cycle.background()));
        analysis.add(firstComponents(cycle.analysisStart()));
    }

    /** The cycles recorded so far. */
    public Trajectory trajectory() {
        return new Trajectory(components == null ? new int[0] : components.clone(),
                times.stream().mapToDouble(Double::doubleValue).toArray(), truth.toArray(double[][]::new),
                background.toArray(double[][]::new), analysis.toArray(double[][]::new));
    }

    private double[] firstComponents(double[] x) {
        return java.util.Arrays.copyOf(x, components.length);
    }
}
