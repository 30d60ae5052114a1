package org.vaevar.ensemble;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

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
 * <p>The N×N eigendecomposition is Commons Math's {@link EigenDecomposition} (Householder tridiagonalisation then
 * implicit QL): at N ≤ 40 it is a few microseconds, well under the O(N² m) products, so a hand-written Jacobi
 * would not pay.
 */
final class EnsembleTransform {

    private final int n;
    private final double[][] c;
    private final double[] b;
    private final double[] tmp;
    private final double[] w;
    private final double[] rootInverse;
    private double[][] v;
    private double[] lambda;

    /** Workspace for ensembles of {@code size} members (one per thread). */
    EnsembleTransform(int size) {
        this.n = size;
        this.c = new double[size][size];
        this.b = new double[size];
        this.tmp = new double[size];
        this.w = new double[size];
        this.rootInverse = new double[size];
    }

    /**
     * Factorises C = S diag(taper) Sᵀ + (N − 1) I over the observations {@code obs} (all when {@code null}) and
     * forms b = S diag(taper) d.
     *
     * @param taper per listed observation, or {@code null} for 1
     */
    void factor(double[][] s, double[] d, int[] obs, double[] taper) {
        int m = obs == null ? d.length : obs.length;
        for (int k = 0; k < n; k++) {
            double[] sk = s[k];
            for (int l = k; l < n; l++) {
                double[] sl = s[l];
                double sum = 0;
                for (int q = 0; q < m; q++) {
                    int o = obs == null ? q : obs[q];
                    double t = taper == null ? 1.0 : taper[q];
                    sum += sk[o] * sl[o] * t;
                }
                c[k][l] = sum;
                c[l][k] = sum;
            }
            c[k][k] += n - 1;
            double sum = 0;
            for (int q = 0; q < m; q++) {
                int o = obs == null ? q : obs[q];
                double t = taper == null ? 1.0 : taper[q];
                sum += sk[o] * d[o] * t;
            }
            b[k] = sum;
        }
        RealMatrix cm = new Array2DRowRealMatrix(c, false);
        EigenDecomposition eig = new EigenDecomposition(cm);
        v = eig.getV().getData();
        lambda = eig.getRealEigenvalues();
    }

    /** x = C⁻¹ r = V Λ⁻¹ Vᵀ r, into {@code out}. */
    void solve(double[] r, double[] out) {
        for (int a = 0; a < n; a++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += v[k][a] * r[k];
            }
            tmp[a] = sum / lambda[a];
        }
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int a = 0; a < n; a++) {
                sum += v[k][a] * tmp[a];
            }
            out[k] = sum;
        }
    }

    /**
     * The ETKF weights W_kj = w_j + T_kj, so that member k of the analysis is x̄ + Σ_j W_kj A_j (A_j the forecast
     * anomalies). Call after {@link #factor}.
     */
    void etkfWeights(double[][] weights) {
        solve(b, w);
        for (int a = 0; a < n; a++) {
            rootInverse[a] = 1.0 / Math.sqrt(lambda[a]);
        }
        double scale = Math.sqrt(n - 1.0);
        for (int k = 0; k < n; k++) {
            for (int j = k; j < n; j++) {
                double sum = 0;
                for (int a = 0; a < n; a++) {
                    sum += v[k][a] * v[j][a] * rootInverse[a];
                }
                double t = scale * sum;
                weights[k][j] = w[j] + t;
                weights[j][k] = w[k] + t;
            }
        }
    }
}
