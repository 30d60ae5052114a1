package org.vaevar.priors.gaussian;

import java.util.Arrays;
import org.vaevar.api.util.Checks;

/**
 * A square root of the localised sample covariance B = C ∘ S + r I without any n×n matrix ("modulated ensemble",
 * as in ensemble-variational assimilation), with S = Σ_j d_j d_jᵀ / (m − 1) from m deviations d_j = δ_j − μ and
 * C a circulant taper (the Gaspari–Cohn correlations on a ring).
 *
 * <p>The identity: for one deviation d, C ∘ (d dᵀ) = diag(d) C diag(d). With C = C^{1/2} C^{1/2} (C^{1/2} the
 * symmetric circulant square root, applied by FFT),
 * <pre>
 *   B = Σ_j diag(d_j) C^{1/2} C^{1/2} diag(d_j) / (m − 1) + r I = L Lᵀ,
 *   L = [ diag(d_1) C^{1/2}, …, diag(d_m) C^{1/2}, √r I ] / (√(m − 1) for the first m blocks),
 * </pre>
 * an n × (m·n + n) matrix (the last block only when r &gt; 0). The control v = (v_1, …, v_m, v_r) has penalty
 * ½‖v‖² as for any Gaussian square root, and
 * <pre>
 *   L v  = Σ_j d_j ∘ (C^{1/2} v_j) / √(m − 1) + √r v_r,
 *   Lᵀ w = ( C^{1/2}(d_1 ∘ w) / √(m − 1), …, C^{1/2}(d_m ∘ w) / √(m − 1), √r w ),
 * </pre>
 * so a product costs m FFT pairs, O(m·n log n) time and O(m·n) memory (the deviations themselves). Inflation s
 * scales L by √s. B is exactly the dense C ∘ S + r I, so the analysis is that of the dense path; only the
 * minimiser's control space is larger.
 */
public final class ModulatedEnsembleSquareRoot implements CovarianceSquareRoot {

    private final int n;
    private final double[][] modes;       // √(s/(m−1)) · d_j
    private final CirculantSquareRoot taperRoot;
    private final double ridgeSd;         // √(s·r); 0 means no ridge block

    /**
     * @param deviations d_j = δ_j − μ, one per row (copied, scaled)
     * @param taperEigenvalues eigenvalues of C for frequencies 0..⌊n/2⌋
     * @param ridge r ≥ 0 added as r I
     * @param inflation s &gt; 0
     */
    public ModulatedEnsembleSquareRoot(double[][] deviations, double[] taperEigenvalues, double ridge,
                                       double inflation) {
        if (deviations.length < 2) {
            throw new IllegalArgumentException("modulated ensemble: " + deviations.length
                    + " deviations; at least 2 needed");
        }
        Checks.nonNegative("ridge", ridge);
        Checks.positive("inflation", inflation);
        this.n = deviations[0].length;
        double scale = Math.sqrt(inflation / (deviations.length - 1));
        this.modes = new double[deviations.length][];
        for (int j = 0; j < deviations.length; j++) {
            Checks.finiteWithDimension("deviation " + j, deviations[j], n);
            modes[j] = new double[n];
            for (int i = 0; i < n; i++) {
                modes[j][i] = scale * deviations[j][i];
            }
        }
        this.taperRoot = new CirculantSquareRoot(n, taperEigenvalues, 1.0);
        this.ridgeSd = Math.sqrt(inflation * ridge);
    }

    @Override
    public String method() {
        return "modulated-ensemble";
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int controlDimension() {
        return modes.length * n + (ridgeSd > 0 ? n : 0);
    }

    /** m, the number of ensemble members modulated. */
    public int members() {
        return modes.length;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        double[] block = new double[n];
        double[] smoothed = new double[n];
        Arrays.fill(out, 0, n, 0.0);
        for (int j = 0; j < modes.length; j++) {
            System.arraycopy(v, j * n, block, 0, n);
            taperRoot.multiply(block, smoothed);
            double[] d = modes[j];
            for (int i = 0; i < n; i++) {
                out[i] += d[i] * smoothed[i];
            }
        }
        if (ridgeSd > 0) {
            int base = modes.length * n;
            for (int i = 0; i < n; i++) {
                out[i] += ridgeSd * v[base + i];
            }
        }
    }

    @Override
    public void multiplyTranspose(double[] w, double[] out) {
        double[] product = new double[n];
        double[] smoothed = new double[n];
        for (int j = 0; j < modes.length; j++) {
            double[] d = modes[j];
            for (int i = 0; i < n; i++) {
                product[i] = d[i] * w[i];
            }
            taperRoot.multiply(product, smoothed); // C^{1/2} is symmetric
            System.arraycopy(smoothed, 0, out, j * n, n);
        }
        if (ridgeSd > 0) {
            int base = modes.length * n;
            for (int i = 0; i < n; i++) {
                out[base + i] = ridgeSd * w[i];
            }
        }
    }

    @Override
    public double[] matrix() {
        int p = controlDimension();
        double[] l = new double[n * p];
        double[] e = new double[p];
        double[] column = new double[n];
        for (int k = 0; k < p; k++) {
            e[k] = 1;
            multiply(e, column);
            e[k] = 0;
            for (int i = 0; i < n; i++) {
                l[i * p + k] = column[i];
            }
        }
        return l;
    }
}
