package org.vaevar.priors.gaussian;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.vaevar.api.util.Checks;

/**
 * A dense square root L (row-major n×n) of a symmetric positive semi-definite B, applied with plain loops.
 *
 * <p>{@link #symmetric} builds the symmetric square root B^{1/2} = U Λ^{1/2} Uᵀ from an eigen-decomposition
 * (Commons Math) rather than a Cholesky factor, for two reasons:
 * <ul>
 *   <li>it accepts a semi-definite B (a sample covariance from N ≤ n samples with no ridge), where Cholesky
 *       fails; directions with zero variance simply get no increment;</li>
 *   <li>it is unique and inherits B's symmetries: for a circulant (homogeneous) B on a periodic domain,
 *       B^{1/2} is circulant too, so the control v has the same translation-equivariant meaning everywhere,
 *       while a triangular Cholesky factor would single out grid point 0.</li>
 * </ul>
 * The cost is one O(n³) decomposition at construction, the same order as Cholesky.
 */
public final class DenseSquareRoot implements CovarianceSquareRoot {

    /**
     * Eigenvalues down to −this × the largest are rounding of a PSD matrix and clamped to 0; below that B is not
     * a covariance and is refused. The solver's own error is ~ n·u·λmax (about 1e-14 for n = 40).
     */
    static final double NEGATIVE_EIGENVALUE_TOLERANCE = 1e-10;

    private final int n;
    private final double[] l; // row-major: L(i, j) = l[i * n + j]

    private DenseSquareRoot(int n, double[] l) {
        this.n = n;
        this.l = l;
    }

    /** L given explicitly (row-major n×n, copied). */
    public static DenseSquareRoot of(double[] l, int n) {
        CovarianceEstimates.checkSquare("square root", l, n);
        return new DenseSquareRoot(n, l.clone());
    }

