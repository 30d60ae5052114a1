package org.vaevar.harness.report;

import java.util.Locale;
import java.util.Map;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.experiment.TwinData;
import org.vaevar.assimilation.config.ExperimentConfig;

/**
 * The memory a run holds at once, estimated before anything is allocated: the climatology, the calibration samples
 * and the twin data (truth and observations at every observation time of the longest phase, all tuning seeds
 * counted), each a state-sized vector of doubles. A run that cannot fit in the Java heap is refused up front, naming the state dimension.
 */
public final class RunSize {

    /** Share of the maximum heap the estimate may take (the rest: the prior, the minimizer, the JVM). */
    static final double HEAP_SHARE = 0.8;

    private RunSize() {
    }

    /**
     * Vectors of the state dimension the run holds at once for state dimension n: the twin data counts as two
     * state vectors per observation time it keeps (truth and, at most state-sized, observation), and tuning holds
     * the twin data of all its seeds at once.
     */
    public static double statesHeld(ExperimentConfig c, int n) {
        double twin = Math.max(held(c, c.cycles(), n), held(c, c.calibration().cycles(), n));
        if (c.tuning() != null) {
            twin = Math.max(twin, c.tuning().seeds() * held(c, c.tuning().cycles(), n));
        }
        return (double) c.climatologySamples() + 2.0 * c.calibration().runs() * c.calibration().cycles()
                + twin / n + 16;
    }

    /** Numbers held by the twin data of a phase of {@code cycles} cycles. */
    private static double held(ExperimentConfig c, int cycles, int n) {
        return TwinData.heldNumbers((int) Math.min(Integer.MAX_VALUE, (long) c.window() * cycles), n, n);
    }

    /** Bytes the run holds at once for state dimension n. */
    public static double bytes(ExperimentConfig c, int n) {
        return 8.0 * n * statesHeld(c, n);
    }

    /** Refuses a run whose estimate exceeds the share of {@code maxHeapBytes}. */
    public static void check(ExperimentConfig c, int n, long maxHeapBytes) {
        double need = bytes(c, n);
        if (need > HEAP_SHARE * maxHeapBytes) {
            throw new ConfigException(String.format(Locale.ROOT, "%s = %d: too large for memory: the run would hold"
                    + " about %s (8 bytes x state dimension %d x %.0f states: climatology, calibration samples, twin"
                    + " data) but the Java heap has %s; make it smaller, or give Java more (VAEVAR_JAVA_OPTS=-Xmx...)",
                    dimensionField(c, n), n, size(need), n, statesHeld(c, n), size(maxHeapBytes)));
        }
    }

    /** The model parameter that holds the state dimension ("model.n"), or "model (state dimension)". */
    static String dimensionField(ExperimentConfig c, int n) {
        for (Map.Entry<String, Object> e : c.model().parameters().entrySet()) {
            if (e.getValue() instanceof Number v && v.doubleValue() == n) {
                return "model." + e.getKey();
            }
        }
        return "model (state dimension)";
    }

    static String size(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", bytes, units[u]);
    }
}
