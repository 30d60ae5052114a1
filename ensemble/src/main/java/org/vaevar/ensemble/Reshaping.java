package org.vaevar.ensemble;

/**
 * Inflation and rotation of the analysis, in weight space. With the analysis member k = x̄ + Σ_j W_kj A_j and
 * w̄_j = (1/N) Σ_k W_kj its mean weights, the analysis anomalies have weights W − 1 w̄ᵀ; inflating by ρ and
 * rotating by a mean-preserving orthogonal Q (Q 1 = 1) gives W ← 1 w̄ᵀ + ρ Q (W − 1 w̄ᵀ): the mean is kept, the
 * anomalies scaled and mixed. This equals DAPPER's post-processing of the analysis ensemble.
 */
final class Reshaping {

    private final int n;
    private final double[] meanWeights;
    private final double[][] centred;
    private final double[] rotated;

    Reshaping(int size) {
        this.n = size;
        this.meanWeights = new double[size];
        this.centred = new double[size][size];
        this.rotated = new double[size];
    }

    /** Reshapes {@code w} in place; {@code rotation} may be {@code null} (no rotation). */
    void apply(double[][] w, double inflation, double[][] rotation) {
        java.util.Arrays.fill(meanWeights, 0);
        for (double[] row : w) {
            for (int j = 0; j < n; j++) {
                meanWeights[j] += row[j];
            }
        }
        for (int j = 0; j < n; j++) {
            meanWeights[j] /= n;
        }
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                centred[k][j] = w[k][j] - meanWeights[j];
            }
        }
        for (int k = 0; k < n; k++) {
            double[] wk = w[k];
            if (rotation == null) {
                double[] ck = centred[k];
                for (int j = 0; j < n; j++) {
                    wk[j] = meanWeights[j] + inflation * ck[j];
                }
                continue;
            }
            // (Q (W − 1 w̄ᵀ))_k = Σ_l Q_kl (W − 1 w̄ᵀ)_l, summed over l in order, row by row
            java.util.Arrays.fill(rotated, 0);
            double[] qk = rotation[k];
            RowCombination.add(rotated, 0, n, qk, centred, 0, n);
            for (int j = 0; j < n; j++) {
                wk[j] = meanWeights[j] + inflation * rotated[j];
            }
        }
    }
}
