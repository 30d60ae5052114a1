package org.vaevar.ensemble;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The ensemble-space algebra shared by the filters. With S the N×m whitened observation anomalies
 * (S_kj = (H(x_k) − ȳ)_j / σ_j) and d the whitened innovation ((y − ȳ)_j / σ_j), every update lives in the
 * N-dimensional span of the anomalies:
 * <pre>
 *   C  = S Sᵀ + (N − 1) I = V Λ Vᵀ                      (symmetric N×N eigendecomposition)
 *   w  = C⁻¹ S d                                        (mean update weights: x̄ᵃ = x̄ + Aᵀ w)
 *   T  = √(N − 1) V Λ^{-1/2} Vᵀ                         (symmetric square root: Aᵃ = T A)
 * </pre>
 * (Hunt et al. 2007, eqs. 20–24, with P̃ᵃ = C⁻¹ (N−1)). T is symmetric and T 1 = 1, because Sᵀ 1 = 0, so the
 * square root preserves the mean. An optional taper c_j ≥ 0 per observation multiplies R⁻¹ (the LETKF's
 * localisation): S Sᵀ → S diag(c) Sᵀ and S d → S diag(c) d.
 *
 * <p>Every product runs as row updates ({@link RowCombination}: row k of S Sᵀ is Σ_j S_kj (Sᵀ)_j) over work arrays
 * allocated once, with each entry summed in the same order and association as a plain dot product, so with the
 * {@link Solver#COMMONS} eigendecomposition the results are those of the dot-product loops to the bit.
 */
final class EnsembleTransform {

    private final int n;
    private final Solver solver;
    /** C after {@link #gram}, both triangles. */
    final double[][] c;
    /** b = S diag(taper) d after {@link #gram}. */
    final double[] b;
    private final SymmetricEigen eigen;
    /** V after {@link #factor}: v[k][a] is component k of eigenvector a. */
    private double[][] v;
    /** Vᵀ: one eigenvector per row. */
    private final double[][] vt;
    private double[] lambda;
    private final double[] rootInverse;
    private final double[] tmp;
    private final double[] w;
    private final double[] column;
    private final double[][] products;
    private double[][] st = new double[0][];
    private double[] gathered = new double[0];

    /** Workspace for ensembles of {@code size} members (one per thread). */
    EnsembleTransform(int size, Solver solver) {
        this.n = size;
        this.solver = solver;
        this.c = new double[size][size];
        this.b = new double[size];
        this.eigen = solver == Solver.NATIVE ? new SymmetricEigen(size) : null;
        this.v = new double[size][size];
        this.vt = new double[size][size];
        this.rootInverse = new double[size];
        this.tmp = new double[size];
        this.w = new double[size];
        this.column = new double[size];
        this.products = new double[size][size];
    }

    /**
     * Forms C = S diag(taper) Sᵀ + (N − 1) I, C_kl = Σ_q (S_kq S_lq) c_q, and b = S diag(taper) d,
     * b_k = Σ_q (S_kq d_q) c_q, over the observations {@code obs} (all when {@code null}).
     *
     * @param taper per listed observation, or {@code null} for 1
     */
    void gram(double[][] s, double[] d, int[] obs, double[] taper) {
        int m = obs == null ? d.length : obs.length;
        if (st.length < m) {
            st = new double[d.length][n];
        }
        for (int k = 0; k < n; k++) { // Sᵀ, one row per listed observation
            double[] sk = s[k];
            for (int q = 0; q < m; q++) {
                st[q][k] = sk[obs == null ? q : obs[q]];
            }
        }
        Arrays.fill(b, 0);
        add(b, 0, listed(d, obs, m), taper, m);
        for (int k = 0; k < n; k++) {
            double[] ck = c[k];
            Arrays.fill(ck, k, n, 0);
            add(ck, k, listed(s[k], obs, m), taper, m);
            ck[k] += n - 1;
            for (int l = k + 1; l < n; l++) { // exactly symmetric: the lower triangle mirrors the upper
                c[l][k] = ck[l];
            }
        }
    }

    private void add(double[] out, int from, double[] coefficients, double[] taper, int m) {
        if (taper == null) {
            RowCombination.add(out, from, n, coefficients, st, 0, m);
        } else {
            RowCombination.addTapered(out, from, n, coefficients, st, taper, 0, m);
        }
    }

    /** The entries of {@code x} at the listed observations (all when {@code null}), in order. */
    private double[] listed(double[] x, int[] obs, int m) {
        if (obs == null) {
            return x;
        }
        if (gathered.length < m) {
            gathered = new double[x.length];
        }
        for (int q = 0; q < m; q++) {
            gathered[q] = x[obs[q]];
        }
        return gathered;
    }

    /** {@link #gram}, then the eigendecomposition C = V Λ Vᵀ by the chosen {@link Solver}. */
    void factor(double[][] s, double[] d, int[] obs, double[] taper) {
        gram(s, d, obs, taper);
        if (solver == Solver.COMMONS) {
            EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
            v = eig.getV().getData();
            lambda = eig.getRealEigenvalues();
            for (int k = 0; k < n; k++) {
                for (int a = 0; a < n; a++) {
                    vt[a][k] = v[k][a];
                }
            }
        } else {
            eigen.decompose(c);
            lambda = eigen.lambda;
            for (int a = 0; a < n; a++) {
                System.arraycopy(eigen.z[a], 0, vt[a], 0, n);
                for (int k = 0; k < n; k++) {
                    v[k][a] = vt[a][k];
                }
            }
        }
    }

    /** x = C⁻¹ r = V Λ⁻¹ Vᵀ r, into {@code out}. Call after {@link #factor}. */
    void solve(double[] r, double[] out) {
        for (int a = 0; a < n; a++) {
            double[] va = vt[a];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += va[k] * r[k];
            }
            tmp[a] = sum / lambda[a];
        }
        for (int k = 0; k < n; k++) {
            double[] vk = v[k];
            double sum = 0;
            for (int a = 0; a < n; a++) {
                sum += vk[a] * tmp[a];
            }
            out[k] = sum;
        }
    }

    /**
     * G ← C⁻¹ G = V (Λ⁻¹ (Vᵀ G)) for an N×N G, every column as {@link #solve} would give it. Call after
     * {@link #factor}.
     */
    void solveInPlace(double[][] g) {
        for (int a = 0; a < n; a++) { // (Vᵀ G)_a = Σ_k V_ka G_k, then / λ_a
            double[] pa = products[a];
            for (int k = 0; k < n; k++) {
                column[k] = v[k][a];
            }
            Arrays.fill(pa, 0);
            RowCombination.add(pa, 0, n, column, g, 0, n);
            for (int j = 0; j < n; j++) {
                pa[j] /= lambda[a];
            }
        }
        for (int k = 0; k < n; k++) {
            Arrays.fill(g[k], 0);
            RowCombination.add(g[k], 0, n, v[k], products, 0, n);
        }
    }

    /**
     * The ETKF weights W_kj = w_j + T_kj, so that member k of the analysis is x̄ + Σ_j W_kj A_j (A_j the forecast
     * anomalies); T_kj = √(N − 1) Σ_a (V_ka V_ja) λ_a^{-1/2} from its upper triangle, so exactly symmetric. Call
     * after {@link #factor}.
     */
    void etkfWeights(double[][] weights) {
        solve(b, w);
        for (int a = 0; a < n; a++) {
            rootInverse[a] = 1.0 / Math.sqrt(lambda[a]);
        }
        double scale = Math.sqrt(n - 1.0);
        for (int k = 0; k < n; k++) {
            double[] pk = products[k];
            Arrays.fill(pk, k, n, 0);
            RowCombination.addTapered(pk, k, n, v[k], vt, rootInverse, 0, n);
            for (int j = k; j < n; j++) {
                double t = scale * pk[j];
                weights[k][j] = w[j] + t;
                weights[j][k] = w[k] + t;
            }
        }
    }
}
