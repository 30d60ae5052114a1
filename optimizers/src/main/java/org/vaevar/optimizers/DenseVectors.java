package org.vaevar.optimizers;

import org.vaevar.api.parallel.Blocks;

/**
 * The few vector kernels of the minimizers' inner loops. The dot product keeps four partial sums: a single
 * running sum is one long chain of dependent additions (about four cycles each), four independent chains run
 * about four times faster. The summation order is fixed, so results stay bit-reproducible. Large vectors run over
 * {@link Blocks}: the dot product is this sum per block, the block sums added in block order (for n ≤ one block
 * the plain loop), so it does not depend on the thread count either.
 */
final class DenseVectors {

    private DenseVectors() {
    }

    /** aᵀb. */
    static double dot(double[] a, double[] b) {
        return Blocks.sum(a.length, 4, (from, to) -> dot(a, b, from, to)); // 2 loads, a multiply-add
    }

    /** Σ_{from ≤ i < to} a_i b_i in four interleaved chains. */
    private static double dot(double[] a, double[] b, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
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
        Blocks.forEach(y.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] += s * x[i];
            }
        });
    }

    /** y ← s·y. */
    static void scale(double[] y, double s) {
        Blocks.forEach(y.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                y[i] *= s;
            }
        });
    }

    /** out ← x + α·d. */
    static void step(double[] x, double alpha, double[] d, double[] out) {
        Blocks.forEach(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] + alpha * d[i];
            }
        });
    }

    /** out ← −a. */
    static void negate(double[] a, double[] out) {
        Blocks.forEach(a.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = -a[i];
            }
        });
    }
}