    /**
     * The symmetric square root of s·B for a symmetric positive semi-definite B (row-major n×n). B is
     * symmetrised as ½(B + Bᵀ) first, so rounding asymmetry is harmless; a clearly negative eigenvalue or a zero
     * B is refused.
     */
    public static DenseSquareRoot symmetric(double[] b, int n, double s) {
        CovarianceEstimates.checkSquare("covariance", b, n);
        Checks.positive("inflation", s);
        double[] sym = b.clone();
        CovarianceEstimates.symmetrizeInPlace(sym, n);
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.setEntry(i, j, sym[i * n + j]);
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(m);
        double[] lambda = eigen.getRealEigenvalues();
        double largest = 0;
        for (double v : lambda) {
            largest = Math.max(largest, v);
        }
        if (!(largest > 0)) {
            throw new IllegalArgumentException("covariance has no positive eigenvalue (largest " + largest
                    + "): it is zero, e.g. all samples equal");
        }
        double[] root = new double[n]; // sqrt(s·λ_k), negatives from rounding clamped to 0
        for (int k = 0; k < n; k++) {
            if (lambda[k] < -NEGATIVE_EIGENVALUE_TOLERANCE * largest) {
                throw new IllegalArgumentException("covariance is not positive semi-definite: eigenvalue "
                        + lambda[k] + " against largest " + largest);
            }
            root[k] = Math.sqrt(s * Math.max(lambda[k], 0.0));
        }
        double[][] u = eigen.getV().getData(); // columns are the orthonormal eigenvectors
        double[] l = new double[n * n];
        // L = U diag(root) Uᵀ: L(i, j) = Σ_k U(i, k) root_k U(j, k); symmetric, so fill the upper triangle.
        double[] scaledRow = new double[n];
        for (int i = 0; i < n; i++) {
            double[] ui = u[i];
            for (int k = 0; k < n; k++) {
                scaledRow[k] = ui[k] * root[k];
            }
            for (int j = i; j < n; j++) {
                double[] uj = u[j];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += scaledRow[k] * uj[k];
                }
                l[i * n + j] = sum;
                l[j * n + i] = sum;
            }
        }
        return new DenseSquareRoot(n, l);
    }

    /**
     * The symmetric square root of s·(A Aᵀ + ε I) for a tall A (row-major n×k, k ≤ n: a sample covariance from k
     * samples, A = centred samples / √(k−1), with a ridge ε), without decomposing the n×n matrix. Where the
     * sample covariance is rank-deficient, an n×n eigen-solver meets a cluster of n−k+1 equal eigenvalues ε, on
     * which Commons Math's QL iteration can fail to converge; the k×k Gram matrix has none of that.
     *
     * <p>With AᵀA = V Σ² Vᵀ and U = A V Σ⁻¹ (the left singular vectors of the nonzero σ_j):
     * A Aᵀ + εI = U (Σ² + ε) Uᵀ + ε (I − U Uᵀ), so its root is √(sε) I + U diag(√(s(σ_j² + ε)) − √(sε)) Uᵀ.
     */
    public static DenseSquareRoot lowRankPlusRidge(double[] a, int n, int k, double ridge, double s) {
        if (a.length != (long) n * k || k > n) {
            throw new IllegalArgumentException("low-rank factor: " + a.length + " values for " + n + "×" + k
                    + " (k ≤ n)");
        }
        Checks.positive("inflation", s);
        Checks.nonNegative("ridge", ridge);
        RealMatrix gram = new Array2DRowRealMatrix(k, k); // AᵀA(p, q) = Σ_i A(i, p) A(i, q)
        for (int p = 0; p < k; p++) {
            for (int q = p; q < k; q++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i * k + p] * a[i * k + q];
                }
                gram.setEntry(p, q, sum);
                gram.setEntry(q, p, sum);
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(gram);
        double[] sigma2 = eigen.getRealEigenvalues();
        double largest = Arrays.stream(sigma2).max().orElse(0);
        if (!(largest > 0)) {
            throw new IllegalArgumentException("covariance has no positive eigenvalue (largest " + largest
                    + "): it is zero, e.g. all samples equal");
        }
        double[][] v = eigen.getV().getData();
        double floor = Math.sqrt(s * ridge);
        // W = U's kept columns (σ_j² above rounding) scaled by √d_j, d_j = √(s(σ_j² + ε)) − √(sε); L = √(sε) I + W Wᵀ.
        int[] kept = java.util.stream.IntStream.range(0, k)
                .filter(j -> sigma2[j] > NEGATIVE_EIGENVALUE_TOLERANCE * largest).toArray();
        int r = kept.length;
        double[] wRows = new double[n * r]; // row-major n×r
        for (int c = 0; c < r; c++) {
            int j = kept[c];
            double scale = Math.sqrt(Math.sqrt(s * (sigma2[j] + ridge)) - floor) / Math.sqrt(sigma2[j]);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * v[p][j];
                }
                wRows[i * r + c] = sum * scale;
            }
        }
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                for (int c = 0; c < r; c++) {
                    sum += wRows[i * r + c] * wRows[j * r + c];
                }
                if (i == j) {
                    sum += floor;
                }
                l[i * n + j] = sum;
                l[j * n + i] = sum;
            }
        }
        return new DenseSquareRoot(n, l);
    }

    @Override
    public String method() {
        return "dense";
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        // (L v)_i = Σ_j L(i, j) v_j: a row-major sweep. Four partial sums break the add latency chain (1.5×
        // faster at n = 400, measured); the order is fixed, so results stay bit-reproducible.
        int tail = n & ~3;
        for (int i = 0; i < n; i++) {
            int base = i * n;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < tail; j += 4) {
                s0 += l[base + j] * v[j];
                s1 += l[base + j + 1] * v[j + 1];
                s2 += l[base + j + 2] * v[j + 2];
                s3 += l[base + j + 3] * v[j + 3];
            }
            for (int j = tail; j < n; j++) {
                s0 += l[base + j] * v[j];
            }
            out[i] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public void multiplyTranspose(double[] w, double[] out) {
        // (Lᵀ w)_j = Σ_i L(i, j) w_i, accumulated row by row to stay on contiguous memory. L is symmetric when
        // built by symmetric(), but the adjoint stays the true transpose so any L given through of() is right.
        Arrays.fill(out, 0, n, 0.0);
        for (int i = 0; i < n; i++) {
            int base = i * n;
            double wi = w[i];
            for (int j = 0; j < n; j++) {
                out[j] += l[base + j] * wi;
            }
        }
    }

    @Override
    public double[] matrix() {
        return l.clone();
    }
}
