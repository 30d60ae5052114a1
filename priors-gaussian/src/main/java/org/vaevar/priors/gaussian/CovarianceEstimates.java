package org.vaevar.priors.gaussian;

import org.vaevar.api.util.Checks;

/**
 * Estimators of a background-error covariance from samples, on dense row-major n×n {@code double[]}
 * (entry (i, j) at {@code i * n + j}).
 */
public final class CovarianceEstimates {

    private CovarianceEstimates() {
    }

    /** The sample mean μ = (1/N) Σ_k row_k. Rows must be finite and of one length. */
    public static double[] mean(String what, double[][] rows) {
        int n = checkRows(what, rows, 1);
        double[] mu = new double[n];
        for (double[] row : rows) {
            for (int i = 0; i < n; i++) {
                mu[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mu[i] /= rows.length;
        }
        return mu;
    }

    /**
     * The unbiased sample covariance C = (1/(N−1)) Σ_k (r_k − μ)(r_k − μ)ᵀ about the sample mean μ: the
     * standard estimate. Needs N ≥ 2 rows. Rank ≤ N − 1, so singular whenever N ≤ n: see {@link #withRidge}.
     */
    public static double[] sampleCovariance(String what, double[][] rows) {
        int n = checkRows(what, rows, 2);
        double[] mu = mean(what, rows);
        double[] c = new double[n * n];
        double[] d = new double[n];
        for (double[] row : rows) {
            for (int i = 0; i < n; i++) {
                d[i] = row[i] - mu[i];
            }
            for (int i = 0; i < n; i++) {
                double di = d[i];
                int base = i * n;
                for (int j = i; j < n; j++) { // upper triangle; mirrored below
                    c[base + j] += di * d[j];
                }
            }
        }
        double norm = 1.0 / (rows.length - 1);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = c[i * n + j] * norm;
                c[i * n + j] = v;
                c[j * n + i] = v;
            }
        }
        return c;
    }

    /**
     * The homogeneous (circulant) average of a covariance on a periodic grid: c(k) = mean_i C(i, (i+k) mod n),
     * B(i, j) = c((j − i) mod n). It is the mean of C over all cyclic shifts, (1/n) Σ_s P_s C P_sᵀ, hence
     * symmetric and positive semi-definite when C is, with the same trace, and it commutes with every shift.
     */
    public static double[] circulantAverage(double[] c, int n) {
        checkSquare("covariance", c, n);
        double[] profile = new double[n]; // c(k)
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += c[i * n + (i + k) % n];
            }
            profile[k] = s / n;
        }
        // c(k) = c(n − k) in exact arithmetic (C is symmetric); enforce it to the last bit so B is exactly
        // symmetric as well as exactly circulant.
        for (int k = 1; k < n - k; k++) {
            double v = 0.5 * (profile[k] + profile[n - k]);
            profile[k] = v;
            profile[n - k] = v;
        }
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = profile[Math.floorMod(j - i, n)];
            }
        }
        return b;
    }

    /** tr(B) / n: the mean variance. */
    public static double meanVariance(double[] b, int n) {
        checkSquare("covariance", b, n);
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += b[i * n + i];
        }
        return t / n;
    }

    /**
     * B + r · (tr B / n) · I: a ridge relative to the mean variance, so r is dimensionless and the same r suits
     * any units. For r &gt; 0 and B ≠ 0 the result is positive definite (smallest eigenvalue ≥ r · tr B / n)
     * even when B was estimated from fewer samples than dimensions; it adds r to the relative variance of every
     * component and leaves correlations nearly unchanged for small r.
     */
    public static double[] withRidge(double[] b, int n, double r) {
        Checks.nonNegative("regularization", r);
        double ridge = r * meanVariance(b, n);
        double[] out = b.clone();
        for (int i = 0; i < n; i++) {
            out[i * n + i] += ridge;
        }
        return out;
    }

    /** s · B as a new matrix. */
    public static double[] scaled(double s, double[] b) {
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = s * b[i];
        }
        return out;
    }

    static void symmetrizeInPlace(double[] b, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (b[i * n + j] + b[j * n + i]);
                b[i * n + j] = v;
                b[j * n + i] = v;
            }
        }
    }

    static void checkSquare(String what, double[] b, int n) {
        Checks.positive("dimension", n);
        if (b == null || b.length != n * n) {
            throw new IllegalArgumentException(what + " has " + (b == null ? "no" : b.length) + " entries; expected "
                    + n + "×" + n + " = " + n * n);
        }
        Checks.finite(what, b);
    }

    /** Checks at least {@code min} finite rows of one positive length; returns the length. */
    private static int checkRows(String what, double[][] rows, int min) {
        if (rows == null || rows.length < min) {
            int count = rows == null ? 0 : rows.length;
            throw new IllegalArgumentException(what + ": " + count + (count == 1 ? " sample" : " samples")
                    + "; at least " + min + " needed");
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new IllegalArgumentException(what + " sample 0 is empty");
        }
        int n = rows[0].length;
        for (int k = 0; k < rows.length; k++) {
            Checks.finiteWithDimension(what + " sample " + k, rows[k], n);
        }
        return n;
    }
}
