package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Draws from the prior have its mean and covariance: the sampling capability is N(μ, s·B) itself. */
class GaussianPriorSamplingTest {

    @Test
    void samplesHaveTheMeanAndCovarianceOfThePrior() {
        double[] b = {2.0, 0.6, 0.0, 0.6, 1.0, -0.3, 0.0, -0.3, 0.5};
        double[] mu = {0.5, -1.0, 0.0};
        GaussianPrior prior = GaussianPrior.dense("test", b, 3, 1.5, mu);
        int count = 200_000;
        double[][] x = prior.sampleCorrections(new double[3], count, 7);
        double[] mean = new double[3];
        double[] cov = new double[9];
        for (double[] row : x) {
            for (int i = 0; i < 3; i++) {
                mean[i] += row[i] / count;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    cov[i * 3 + j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (count - 1);
                }
            }
        }
        // Standard errors at 200 000 draws are below 0.01; 0.03 is three of them and more.
        assertThat(mean).containsExactly(mu, within(0.03));
        for (int k = 0; k < 9; k++) {
            assertThat(cov[k]).as("cov[%d]", k).isCloseTo(1.5 * b[k], within(0.03));
        }
        assertThat(prior.sampleCorrections(new double[3], 5, 7)).isDeepEqualTo(prior.sampleCorrections(new double[3], 5, 7));
    }
}
