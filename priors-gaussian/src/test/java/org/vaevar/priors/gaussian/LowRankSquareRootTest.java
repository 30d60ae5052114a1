package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The square root of a rank-deficient sample covariance plus a ridge, from the samples' Gram matrix. */
class LowRankSquareRootTest {

    private static final int N = 30;
    private static final int K = 10;

    private static double[][] samples(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] rows = new double[K][N];
        for (double[] row : rows) {
            for (int i = 0; i < N; i++) {
                row[i] = r.nextGaussian() * (1 + 0.1 * i);
            }
        }
        return rows;
    }

    @Test
    void isTheSymmetricRootOfTheRidgedSampleCovarianceAsTheEigenPathGivesIt() {
        double[][] rows = samples(3);
        double[] b = CovarianceEstimates.sampleCovariance("test", rows);
        double ridge = 1e-3 * CovarianceEstimates.meanVariance(b, N);
        double[] ridged = CovarianceEstimates.withRidge(b, N, 1e-3);
        double s = 1.7;
        GaussianPrior prior = GaussianPrior.denseLowRank("test", ridged, rows, ridge, s, new double[N]);
        double[] l = prior.squareRoot().matrix();
        double[] reference = DenseSquareRoot.symmetric(ridged, N, s).matrix();
        double scale = 0;
        for (double v : reference) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertThat(l[i * N + j]).as("L(%d, %d)", i, j).isCloseTo(reference[i * N + j], within(1e-10 * scale));
                assertThat(l[i * N + j]).isEqualTo(l[j * N + i]);
                double square = 0; // (L L)(i, j) = s·B(i, j)
                for (int p = 0; p < N; p++) {
                    square += l[i * N + p] * l[p * N + j];
                }
                assertThat(square).isCloseTo(s * ridged[i * N + j], within(1e-10 * s * scale * scale * N));
            }
        }
    }

    @Test
    void theProviderTakesItWhereThereAreNoMoreSamplesThanDimensions() {
        double[][] rows = samples(5);
        double[] ridged = CovarianceEstimates.withRidge(CovarianceEstimates.sampleCovariance("test", rows), N, 1e-6);
        GaussianPrior prior = (GaussianPrior) new GaussianPriorProvider().create(
                new GaussianPriorProvider().parameters().bind(java.util.Map.of("covariance", "samples")),
                FakePriorContext.withCorrections(rows));
        double[] l = prior.squareRoot().matrix();
        double[] reference = DenseSquareRoot.symmetric(ridged, N, 1.0).matrix();
        for (int i = 0; i < l.length; i++) {
            assertThat(l[i]).isCloseTo(reference[i], within(1e-8));
        }
    }
}
