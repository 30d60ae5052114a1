package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CholeskyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 20, 40})
    void solvesLikeCommonsMath(int n) {
        double[][] c = SymmetricEigenTest.gram(n, 40, 1.0, n);
        SplittableRandom random = new SplittableRandom(5);
        double[][] g = new double[n][n + 3]; // more right-hand sides than rows
        for (double[] row : g) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 10;
            }
        }
        RealMatrix expected = new CholeskyDecomposition(new Array2DRowRealMatrix(c, true)).getSolver()
                .solve(new Array2DRowRealMatrix(g, true));
        Cholesky cholesky = new Cholesky(n);
        cholesky.factor(c);
        cholesky.solveInPlace(g);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < g[i].length; j++) {
                assertThat(Math.abs(g[i][j] - expected.getEntry(i, j))).isLessThan(1e-12);
            }
        }
        assertThat(expected.getFrobeniusNorm()).isGreaterThan(0);
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteGivesNaN() {
        double[][] c = {{1, 2}, {2, 1}};
        double[][] g = {{1}, {1}};
        Cholesky cholesky = new Cholesky(2);
        cholesky.factor(c);
        cholesky.solveInPlace(g);
        assertThat(g[0][0]).isNaN();
        assertThat(g[1][0]).isNaN();
    }
}
