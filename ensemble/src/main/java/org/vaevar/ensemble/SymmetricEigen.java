package org.vaevar.ensemble;

import java.util.Arrays;

/**
 * The eigendecomposition C = Zᵀ Λ Z of a small symmetric matrix, Z's rows the orthonormal eigenvectors, into
 * work arrays allocated once. The algorithm is the classical one (as in EISPACK's tred2/tql2 and Commons Math's
 * {@code EigenDecomposition}): Householder reduction to a tridiagonal T = Qᵀ C Q, then implicit QL iterations
 * with Wilkinson shifts, T = U Λ Uᵀ, so Z = (Q U)ᵀ. It is written out here because Commons Math keeps the
 * eigenvectors in columns and rotates them with strided loops (EJML's is no faster): on the 40×40 C of an
 * ensemble of 40 it took 3 times as long as this version, whose Householder updates and Givens rotations run
 * along contiguous rows that the JIT vectorises. Eigenvalues come unsorted.
 */
final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITERATIONS = 60;

    private final int n;
    /** The eigenvectors, one per row. */
    final double[][] z;
    /** The eigenvalues, λ_a of row a of {@link #z}. */
    final double[] lambda;
    private final double[][] a;
    private final double[] sub;
    private final double[][] householder;
    private final double[] beta;
    private final double[] p;
    private final double[] row;
    private final double[] bv;

    SymmetricEigen(int size) {
        this.n = size;
        this.z = new double[size][size];
        this.lambda = new double[size];
        this.a = new double[size][size];
        this.sub = new double[size];
        this.householder = new double[size][size];
        this.beta = new double[size];
        this.p = new double[size];
        this.row = new double[size];
        this.bv = new double[size];
    }

    /**
     * Decomposes the symmetric {@code c} (read, not changed). A matrix with a non-finite entry gives NaN
     * eigenvalues and vectors, so that the analysis built from them is reported as diverged.
     */
    void decompose(double[][] c) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(c[i][j])) {
                    Arrays.fill(lambda, Double.NaN);
                    for (double[] r : z) {
                        Arrays.fill(r, Double.NaN);
                    }
                    return;
                }
            }
            System.arraycopy(c[i], 0, a[i], 0, n);
        }
        tridiagonalise();
        ql();
    }

    /**
     * Householder steps k = 0 … n − 3: H_k = I − β v vᵀ (v zero in 0 … k) zeroes column k below the subdiagonal;
     * the trailing block B ← H B H is B − v wᵀ − w vᵀ with p = β B v, w = p − (β/2)(pᵀv) v. Leaves the diagonal
     * in {@link #lambda}, the subdiagonal in {@link #sub} (sub_i couples i and i + 1) and Qᵀ = H_{n−3} ⋯ H_0 in
     * {@link #z}.
     */
    private void tridiagonalise() {
        for (int k = 0; k < n - 2; k++) {
            double[] ak = a[k];
            double[] v = householder[k];
            Arrays.fill(v, 0);
            double scale = 0;
            for (int i = k + 1; i < n; i++) {
                scale += Math.abs(ak[i]);
            }
            lambda[k] = ak[k];
            double tail = 0;
            for (int i = k + 2; i < n; i++) {
                tail += ak[i] * ak[i];
            }
            if (tail == 0 || scale == 0) { // already tridiagonal in this column
                sub[k] = ak[k + 1];
                beta[k] = 0;
                continue;
            }
            // v = x − α e_{k+1} with α = −sign(x₀)‖x‖, computed on x / scale against overflow
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                v[i] = ak[i] / scale;
                norm2 += v[i] * v[i];
            }
            double alpha = v[k + 1] > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            sub[k] = alpha * scale;
            v[k + 1] -= alpha;
            double vv = norm2 - 2 * alpha * (v[k + 1] + alpha) + alpha * alpha; // ‖x/scale − α e‖²
            double b = 2 / vv;
            beta[k] = b;
            // p = β B v as Σ_j v_j B_j (B symmetric, rows contiguous)
            Arrays.fill(p, k + 1, n, 0);
            for (int j = k + 1; j < n; j++) {
                bv[j] = b * v[j];
            }
            RowCombination.add(p, k + 1, n, bv, a, k + 1, n);
            double pv = 0;
            for (int i = k + 1; i < n; i++) {
                pv += p[i] * v[i];
            }
            double half = 0.5 * b * pv;
            for (int i = k + 1; i < n; i++) {
                p[i] -= half * v[i]; // p is now w
            }
            for (int i = k + 1; i < n; i++) {
                double vi = v[i];
                double wi = p[i];
                double[] ai = a[i];
                for (int j = k + 1; j < n; j++) {
                    ai[j] -= vi * p[j] + wi * v[j];
                }
            }
        }
        if (n >= 2) {
            lambda[n - 2] = a[n - 2][n - 2];
            sub[n - 2] = a[n - 2][n - 1];
        }
        lambda[n - 1] = a[n - 1][n - 1];
        sub[n - 1] = 0;
        // Qᵀ = H_{n−3} ⋯ H_0: start from I and apply H_k from the left, Z ← Z − β v (vᵀ Z)
        for (int i = 0; i < n; i++) {
            Arrays.fill(z[i], 0);
            z[i][i] = 1;
        }
        for (int k = 0; k < n - 2; k++) {
            if (beta[k] == 0) {
                continue;
            }
            double[] v = householder[k];
            Arrays.fill(row, 0);
            RowCombination.add(row, 0, n, v, z, k + 1, n);
            for (int i = k + 1; i < n; i++) {
                double bvi = beta[k] * v[i];
                double[] zi = z[i];
                for (int j = 0; j < n; j++) {
                    zi[j] -= bvi * row[j];
                }
            }
        }
    }

    /**
     * Implicit QL with Wilkinson shifts on the tridiagonal (diagonal {@link #lambda}, subdiagonal {@link #sub}),
     * each Givens rotation of rows i, i + 1 applied to Z as well (tql2 with the eigenvectors transposed).
     */
    private void ql() {
        double[] d = lambda;
        double[] e = sub;
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            int iterations = 0;
            while (m > l) {
                if (++iterations > MAX_ITERATIONS) {
                    throw new ArithmeticException("the symmetric eigendecomposition did not converge in "
                            + MAX_ITERATIONS + " QL iterations");
                }
                double g = d[l];
                double q = (d[l + 1] - g) / (2 * e[l]);
                double r = Math.sqrt(q * q + 1);
                if (q < 0) {
                    r = -r;
                }
                d[l] = e[l] / (q + r);
                d[l + 1] = e[l] * (q + r);
                double dl1 = d[l + 1];
                double h = g - d[l];
                for (int i = l + 2; i < n; i++) {
                    d[i] -= h;
                }
                f += h;
                q = d[m];
                double c = 1;
                double c2 = c;
                double c3 = c;
                double el1 = e[l + 1];
                double s = 0;
                double s2 = 0;
                for (int i = m - 1; i >= l; i--) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * q;
                    r = Math.sqrt(q * q + e[i] * e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = q / r;
                    q = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    double[] zi = z[i];
                    double[] zi1 = z[i + 1];
                    for (int k = 0; k < n; k++) {
                        double t = zi1[k];
                        zi1[k] = s * zi[k] + c * t;
                        zi[k] = c * zi[k] - s * t;
                    }
                }
                q = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * q;
                d[l] = c * q;
                if (Math.abs(e[l]) <= EPS * tst1) {
                    break;
                }
            }
            d[l] += f;
            e[l] = 0;
        }
    }
}
