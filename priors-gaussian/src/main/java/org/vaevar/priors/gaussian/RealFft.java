package org.vaevar.priors.gaussian;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The real discrete Fourier transform X_k = Σ_i x_i e^{−2πi ik/n} of length n (any n: JTransforms uses mixed radix
 * or Bluestein), in place, in JTransforms' packed layout, plus the index arithmetic of that layout.
 *
 * <p>Packed layout of the n reals after {@link #forward}: Re X_0 at 0; for 0 &lt; k &lt; n/2, Re X_k at 2k and
 * Im X_k at 2k+1; for even n, Re X_{n/2} at 1; for odd n, Re X_{(n−1)/2} at n−1 and Im X_{(n−1)/2} at 1. A real
 * signal's other half follows from X_{n−k} = conj X_k, so frequencies 0..n/2 ({@link #frequencies}) say it all.
 *
 * <p>One FFT plan per thread (a plan's scratch use is not documented as thread-safe, and a prior is shared by
 * parallel runs). JTransforms is kept single-threaded: parallelism lives at the level of runs, and a fixed
 * operation order keeps results bit-identical whatever the machine's core count.
 */
final class RealFft {

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int n;
    private final ThreadLocal<DoubleFFT_1D> plan;

    RealFft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT length = " + n + ": must be positive");
        }
        this.n = n;
        this.plan = ThreadLocal.withInitial(() -> new DoubleFFT_1D(n));
    }

    int length() {
        return n;
    }

    /** Number of distinct frequencies of a real signal: 0..⌊n/2⌋. */
    static int frequencies(int n) {
        return n / 2 + 1;
    }

    /** x (the first n entries of a) is replaced by its packed transform. */
    void forward(double[] a) {
        plan.get().realForward(a);
    }

    /** A packed transform is replaced by its inverse, scaled by 1/n so that inverse(forward(x)) = x. */
    void inverse(double[] a) {
        plan.get().realInverse(a, true);
    }

    /** Index of Re X_k in the packed layout, 0 ≤ k ≤ n/2. */
    static int re(int n, int k) {
        if (k == 0) {
            return 0;
        }
        if (2 * k == n) {
            return 1;
        }
        return 2 * k;
    }

    /** Index of Im X_k in the packed layout, or −1 where Im X_k is 0 (k = 0, and k = n/2 for even n). */
    static int im(int n, int k) {
        if (k == 0 || 2 * k == n) {
            return -1;
        }
        if (2 * k == n - 1) {
            return 1;
        }
        return 2 * k + 1;
    }

    /**
     * The packed-layout multiplier of a real even spectrum: entry j is r_k for the frequency k stored at j, so
     * that multiplying a packed transform by it entrywise multiplies every X_k by r_k.
     */
    static double[] packedMultiplier(double[] perFrequency, int n) {
        if (perFrequency.length != frequencies(n)) {
            throw new IllegalArgumentException("spectrum has " + perFrequency.length + " frequencies; expected "
                    + frequencies(n) + " for n = " + n);
        }
        double[] m = new double[n];
        for (int k = 0; k < perFrequency.length; k++) {
            m[re(n, k)] = perFrequency[k];
            int im = im(n, k);
            if (im >= 0) {
                m[im] = perFrequency[k];
            }
        }
        return m;
    }

    /** How many of the n eigenvalues of a circulant matrix frequency k stands for: 1 or 2 (k and n − k). */
    static int multiplicity(int n, int k) {
        return k == 0 || 2 * k == n ? 1 : 2;
    }
}
