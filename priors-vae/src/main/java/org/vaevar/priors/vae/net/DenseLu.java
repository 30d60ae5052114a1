package org.vaevar.priors.vae.net;

/**
 * LU factorisation with partial pivoting, P A = L U, of a small dense square matrix (the n × n decoder
 * Jacobian): log|det A|, A⁻¹ and the 1-norm condition number κ₁ = ‖A‖₁‖A⁻¹‖₁. Plain Java: n is the state
 * dimension of a toy model (3 to a few hundred), where a library call would cost more than the arithmetic.
 */
final class DenseLu {

    private final int n;
    private final double[][] lu;
    private final int[] pivot;
    private final boolean singular;
    private final double norm1;

    /** Factorises a copy of {@code a} (rows). */
    DenseLu(double[][] a) {
        n = a.length;
        lu = new double[n][];
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(a[i][j]);
            }
            norm = Math.max(norm, col);
        }
        norm1 = norm;
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        pivot = new int[n];
        boolean zeroPivot = false;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                    p = i;
                }
            }
            pivot[k] = p;
            if (p != k) {
                double[] t = lu[p];
                lu[p] = lu[k];
                lu[k] = t;
            }
            double d = lu[k][k];
            if (d == 0 || !Double.isFinite(d)) {
                zeroPivot = true;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                double f = lu[i][k] / d;
                lu[i][k] = f;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        lu[i][j] -= f * lu[k][j];
                    }
                }
            }
        }
        singular = zeroPivot;
    }

    boolean singular() {
        return singular;
    }

    /** log|det A| = Σ log|u_kk| (−∞ when singular). */
    double logAbsDet() {
        if (singular) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.log(Math.abs(lu[k][k]));
        }
        return s;
    }

    /** A⁻¹ as rows (only when not singular). */
    double[][] inverse() {
        if (singular) {
            throw new IllegalStateException("inverse of a singular matrix");
        }
        double[][] inv = new double[n][n];
        double[] x = new double[n];
        for (int col = 0; col < n; col++) {
            // Solve A x = e_col: apply the row swaps to e_col, then forward and back substitution.
            java.util.Arrays.fill(x, 0);
            x[col] = 1;
            for (int k = 0; k < n; k++) {
                int p = pivot[k];
                if (p != k) {
                    double t = x[p];
                    x[p] = x[k];
                    x[k] = t;
                }
            }
            for (int i = 1; i < n; i++) {
                double s = x[i];
                for (int j = 0; j < i; j++) {
                    s -= lu[i][j] * x[j];
                }
                x[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = x[i];
                for (int j = i + 1; j < n; j++) {
                    s -= lu[i][j] * x[j];
                }
                x[i] = s / lu[i][i];
            }
            for (int i = 0; i < n; i++) {
                inv[i][col] = x[i];
            }
        }
        return inv;
    }

    /** κ₁(A) = ‖A‖₁ ‖A⁻¹‖₁ given A⁻¹ (∞ when singular). */
    double conditionNumber(double[][] inverse) {
        if (singular) {
            return Double.POSITIVE_INFINITY;
        }
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                col += Math.abs(inverse[i][j]);
            }
            norm = Math.max(norm, col);
        }
        return norm1 * norm;
    }
}
