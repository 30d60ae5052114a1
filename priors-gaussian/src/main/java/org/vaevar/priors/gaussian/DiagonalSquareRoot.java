package org.vaevar.priors.gaussian;

import org.vaevar.api.util.Checks;

/** L = diag(σ_i) for B = diag(σ_i²): O(n) per product, no n×n storage (any n). */
public final class DiagonalSquareRoot implements CovarianceSquareRoot {

    private final double[] sigma;

    /** L = diag(standardDeviations); every entry positive and finite. */
    public DiagonalSquareRoot(double[] standardDeviations) {
        for (int i = 0; i < standardDeviations.length; i++) {
            Checks.positive("standard deviation[" + i + "]", standardDeviations[i]);
        }
        Checks.positive("dimension", standardDeviations.length);
        this.sigma = standardDeviations.clone();
    }

    @Override
    public String method() {
        return "diagonal";
    }

    @Override
    public int dimension() {
        return sigma.length;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        for (int i = 0; i < sigma.length; i++) {
            out[i] = sigma[i] * v[i];
        }
    }

    @Override
    public void multiplyTranspose(double[] w, double[] out) {
        multiply(w, out); // L is diagonal: Lᵀ = L
    }

    @Override
    public double[] matrix() {
        int n = sigma.length;
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            l[i * n + i] = sigma[i];
        }
        return l;
    }
}
