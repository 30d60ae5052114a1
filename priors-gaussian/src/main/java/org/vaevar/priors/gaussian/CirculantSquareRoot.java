package org.vaevar.priors.gaussian;

import org.vaevar.api.util.Checks;

/**
 * L = B^{1/2} = F⁻¹ diag(√λ) F for a circulant (homogeneous, periodic) covariance B with eigenvalues λ: O(n log n)
 * per product and O(n) memory, for any n. λ is real and even (λ_{n−k} = λ_k), so L is real, circulant and
 * symmetric: Lᵀ = L, and the adjoint is the same product.
 */
public final class CirculantSquareRoot implements CovarianceSquareRoot {

    private final int n;
    private final RealFft fft;
    private final double[] eigenvalues; // of L Lᵀ, frequencies 0..n/2
    private final double[] multiplier;  // √λ in the packed layout

    /**
     * @param eigenvalues λ_k ≥ 0 of B for k = 0..⌊n/2⌋
     * @param inflation   s &gt; 0: L Lᵀ = s·B
     */
    public CirculantSquareRoot(int n, double[] eigenvalues, double inflation) {
        Checks.positive("dimension", n);
        Checks.positive("inflation", inflation);
        if (eigenvalues.length != RealFft.frequencies(n)) {
            throw new IllegalArgumentException("circulant spectrum has " + eigenvalues.length
                    + " frequencies; expected " + RealFft.frequencies(n) + " for n = " + n);
        }
        double[] scaled = new double[eigenvalues.length];
        double[] root = new double[eigenvalues.length];
        for (int k = 0; k < eigenvalues.length; k++) {
            if (!(eigenvalues[k] >= 0) || Double.isInfinite(eigenvalues[k])) {
                throw new IllegalArgumentException("circulant eigenvalue " + k + " = " + eigenvalues[k]
                        + ": must be finite and non-negative");
            }
            scaled[k] = inflation * eigenvalues[k];
            root[k] = Math.sqrt(scaled[k]);
        }
        this.n = n;
        this.fft = new RealFft(n);
        this.eigenvalues = scaled;
        this.multiplier = RealFft.packedMultiplier(root, n);
    }

    @Override
    public String method() {
        return "circulant-fft";
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void multiply(double[] v, double[] out) {
        System.arraycopy(v, 0, out, 0, n);
        fft.forward(out);
        for (int j = 0; j < n; j++) {
            out[j] *= multiplier[j];
        }
        fft.inverse(out);
    }

    @Override
    public void multiplyTranspose(double[] w, double[] out) {
        multiply(w, out); // real, even spectrum: L is symmetric
    }

    /** The eigenvalues of L Lᵀ = s·B for frequencies 0..⌊n/2⌋ (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** c(k) = (L Lᵀ)(0, k): the covariance profile, B(i, j) = c((j − i) mod n). */
    public double[] covarianceProfile() {
        double[] c = new double[n];
        c[0] = 1;
        fft.forward(c);
        double[] m = RealFft.packedMultiplier(eigenvalues, n);
        for (int j = 0; j < n; j++) {
            c[j] *= m[j];
        }
        fft.inverse(c);
        for (int k = 1; k < n - k; k++) { // c(k) = c(n − k) exactly, so the dense B is exactly symmetric
            double v = 0.5 * (c[k] + c[n - k]);
            c[k] = v;
            c[n - k] = v;
        }
        return c;
    }

    @Override
    public double[] matrix() {
        double[] column = new double[n];
        double[] e0 = new double[n];
        e0[0] = 1;
        multiply(e0, column); // L(i, 0); circulant and symmetric: L(i, j) = l((i − j) mod n)
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l[i * n + j] = column[Math.floorMod(i - j, n)];
            }
        }
        return l;
    }
}
