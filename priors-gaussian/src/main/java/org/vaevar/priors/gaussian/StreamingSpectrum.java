package org.vaevar.priors.gaussian;

import org.vaevar.api.util.Checks;

/**
 * The eigenvalues of the homogeneous (circulant) average of a sample covariance on a periodic grid of n points,
 * estimated one sample at a time in O(n) memory: no n×n matrix and no n×samples matrix.
 *
 * <p>Why it works. For deviations d_s = x_s − μ the circulant average of the sample covariance has profile
 * c(k) = (1/n) Σ_i C(i, i+k) = (1/(n(m−1))) Σ_s Σ_i d_{s,i} d_{s,i+k}, a circular autocorrelation, whose DFT is
 * λ_k = (1/(n(m−1))) Σ_s |D_{s,k}|² with D_s = FFT(d_s). Those λ_k are the eigenvalues of the circulant matrix
 * (its eigenvectors are the Fourier modes), so B^{1/2} = F⁻¹ diag(√λ) F. As the FFT is linear, D_s = X_s − M with
 * M = FFT(μ) the mean transform, and Σ_s |X_s − M|² is accumulated per frequency by Welford's update
 * (M ← M + (X − M)/s, S ← S + Re[(X − M_old) conj(X − M_new)]), which never subtracts two large sums.
 */
public final class StreamingSpectrum {

    private final String what;
    private final int n;
    private final RealFft fft;
    private final double[] meanRe;
    private final double[] meanIm;
    private final double[] sumSquares; // Σ_s |X_s − M|² per frequency 0..n/2
    private final double[] buffer;
    private double entrySum;           // Σ_s Σ_i x_{s,i}, for the spatial mean
    private int count;

    /** @param what names the samples in errors, e.g. "background-error" */
    public StreamingSpectrum(String what, int n) {
        Checks.positive("dimension", n);
        this.what = what;
        this.n = n;
        this.fft = new RealFft(n);
        int f = RealFft.frequencies(n);
        this.meanRe = new double[f];
        this.meanIm = new double[f];
        this.sumSquares = new double[f];
        this.buffer = new double[n];
    }

    /** Adds one sample (finite, n entries; not kept). */
    public void add(double[] x) {
        Checks.finiteWithDimension(what + " sample " + count, x, n);
        System.arraycopy(x, 0, buffer, 0, n);
        for (double v : x) {
            entrySum += v;
        }
        fft.forward(buffer);
        count++;
        double inv = 1.0 / count;
        for (int k = 0; k < meanRe.length; k++) {
            double re = buffer[RealFft.re(n, k)];
            int imIndex = RealFft.im(n, k);
            double im = imIndex < 0 ? 0.0 : buffer[imIndex];
            double dRe = re - meanRe[k];
            double dIm = im - meanIm[k];
            meanRe[k] += dRe * inv;
            meanIm[k] += dIm * inv;
            sumSquares[k] += dRe * (re - meanRe[k]) + dIm * (im - meanIm[k]);
        }
    }

    public int count() {
        return count;
    }

    public int dimension() {
        return n;
    }

    /** The mean over samples and grid points: the homogeneous part of the sample mean. */
    public double spatialMean() {
        requireSamples(1);
        return entrySum / ((double) count * n);
    }

    /**
     * λ_k for k = 0..⌊n/2⌋ (λ_{n−k} = λ_k): the eigenvalues of the circulant average of the unbiased sample
     * covariance. Needs at least 2 samples.
     */
    public double[] eigenvalues() {
        requireSamples(2);
        double norm = 1.0 / ((double) n * (count - 1));
        double[] lambda = new double[sumSquares.length];
        for (int k = 0; k < lambda.length; k++) {
            lambda[k] = Math.max(sumSquares[k], 0.0) * norm; // ≥ 0 up to rounding of Welford's update
        }
        return lambda;
    }

    private void requireSamples(int min) {
        if (count < min) {
            throw new IllegalArgumentException(what + ": " + count + (count == 1 ? " sample" : " samples")
                    + "; at least " + min + " needed");
        }
    }

    /** Mean of all n eigenvalues of a circulant matrix given by frequencies 0..n/2: its mean variance c(0). */
    static double meanEigenvalue(double[] lambda, int n) {
        double s = 0;
        for (int k = 0; k < lambda.length; k++) {
            s += RealFft.multiplicity(n, k) * lambda[k];
        }
        return s / n;
    }
}
