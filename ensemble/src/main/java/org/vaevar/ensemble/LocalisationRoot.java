package org.vaevar.ensemble;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.vaevar.api.SpatialGrid;

/**
 * The symmetric square root C^{1/2} = U Λ^{1/2} Uᵀ of the Gaspari–Cohn localisation matrix C_ij = GC(d(i, j)) on
 * a model grid, for the hybrid's localised ensemble covariance P_e ∘ C (docs/DESIGN.md §3). C is positive
 * semi-definite on a ring (the taper is a correlation function); eigenvalues below zero, which rounding or an
 * irregular grid can give, are set to zero, so C^{1/2} C^{1/2} is the nearest semi-definite matrix. Built once per
 * method (O(n³)); a product costs O(n²).
 */
final class LocalisationRoot {

    private final int n;
    private final double[][] root;

    LocalisationRoot(SpatialGrid grid, int n, double radius) {
        GaspariCohn taper = new GaspariCohn(radius);
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = taper.at(grid.distance(i, j));
            }
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        double[][] u = eig.getV().getData();
        double[] lambda = eig.getRealEigenvalues();
        double[] sqrt = new double[n];
        for (int a = 0; a < n; a++) {
            sqrt[a] = Math.sqrt(Math.max(0.0, lambda[a]));
        }
        this.n = n;
        this.root = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int a = 0; a < n; a++) {
                    sum += u[i][a] * sqrt[a] * u[j][a];
                }
                root[i][j] = sum;
                root[j][i] = sum;
            }
        }
    }

    int dimension() {
        return n;
    }

    /** out = C^{1/2} a, reading a from {@code in[offset … offset + n)}; C^{1/2} is symmetric, so it is its own adjoint. */
    void apply(double[] in, int offset, double[] out) {
        for (int i = 0; i < n; i++) {
            double[] row = root[i];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += row[j] * in[offset + j];
            }
            out[i] = sum;
        }
    }
}
