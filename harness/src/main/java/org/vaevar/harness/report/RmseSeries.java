package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.harness.plots.RmseFigure;

/**
 * The background and analysis RMSE of every cycle, for the run's RMSE figure, in memory bounded whatever the
 * number of cycles. A run of at most {@link #MAX_POINTS} cycles keeps every value (the figure is the one of all
 * points). A longer one is thinned by min/max decimation: its cycles fall into stretches of k consecutive cycles,
 * k = ⌈cycles / (MAX_POINTS / 2)⌉, and each stretch keeps the lowest and the highest value of each series at their
 * own times, so at most {@link #MAX_POINTS} points a series. Unlike keeping every k-th cycle, a spike (a filter
 * losing track for a few cycles) stays in the figure at its full height. The legend's means and the note on
 * non-finite values still count every cycle.
 */
public final class RmseSeries implements CycleObserver {

    /** Points a series keeps at most; a figure about 1000 pixels wide shows no more. */
    public static final int MAX_POINTS = 10_000;

    private static final String[] NAMES = {"background", "analysis"};

    private final int spinupCycles;
    /** Cycles a stretch holds: 1 keeps every cycle. */
    private final int stretch;
    private final Series[] series = {new Series(), new Series()};
    private int cycles;
    private double firstTime = Double.NaN;
    private double lastSpinUpTime = Double.NaN;
    private double firstKeptTime = Double.NaN;

    /**
     * @param cycles       the cycles the run will have (chooses the stretch; a longer run just keeps more points)
     * @param spinupCycles leading cycles left out of the legend's means
     */
    public RmseSeries(int cycles, int spinupCycles) {
        this(cycles, spinupCycles, MAX_POINTS);
    }

    RmseSeries(int cycles, int spinupCycles, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints = " + maxPoints + ": must be at least 2");
        }
        this.spinupCycles = spinupCycles;
        this.stretch = cycles <= maxPoints ? 1 : (int) ((cycles + maxPoints / 2 - 1L) / (maxPoints / 2));
    }

    @Override
    public void cycle(Cycle cycle) {
        double t = cycle.time();
        int c = cycles++;
        if (c == 0) {
            firstTime = t;
        }
        if (c == spinupCycles - 1) {
            lastSpinUpTime = t;
        }
        if (c == spinupCycles) {
            firstKeptTime = t;
        }
        boolean counted = c >= spinupCycles;
        series[0].add(t, cycle.record().rmseBackground(), counted);
        series[1].add(t, cycle.record().rmseAnalysis(), counted);
        if (stretch > 1 && cycles % stretch == 0) {
            for (Series s : series) {
                s.closeStretch();
            }
        }
    }

    /** Whether the points are thinned (more cycles than {@link #MAX_POINTS}). */
    public boolean thinned() {
        return stretch > 1;
    }

    /** Points kept so far, the largest over the series (a counter of what the figure holds). */
    public int pointsHeld() {
        return Math.max(series[0].size, series[1].size);
    }

    /** Writes the figure: every point of a short run; the thinned series, their means over every cycle, else. */
    public void write(Path png, String title, RmseFigure.Options options) throws IOException {
        if (!thinned()) {
            Map<String, double[]> values = new LinkedHashMap<>();
            values.put(NAMES[0], series[0].values());
            values.put(NAMES[1], series[1].values());
            RmseFigure.write(png, title, series[0].times(), values, options);
            return;
        }
        // Shade the spin-up as the figure of every point does: to midway before the first kept cycle.
        double spinUpEnd = spinupCycles > 0 && spinupCycles < cycles ? 0.5 * (lastSpinUpTime + firstKeptTime)
                : Double.NaN;
        RmseFigure.write(png, title, lines(), firstTime, spinUpEnd, series[0].nonFinite + series[1].nonFinite,
                options);
    }

    /** The series as drawn (the open stretch closed), background first. */
    List<RmseFigure.Line> lines() {
        for (Series s : series) {
            if (stretch > 1) {
                s.closeStretch();
            }
        }
        return List.of(series[0].line(NAMES[0]), series[1].line(NAMES[1]));
    }

    /** One series: its kept points, the open stretch's extremes, and the sum for the legend's mean. */
    private final class Series {
        double[] t = new double[64];
        double[] v = new double[64];
        int size;
        /** Plain sum after spin-up in cycle order and its count, as the figure of every point sums. */
        double sum;
        int counted;
        boolean allFinite = true;
        int nonFinite;
        // The open stretch: its lowest and highest finite value, when each came, and whether one was not finite.
        double minT;
        double minV = Double.NaN;
        double maxT;
        double maxV = Double.NaN;
        boolean gap;

        void add(double time, double value, boolean afterSpinUp) {
            if (afterSpinUp) {
                sum += value;
                counted++;
                allFinite &= Double.isFinite(value);
            }
            if (stretch == 1) {
                append(time, value);
                return;
            }
            if (!Double.isFinite(value)) {
                nonFinite++;
                gap = true;
                return;
            }
            if (Double.isNaN(minV) || value < minV) {
                minV = value;
                minT = time;
            }
            if (Double.isNaN(maxV) || value > maxV) {
                maxV = value;
                maxT = time;
            }
        }

        void closeStretch() {
            if (!Double.isNaN(minV)) {
                if (minT == maxT) {
                    append(minT, minV);
                } else if (minT < maxT) {
                    append(minT, minV);
                    append(maxT, maxV);
                } else {
                    append(maxT, maxV);
                    append(minT, minV);
                }
            }
            if (gap) {
                // A break in the line where the non-finite values were (after the stretch's finite ones).
                append(size == 0 ? firstTime : t[size - 1], Double.NaN);
            }
            minV = Double.NaN;
            maxV = Double.NaN;
            gap = false;
        }

        private void append(double time, double value) {
            if (size == t.length) {
                t = Arrays.copyOf(t, 2 * size);
                v = Arrays.copyOf(v, 2 * size);
            }
            t[size] = time;
            v[size] = value;
            size++;
        }

        double[] times() {
            return Arrays.copyOf(t, size);
        }

        double[] values() {
            return Arrays.copyOf(v, size);
        }

        RmseFigure.Line line(String name) {
            double mean = counted == 0 || !allFinite ? Double.NaN : sum / counted;
            return new RmseFigure.Line(name, times(), values(), RmseFigure.meanText(mean));
        }
    }
}
