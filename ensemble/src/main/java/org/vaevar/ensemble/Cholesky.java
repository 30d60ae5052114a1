package org.vaevar.ensemble;

/**
 * Solves C X = G for a symmetric positive definite N×N C and N×N G through C = Uᵀ U (U upper triangular), in
 * work arrays allocated once. Every step is a row update (row i ← row i − u · row j), which the JIT vectorises;
 * N³/3 + 2N³ flops against the eigendecomposition's ~10 N³. Used where only C⁻¹ is needed, not C^{-1/2}.
 */
final class Cholesky {

    private final int n;
    private final double[][] u;
    private final double[] coefficients;

    Cholesky(int size) {
        this.n = size;
        this.u = new double[size][size];
        this.coefficients = new double[size];
    }

    /**
     * Factorises {@code c} (read, not changed; its upper triangle is used). A C that is not positive definite,
     * or has a non-finite entry, makes every later solution NaN, so the analysis is reported as diverged.
     */
    void factor(double[][] c) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(c[i], i, u[i], i, n - i);
        }
        // right-looking: row j of U is the pivot row scaled by 1/√pivot, then removed from the rows below
        for (int j = 0; j < n; j++) {
            double[] uj = u[j];
            double pivot = uj[j] > 0 ? Math.sqrt(uj[j]) : Double.NaN;
            double inverse = 1 / pivot;
            for (int l = j; l < n; l++) {
                uj[l] *= inverse;
            }
            for (int i = j + 1; i < n; i++) {
                double uji = uj[i];
                double[] ui = u[i];
                for (int l = i; l < n; l++) {
                    ui[l] -= uji * uj[l];
                }
            }
        }
    }

    /**
     * Overwrites {@code g} with X = C⁻¹ G: Uᵀ Y = G by forward substitution, y_i = (g_i − Σ_{j<i} u_ji y_j) / u_ii,
     * then U X = Y backwards, x_i = (y_i − Σ_{j>i} u_ij x_j) / u_ii (each a combination of finished rows).
     */
    void solveInPlace(double[][] g) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                coefficients[j] = -u[j][i];
            }
            scaleRow(g[i], coefficients, g, 0, i, u[i][i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            double[] ui = u[i];
            for (int j = i + 1; j < n; j++) {
                coefficients[j] = -ui[j];
            }
            scaleRow(g[i], coefficients, g, i + 1, n, ui[i]);
        }
    }

    private static void scaleRow(double[] row, double[] c, double[][] rows, int first, int last, double pivot) {
        RowCombination.add(row, 0, row.length, c, rows, first, last);
        double inverse = 1 / pivot;
        for (int l = 0; l < row.length; l++) {
            row[l] *= inverse;
        }
    }
}
