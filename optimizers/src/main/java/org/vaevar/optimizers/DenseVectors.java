package org.vaevar.optimizers;

/**
 * The few vector kernels of the minimizers' inner loops. The dot product keeps four partial sums: a single
 * running sum is one long chain of dependent additions (about four cycles each), four independent chains run
 * about four times faster. The summation order is fixed, so results stay bit-reproducible.
 */
final class DenseVectors {

    private DenseVectors() {
    }

    /** aᵀb. */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** ‖a‖₂. */
    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y ← y + s·x. */
    static void addScaled(double[] y, double s, double[] x) {
        for (int i = 0; i < y.length; i++) {
            y[i] += s * x[i];
        }
    }
}
