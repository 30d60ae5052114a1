package org.vaevar.api;

/**
 * An optional capability of a {@link BackgroundPrior}: drawing corrections x − xb from it, e.g. to compare the
 * prior's shape with the background errors it was learned from. Callers test for it with {@code instanceof}.
 */
public interface CorrectionSampler {

    /**
     * {@code count} corrections x − xb in physical units, one per row, drawn at background {@code background}
     * (conditional priors depend on it; others may ignore it), deterministic in {@code seed}.
     */
    double[][] sampleCorrections(double[] background, int count, long seed);
}
