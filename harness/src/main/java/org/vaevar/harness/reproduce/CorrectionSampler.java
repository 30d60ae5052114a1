package org.vaevar.harness.reproduce;

/**
 * An optional capability of a background prior: drawing corrections x − xb from it, to compare its shape with
 * the background errors it was trained on (the error-shape figure).
 *
 * <p>A prior may implement this interface; a prior from a plugin that cannot see the harness may instead expose
 * a public method with the same signature, {@code double[][] sampleCorrections(double[] background, int count,
 * long seed)}, which {@link CorrectionSamplers#of} adapts. (The clean place for this interface is the api, as an
 * optional capability beside {@code BackgroundPrior}.)
 */
public interface CorrectionSampler {

    /**
     * {@code count} corrections x − xb in physical units, one per row, drawn at background {@code background}
     * (used by conditional priors only), deterministic in {@code seed}.
     */
    double[][] sampleCorrections(double[] background, int count, long seed);
}
