package org.vaevar.priors.gaussian;

import org.vaevar.api.util.Checks;

/**
 * The Gaspari–Cohn taper (Gaspari and Cohn 1999, eq. 4.10), a compactly supported fifth-order piecewise rational
 * correlation function: ρ(0) = 1, ρ(d) = 0 for d ≥ 2c, with c the half-width. It is positive definite in up to
 * three dimensions, so the Schur product ρ ∘ B of a covariance B keeps B positive semi-definite and, for a
 * rank-deficient sample covariance with a positive diagonal, makes it positive definite (Schur product theorem).
 *
 * <p>On a periodic grid of n points (a ring, e.g. Lorenz 96) the distance of points i and j is
 * min(|i − j|, n − |i − j|) grid points, and the taper matrix C(i, j) = ρ(d(i, j)) is circulant.
 */
public final class GaspariCohn {

    private GaspariCohn() {
    }

    /** ρ(d) for a distance d ≥ 0 and half-width c &gt; 0. */
    public static double taper(double distance, double halfWidth) {
        double z = Math.abs(distance) / halfWidth;
        if (z >= 2) {
            return 0;
        }
        double z2 = z * z;
        double z3 = z2 * z;
        if (z <= 1) {
            return 1 + z2 * (-5.0 / 3 + z * (5.0 / 8 + z * (1.0 / 2 - z / 4)));
        }
        return z3 * (5.0 / 8 + z * (-1.0 / 2 + z / 12)) + 5.0 / 3 * z2 - 5 * z + 4 - 2 / (3 * z);
    }

    /** Distance of grid points i and j on a ring of n points. */
    public static int ringDistance(int i, int j, int n) {
        int d = Math.abs(i - j) % n;
        return Math.min(d, n - d);
    }

    /** ρ(ring distance k) for k = 0..n−1: the first row of the circulant taper matrix. */
    public static double[] ringProfile(int n, double halfWidth) {
        Checks.positive("dimension", n);
        Checks.positive("localisation", halfWidth);
        double[] profile = new double[n];
        for (int k = 0; k < n; k++) {
            profile[k] = taper(ringDistance(0, k, n), halfWidth);
        }
        return profile;
    }

    /** C ∘ B in place for a dense row-major n×n B on a ring. */
    static void localiseInPlace(double[] b, int n, double halfWidth) {
        double[] profile = ringProfile(n, halfWidth);
        for (int i = 0; i < n; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                b[base + j] *= profile[Math.floorMod(j - i, n)];
            }
        }
    }

    /**
     * The eigenvalues of the circulant taper matrix on a ring, frequencies 0..⌊n/2⌋, by FFT of its profile.
     * Sampling ρ at integer distances keeps it positive semi-definite while its support does not wrap around the
     * ring (2c ≤ n/2); tiny negatives from rounding are clamped, a clearly negative one (a taper wider than the
     * ring allows) is refused.
     */
    static double[] ringEigenvalues(int n, double halfWidth) {
        double[] a = ringProfile(n, halfWidth);
        new RealFft(n).forward(a);
        double[] lambda = new double[RealFft.frequencies(n)];
        double largest = 0;
        for (int k = 0; k < lambda.length; k++) {
            lambda[k] = a[RealFft.re(n, k)]; // real: the profile is even
            largest = Math.max(largest, lambda[k]);
        }
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] < -1e-10 * largest) {
                throw new IllegalArgumentException("localisation = " + halfWidth + ": the Gaspari–Cohn taper is"
                        + " not positive semi-definite on a ring of " + n + " points (eigenvalue " + lambda[k]
                        + "); use a half-width of at most n/4 = " + n / 4.0);
            }
            lambda[k] = Math.max(lambda[k], 0);
        }
        return lambda;
    }
}
