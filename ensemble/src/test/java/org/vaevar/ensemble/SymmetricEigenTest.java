package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The eigendecomposition against Commons Math's on the matrices the filters build, C = S Sᵀ + (N − 1) I. */
class SymmetricEigenTest {

    @ParameterizedTest
    @CsvSource({"1, 40, 1.0", "2, 40, 1.0", "3, 3, 1.0", "10, 40, 0.1", "20, 15, 0.3", "40, 40, 1.0",
            "40, 40, 0.05", "40, 10, 1.0"}) // m < N: rank-deficient S, so N − m eigenvalues equal N − 1
    void agreesWithCommonsMathToTenDigits(int n, int m, double spread) {
        double[][] c = gram(n, m, spread, 31L * n + m);
        SymmetricEigen eigen = new SymmetricEigen(n);
        eigen.decompose(c);
        EigenDecomposition reference = new EigenDecomposition(new Array2DRowRealMatrix(c, true));

        double scale = norm(c);
        double[] ours = eigen.lambda.clone();
        double[] theirs = reference.getRealEigenvalues().clone();
        Arrays.sort(ours);
        Arrays.sort(theirs);
        for (int a = 0; a < n; a++) {
            assertThat(Math.abs(ours[a] - theirs[a])).isLessThan(1e-10 * scale);
        }
        // eigenvectors are unique only up to sign and rotation within repeated eigenvalues: compare C^{-1/2}
        RealMatrix v = reference.getV();
        double[] lambda = reference.getRealEigenvalues();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double mine = 0;
                double ref = 0;
                double rebuilt = 0;
                double identity = 0;
                for (int a = 0; a < n; a++) {
                    mine += eigen.z[a][i] * eigen.z[a][j] / Math.sqrt(eigen.lambda[a]);
                    ref += v.getEntry(i, a) * v.getEntry(j, a) / Math.sqrt(lambda[a]);
                    rebuilt += eigen.z[a][i] * eigen.lambda[a] * eigen.z[a][j];
                    identity += eigen.z[i][a] * eigen.z[j][a];
                }
                assertThat(Math.abs(mine - ref)).isLessThan(1e-10);
                assertThat(Math.abs(rebuilt - c[i][j])).isLessThan(1e-10 * scale);
                assertThat(Math.abs(identity - (i == j ? 1 : 0))).isLessThan(1e-10);
            }
        }
    }

    @Test
    void anAlreadyDiagonalMatrixKeepsItsEntries() {
        double[][] c = {{3, 0, 0}, {0, 1, 0}, {0, 0, 2}};
        SymmetricEigen eigen = new SymmetricEigen(3);
        eigen.decompose(c);
        double[] sorted = eigen.lambda.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(1, 2, 3);
    }

    @Test
    void aNonFiniteEntryGivesNaN() {
        double[][] c = gram(5, 5, 1.0, 3);
        c[2][3] = Double.POSITIVE_INFINITY;
        SymmetricEigen eigen = new SymmetricEigen(5);
        eigen.decompose(c);
        assertThat(eigen.lambda).containsOnly(Double.NaN);
        assertThat(eigen.z[0][0]).isNaN();
    }

    /** S Sᵀ + (N − 1) I (I for N = 1) for a centred random N×m S of standard deviation {@code spread}. */
    static double[][] gram(int n, int m, double spread, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] s = new double[n][m];
        for (double[] row : s) {
            for (int j = 0; j < m; j++) {
                row[j] = spread * random.nextGaussian();
            }
        }
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (double[] row : s) {
                mean += row[j] / n;
            }
            for (double[] row : s) {
                row[j] -= mean;
            }
        }
        double[][] c = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += s[k][j] * s[l][j];
                }
                c[k][l] = sum + (k == l ? Math.max(n - 1, 1) : 0); // positive definite for N = 1 too
            }
        }
        return c;
    }

    private static double norm(double[][] c) {
        double max = 0;
        for (double[] row : c) {
            for (double x : row) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return Math.max(max, 1);
    }
}
