package org.vaevar.harness.reproduce;

/**
 * The distribution of one component of the background-error corrections δ = xᵗ − xb of a setting's calibration
 * runs (the training samples of every prior), and, when the learned prior can sample, the same component of
 * corrections drawn from it at the calibration backgrounds.
 *
 * @param settingId       the setting
 * @param component       the component shown: the most non-Gaussian one (largest |skewness| + |excess kurtosis|)
 * @param corrections     δ of that component, one per calibration sample
 * @param learnedSamples  the learned prior's corrections of that component (τ = 1), or {@code null}
 * @param learnedLabel    what {@code learnedSamples} are, for the legend
 * @param skewness        sample skewness of {@code corrections}
 * @param excessKurtosis  sample excess kurtosis (0 for a Gaussian)
 */
public record ErrorShape(String settingId, int component, double[] corrections, double[] learnedSamples,
                         String learnedLabel, double skewness, double excessKurtosis) {
}
