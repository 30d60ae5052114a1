package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;

class CovarianceEstimatesTest {

    static RealMatrix matrix(double[] b, int n) {
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, b[i * n + j]);
            }
        }
        return m;
    }

    static double[][] randomRows(int count, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[count][n];
        for (double[] row : rows) {
            double shared = random.nextGaussian();
            for (int i = 0; i < n; i++) {
                row[i] = 0.7 * shared + random.nextGaussian() * (1 + 0.1 * i) + 2.0;
            }
        }
        return rows;
    }

    static double[] sortedEigenvalues(double[] b, int n) {
        double[] lambda = new EigenDecomposition(matrix(b, n)).getRealEigenvalues();
        java.util.Arrays.sort(lambda);
        return lambda;
    }

    @Test
    void sampleMeanAndCovarianceMatchAHandComputation() {
        // Rows (1,2), (3,0), (2,4): mean (2,2), deviations (−1,0), (1,−2), (0,2);
        // C = ½ [[1+1+0, 0−2+0], [0−2+0, 0+4+4]] = [[1, −1], [−1, 4]].
        double[][] rows = {{1, 2}, {3, 0}, {2, 4}};
        assertThat(CovarianceEstimates.mean("test", rows)).containsExactly(2.0, 2.0);
        assertThat(CovarianceEstimates.sampleCovariance("test", rows))
                .containsExactly(new double[] {1, -1, -1, 4}, within(1e-15));
    }

    @Test
    void sampleCovarianceMatchesCommonsMath() {
        int n = 7;
        double[][] rows = randomRows(50, n, 11);
        double[] c = CovarianceEstimates.sampleCovariance("test", rows);
        RealMatrix expected = new Covariance(rows, true).getCovarianceMatrix(); // unbiased, 1/(N−1)
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(c[i * n + j]).as("C(%d,%d)", i, j).isCloseTo(expected.getEntry(i, j), within(1e-13));
                assertThat(c[i * n + j]).as("exactly symmetric").isEqualTo(c[j * n + i]);
            }
        }
    }

    @Test
    void circulantAverageMatchesAHandComputation() {
        // C = [[4,1,2],[1,5,−1],[2,−1,6]]: c(0) = (4+5+6)/3 = 5, c(1) = (C01 + C12 + C20)/3 = (1 − 1 + 2)/3 = 2/3,
        // c(2) = (C02 + C10 + C21)/3 = (2 + 1 − 1)/3 = 2/3.
        double[] c = {4, 1, 2, 1, 5, -1, 2, -1, 6};
        double t = 2.0 / 3;
        assertThat(CovarianceEstimates.circulantAverage(c, 3))
                .containsExactly(new double[] {5, t, t, t, 5, t, t, t, 5}, within(1e-15));
    }

    @Test
    void circulantAverageIsCirculantSymmetricPsdAndTheShiftAverage() {
        int n = 12;
        double[] c = CovarianceEstimates.sampleCovariance("test", randomRows(30, n, 12));
        double[] b = CovarianceEstimates.circulantAverage(c, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(b[i * n + j]).as("circulant (%d,%d)", i, j).isEqualTo(b[Math.floorMod(j - i, n)]);
                assertThat(b[i * n + j]).as("symmetric (%d,%d)", i, j).isEqualTo(b[j * n + i]);
                // Independent form: the mean over all cyclic shifts s of C(i+s, j+s).
                double shifted = 0;
                for (int s = 0; s < n; s++) {
                    shifted += c[((i + s) % n) * n + (j + s) % n];
                }
                assertThat(b[i * n + j]).as("shift average (%d,%d)", i, j).isCloseTo(shifted / n, within(1e-14));
            }
        }
        double[] lambda = sortedEigenvalues(b, n);
        assertThat(lambda[0]).as("smallest eigenvalue (PSD)").isGreaterThan(-1e-12 * lambda[n - 1]);
        assertThat(CovarianceEstimates.meanVariance(b, n)).as("trace preserved")
                .isCloseTo(CovarianceEstimates.meanVariance(c, n), within(1e-14));
    }

    @Test
    void ridgeAddsRTimesTheMeanVarianceToTheDiagonal() {
        double[] b = {1, -1, -1, 4}; // tr/n = 2.5
        assertThat(CovarianceEstimates.withRidge(b, 2, 0.1))
                .containsExactly(new double[] {1.25, -1, -1, 4.25}, within(1e-15));
        assertThat(CovarianceEstimates.withRidge(b, 2, 0.0)).containsExactly(b);
        assertThat(b).as("input untouched").containsExactly(1, -1, -1, 4);
        assertThatThrownBy(() -> CovarianceEstimates.withRidge(b, 2, -0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regularization = -0.5");
    }

    @Test
    void ridgeMakesACovarianceFromFewerSamplesThanDimensionsPositiveDefinite() {
        int n = 10;
        double[] c = CovarianceEstimates.sampleCovariance("test", randomRows(4, n, 13)); // rank ≤ 3
        double[] lambda = sortedEigenvalues(c, n);
        assertThat(Math.abs(lambda[n - 4])).as("7 zero eigenvalues without ridge")
                .isLessThan(1e-12 * lambda[n - 1]);
        assertThatThrownBy(() -> new CholeskyDecomposition(matrix(c, n)))
                .isInstanceOf(NonPositiveDefiniteMatrixException.class);

        double r = 1e-3;
        double[] b = CovarianceEstimates.withRidge(c, n, r);
        double ridge = r * CovarianceEstimates.meanVariance(c, n);
        double[] mu = sortedEigenvalues(b, n);
        assertThat(mu[0]).as("smallest eigenvalue with ridge = r·tr/n").isCloseTo(ridge, within(1e-12 * mu[n - 1]));
        new CholeskyDecomposition(matrix(b, n)); // positive definite: no exception
    }

    @Test
    void badSamplesAreRefusedByName() {
        assertThatThrownBy(() -> CovarianceEstimates.sampleCovariance("climatology", new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("climatology: 1 sample; at least 2 needed");
        assertThatThrownBy(() -> CovarianceEstimates.sampleCovariance("climatology",
                new double[][] {{1, 2}, {1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("climatology sample 1 has 3 entries; expected 2");
        assertThatThrownBy(() -> CovarianceEstimates.sampleCovariance("climatology",
                new double[][] {{1, 2}, {1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("climatology sample 1[1] = NaN");
        assertThatThrownBy(() -> CovarianceEstimates.circulantAverage(new double[5], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("covariance has 5 entries; expected 2×2 = 4");
    }
}
