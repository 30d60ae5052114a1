package org.vaevar.assimilation.experiment;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Records the first few components of truth, background and analysis at each window start, for a figure. Small
 * by design (three components unless asked otherwise, and with a bound on the cycles only the latest ones); the
 * full states go to a file observer instead.
 */
public final class TrajectoryRecorder implements CycleObserver {

    /** What the run's trajectory figure draws. */
    public static final int FIGURE_COMPONENTS = 3;

    private final int maxComponents;
    private final int lastCycles;
    private int[] components;
    /** One row per recorded cycle: time, then truth, background and analysis of the components. */
    private final ArrayDeque<double[]> rows = new ArrayDeque<>();

    public TrajectoryRecorder() {
        this(FIGURE_COMPONENTS);
    }

    /** Records components 0 … min(maxComponents, n) − 1 of every cycle. */
    public TrajectoryRecorder(int maxComponents) {
        this(maxComponents, Integer.MAX_VALUE);
    }

    /** Records components 0 … min(maxComponents, n) − 1 of the latest {@code lastCycles} cycles. */
    public TrajectoryRecorder(int maxComponents, int lastCycles) {
        if (maxComponents < 1) {
            throw new IllegalArgumentException("maxComponents = " + maxComponents + ": must be at least 1");
        }
        if (lastCycles < 1) {
            throw new IllegalArgumentException("lastCycles = " + lastCycles + ": must be at least 1");
        }
        this.maxComponents = maxComponents;
        this.lastCycles = lastCycles;
    }

    @Override
    public void cycle(Cycle cycle) {
        if (components == null) {
            components = new int[Math.min(maxComponents, cycle.truth().length)];
            for (int i = 0; i < components.length; i++) {
                components[i] = i;
            }
        }
        int m = components.length;
        double[] row = new double[1 + 3 * m];
        row[0] = cycle.time();
        System.arraycopy(cycle.truth(), 0, row, 1, m);
        System.arraycopy(cycle.background(), 0, row, 1 + m, m);
        System.arraycopy(cycle.analysisStart(), 0, row, 1 + 2 * m, m);
        if (rows.size() == lastCycles) {
            rows.removeFirst();
        }
        rows.addLast(row);
    }

    /** The cycles recorded so far (with a bound, the latest ones), oldest first. */
    public Trajectory trajectory() {
        int m = components == null ? 0 : components.length;
        int k = rows.size();
        double[] times = new double[k];
        double[][] truth = new double[k][], background = new double[k][], analysis = new double[k][];
        int c = 0;
        for (double[] row : rows) {
            times[c] = row[0];
            truth[c] = Arrays.copyOfRange(row, 1, 1 + m);
            background[c] = Arrays.copyOfRange(row, 1 + m, 1 + 2 * m);
            analysis[c] = Arrays.copyOfRange(row, 1 + 2 * m, 1 + 3 * m);
            c++;
        }
        return new Trajectory(components == null ? new int[0] : components.clone(), times, truth, background,
                analysis);
    }
}
