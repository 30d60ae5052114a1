package org.vaevar.ensemble;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A random orthogonal N×N matrix Q with Q 1 = 1: Q = H diag(1, Q₀) H, where Q₀ is Haar-distributed on O(N − 1)
 * (QR of a Gaussian matrix, the signs of R's diagonal moved into Q) and H = I − 2 u uᵀ / uᵀu with u = e₁ − 1/√N
 * the Householder reflection swapping e₁ and 1/√N. Rotating the anomalies by Q keeps their mean (zero) and
 * covariance and only mixes the members (Sakov and Oke's remedy for ensemble collapse onto few members).
 */
final class MeanPreservingRotation {

    private MeanPreservingRotation() {
    }

    static double[][] draw(int n, RandomGenerator random) {
        int m = n - 1;
        double[][] q0 = new double[m][m];
        if (m > 0) {
            double[][] g = new double[m][m];
            for (double[] row : g) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
            RealMatrix q = qr.getQ();
            RealMatrix r = qr.getR();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    q0[i][j] = q.getEntry(i, j) * Math.signum(r.getEntry(j, j));
                }
            }
        }
        double[] u = new double[n];
        double root = 1.0 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            u[i] = -root;
        }
        u[0] += 1.0;
        double uu = 0;
        for (double x : u) {
            uu += x * x;
        }
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = (i == j ? 1.0 : 0.0) - 2 * u[i] * u[j] / uu;
            }
        }
        double[][] block = new double[n][n];
        block[0][0] = 1.0;
        for (int i = 0; i < m; i++) {
            System.arraycopy(q0[i], 0, block[i + 1], 1, m);
        }
        return multiply(h, multiply(block, h));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double ail = a[i][l];
                for (int j = 0; j < n; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }
}
