package org.vaevar.api.method;

import java.util.Map;

/**
 * What one assimilation cycle does with a forecast and the observations of its window: variational (a prior, a
 * minimizer and a window of K observation times) or ensemble (a Kalman update of N members). A method is
 * stateless and may start any number of independent runs, possibly in parallel.
 *
 * <p>Cycle c covers observation times k = cK … cK + K − 1 (K = {@link #window()}); its background is the forecast
 * to the window start, its analysis is reported at the window start and at the last observation time, and the
 * next background is the forecast from the analysis to the next window start, K observation intervals on.
 */
public interface AssimilationMethod {

    /** The plugin name, e.g. "variational", "etkf". */
    String name();

    /** K ≥ 1: observation times per cycle. */
    int window();

    /**
     * Starts one run from the twin's first background. The run draws all its randomness (initial members,
     * perturbed observations, rotations) from streams derived from {@code runSeed} by purpose
     * ({@link org.vaevar.api.util.Seeds#derive}), so the same seed gives bit-identical results.
     */
    AssimilationRun start(double[] firstBackground, long runSeed);

    /** What the method reports about itself for the summary (ensemble size, inflation, ...). */
    default Map<String, Object> describe() {
        return Map.of();
    }
}
