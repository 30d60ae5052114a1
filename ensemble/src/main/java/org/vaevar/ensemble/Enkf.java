package org.vaevar.ensemble;

import org.vaevar.api.plugin.MethodContext;

/**
 * The stochastic ensemble Kalman filter with perturbed observations (Burgers et al. 1998): member k is updated
 * towards its own perturbed observation y − D_k, D_k ~ N(0, R),
 * <pre>
 *   x_k ← x_k + K (y − D_k − H(x_k)),   K = Aᵀ Y (Yᵀ Y + (N−1) R)⁻¹ = Aᵀ C⁻¹ S R^{-1/2}
 * </pre>
 * (Y the observation anomalies; the second form by the Woodbury identity, in ensemble space with
 * C = S Sᵀ + (N−1) I). With whitened perturbations z_k = R^{-1/2} D_k the weights are
 * W_kj = δ_kj + (C⁻¹ S (d − S_k − z_k))_j. By default the z_k are centred (their mean subtracted, then scaled by
 * √(N/(N−1)) to keep their expected variance, as DAPPER does), so the analysis mean is exactly the Kalman mean of
 * the forecast ensemble; uncentred, it converges to it as 1/√N. All N columns at once: W = I + Xᵀ with
 * X = C⁻¹ S Eᵀ (E's rows the e_k = d − S_k − z_k); with the native {@link Solver} C⁻¹ comes from a
 * {@link Cholesky} factorisation, since no square root of C is needed.
 */
final class Enkf extends EnsembleMethod {

    static final String NAME = "enkf";

    private final boolean centred;
    private final Solver solver;

    Enkf(MethodContext context, EnsembleSettings settings, boolean centred, Solver solver) {
        super(NAME, context, settings);
        this.centred = centred;
        this.solver = solver;
    }

    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = super.describe();
        m.put(EnkfProvider.CENTRED, centred);
        m.put(Solver.PARAMETER, solver.label());
        return m;
    }

    @Override
    Analysis newAnalysis() {
        int n = settings.size();
        int m = operator.observationDimension();
        EnsembleTransform transform = new EnsembleTransform(n, solver);
        Cholesky cholesky = solver == Solver.NATIVE ? new Cholesky(n) : null;
        Reshaping reshaping = new Reshaping(n);
        double[][] w = new double[n][n];
        double[][] z = new double[n][m];
        double[] zMean = new double[m];
        double[][] innovationsT = new double[m][n];
        double[][] x = new double[n][n];
        return (e, rotation, random) -> {
            for (double[] zk : z) {
                for (int j = 0; j < m; j++) {
                    zk[j] = random.nextGaussian();
                }
            }
            if (centred) {
                java.util.Arrays.fill(zMean, 0);
                for (double[] zk : z) {
                    for (int j = 0; j < m; j++) {
                        zMean[j] += zk[j];
                    }
                }
                double rescale = Math.sqrt(n / (n - 1.0)); // keeps the expected variance of each perturbation
                for (double[] zk : z) {
                    for (int j = 0; j < m; j++) {
                        zk[j] = (zk[j] - zMean[j] / n) * rescale;
                    }
                }
            }
            if (cholesky != null) {
                transform.gram(e.s, e.d, null, null);
                cholesky.factor(transform.c);
            } else {
                transform.factor(e.s, e.d, null, null);
            }
            // Eᵀ, column k the whitened perturbed innovation of member k: e_k = d − S_k − z_k
            for (int k = 0; k < n; k++) {
                double[] sk = e.s[k];
                double[] zk = z[k];
                for (int j = 0; j < m; j++) {
                    innovationsT[j][k] = e.d[j] - sk[j] - zk[j];
                }
            }
            // X = C⁻¹ S Eᵀ, column k member k's weight increments: G_a = Σ_j S_aj (Eᵀ)_j, then the solve
            for (int a = 0; a < n; a++) {
                double[] sa = e.s[a];
                double[] xa = x[a];
                java.util.Arrays.fill(xa, 0);
                RowCombination.add(xa, 0, n, sa, innovationsT, 0, m);
            }
            if (cholesky != null) {
                cholesky.solveInPlace(x);
            } else {
                transform.solveInPlace(x);
            }
            for (int k = 0; k < n; k++) {
                double[] wk = w[k];
                for (int j = 0; j < n; j++) {
                    wk[j] = (j == k ? 1.0 : 0.0) + x[j][k];
                }
            }
            if (settings.reshapes()) {
                reshaping.apply(w, settings.inflation(), rotation);
            }
            e.update(w, 0, e.dimension);
        };
    }
}
