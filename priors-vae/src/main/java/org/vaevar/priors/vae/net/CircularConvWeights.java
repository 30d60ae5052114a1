package org.vaevar.priors.vae.net;

import org.vaevar.api.parallel.Blocks;

/**
 * A 1-D convolution on a periodic grid of n points ("circular" padding), kernel size k (odd, centred):
 * y[i][o] = Σ_j Σ_c W[j][c][o] · x[(i + j − k/2) mod n][c]. It commutes with cyclic shifts of the grid
 * (translation equivariance), as a homogeneous periodic domain such as Lorenz 96 asks for.
 *
 * <p>Both products are one kernel, a multi-channel correlation {@link #correlate} of a padded input:
 * <ul>
 *   <li>forward: y_o = Σ_c Σ_j W[j][c][o] · xpad_c[i + j], with xpad_c[t] = x_c[(t − h) mod n], h = k/2;</li>
 *   <li>adjoint: x_c[m] = Σ_o Σ_j W[j][c][o] · y_o[(m + h − j) mod n] = Σ_o Σ_j' W[k−1−j'][c][o] · ypad_o[m + j'],
 *       the same correlation with the roles of c and o swapped and the taps reversed.</li>
 * </ul>
 * Why it is fast: the vectors are laid out grid point × channel, so the kernel first copies each channel into a
 * contiguous padded row, halo included (the only modulo arithmetic, once per layer and channel); its inner loop
 * then runs over contiguous grid points with the k taps of one (output, input) channel pair in registers, a loop
 * C2 compiles to vector fused multiply-adds, and each output row is read and written once per input channel
 * rather than once per tap. A one-channel output (the decoder's last layer) is accumulated in place. At large n
 * the grid points run in {@link Blocks} on the compute threads; a block's outputs are the serial loop's, bit for
 * bit.
 */
public final class CircularConvWeights implements LinearPart {

    /** Output channels computed together by the k = 5 kernel. */
    private static final int BLOCK = 4;

    private final int n;
    private final int cin;
    private final int cout;
    private final int k;
    private final double[] w;        // w[(j·cin + c)·cout + o], the training layout [k·cin, cout] row-major
    private final double[] forward;  // forward[(o·cin + c)·k + j] = W[j][c][o]
    private final double[] backward; // backward[(c·cout + o)·k + j'] = W[k−1−j'][c][o]

    private CircularConvWeights(int n, int cin, int cout, int k, double[] w) {
        if (k % 2 == 0 || k < 1) {
            throw new IllegalArgumentException("convolution kernel = " + k + ": must be odd and positive");
        }
        this.n = n;
        this.cin = cin;
        this.cout = cout;
        this.k = k;
        this.w = w;
        this.forward = new double[w.length];
        this.backward = new double[w.length];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < cin; c++) {
                for (int o = 0; o < cout; o++) {
                    double v = w[(j * cin + c) * cout + o];
                    forward[(o * cin + c) * k + j] = v;
                    backward[(c * cout + o) * k + (k - 1 - j)] = v;
                }
            }
        }
    }

    /** From the training layout: W with shape [k·cin, cout] row-major, row j·cin + c. */
    public static CircularConvWeights fromTrainingLayout(int n, int cin, int cout, int k, float[] w) {
        if (w.length != k * cin * cout) {
            throw new IllegalArgumentException("convolution weights: " + w.length + " values for shape ["
                    + (k * cin) + ", " + cout + "]");
        }
        double[] d = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            d[i] = w[i];
        }
        return new CircularConvWeights(n, cin, cout, k, d);
    }

    @Override
    public int inputSize() {
        return n * cin;
    }

    @Override
    public int outputSize() {
        return n * cout;
    }

    @Override
    public int inputChannels() {
        return cin;
    }

    @Override
    public void apply(double[] x, double[] y) {
        correlate(x, cin, cout, forward, y);
    }

    @Override
    public void applyTranspose(double[] y, double[] x) {
        correlate(y, cout, cin, backward, x);
    }

    /**
     * out_b[i] = Σ_a Σ_j taps[(b·inC + a)·k + j] · pad_a[i + j] for every output channel b and grid point i, with
     * pad_a the input channel a extended periodically by h = k/2 points on each side. {@code in} and {@code out}
     * are laid out grid point × channel.
     */
    private void correlate(double[] in, int inC, int outC, double[] taps, double[] out) {
        int h = k / 2;
        int width = n + 2 * h;
        double[] pad = new double[inC * width]; // per call: a network is shared by parallel runs
        Blocks.forEach(n, inC, (from, to) -> {
            for (int a = 0; a < inC; a++) {
                int row = a * width + h;
                for (int i = from; i < to; i++) {
                    pad[row + i] = in[i * inC + a];
                }
            }
        });
        for (int a = 0; a < inC; a++) {
            int row = a * width;
            for (int t = 0; t < h; t++) { // the circular halo: the only modulo arithmetic
                pad[row + t] = in[Math.floorMod(t - h, n) * inC + a];
                pad[row + h + n + t] = in[Math.floorMod(n + t, n) * inC + a];
            }
        }
        // Grid points in blocks (Blocks): each output is the same sum in the same order whoever computes it.
        Blocks.forEach(n, (long) inC * outC * k, (from, to) -> correlate(pad, width, inC, outC, taps, out, from, to));
    }

    /** {@link #correlate} for the grid points [from, to), from the padded input. */
    private void correlate(double[] pad, int width, int inC, int outC, double[] taps, double[] out, int from,
            int to) {
        int len = to - from;
        if (outC == 1) { // the decoder's last layer: accumulate in place
            java.util.Arrays.fill(out, from, to, 0.0);
            for (int a = 0; a < inC; a++) {
                accumulate(out, from, pad, a * width + from, taps, a * k, len);
            }
            return;
        }
        double[] acc = new double[BLOCK * len];
        int b = 0;
        for (; b + BLOCK <= outC && k == 5; b += BLOCK) { // BLOCK output channels per sweep of each input row
            java.util.Arrays.fill(acc, 0.0);
            for (int a = 0; a < inC; a++) {
                accumulateBlock5(acc, len, pad, a * width + from, taps, (b * inC + a) * k, inC * k);
            }
            for (int q = 0; q < BLOCK; q++) {
                for (int i = 0; i < len; i++) {
                    out[(from + i) * outC + b + q] = acc[q * len + i];
                }
            }
        }
        for (; b < outC; b++) {
            java.util.Arrays.fill(acc, 0, len, 0.0);
            for (int a = 0; a < inC; a++) {
                accumulate(acc, 0, pad, a * width + from, taps, (b * inC + a) * k, len);
            }
            for (int i = 0; i < len; i++) {
                out[(from + i) * outC + b] = acc[i];
            }
        }
    }

    /**
     * For k = 5 and {@link #BLOCK} consecutive output channels at once: acc[q·n + i] += Σ_j taps[t + q·stride + j]
     * · pad[p + i + j], i &lt; n (here n is the block's length). Each padded input value loaded serves all of them (20
     * multiply-adds per 5 loads).
     */
    private void accumulateBlock5(double[] acc, int n, double[] pad, int p, double[] taps, int t, int stride) {
        int t1 = t + stride;
        int t2 = t1 + stride;
        int t3 = t2 + stride;
        double a0 = taps[t], a1 = taps[t + 1], a2 = taps[t + 2], a3 = taps[t + 3], a4 = taps[t + 4];
        double b0 = taps[t1], b1 = taps[t1 + 1], b2 = taps[t1 + 2], b3 = taps[t1 + 3], b4 = taps[t1 + 4];
        double c0 = taps[t2], c1 = taps[t2 + 1], c2 = taps[t2 + 2], c3 = taps[t2 + 3], c4 = taps[t2 + 4];
        double d0 = taps[t3], d1 = taps[t3 + 1], d2 = taps[t3 + 2], d3 = taps[t3 + 3], d4 = taps[t3 + 4];
        int n1 = n;
        int n2 = 2 * n;
        int n3 = 3 * n;
        for (int i = 0; i < n; i++) {
            int q = p + i;
            double x0 = pad[q];
            double x1 = pad[q + 1];
            double x2 = pad[q + 2];
            double x3 = pad[q + 3];
            double x4 = pad[q + 4];
            acc[i] = Math.fma(a4, x4, Math.fma(a3, x3, Math.fma(a2, x2, Math.fma(a1, x1,
                    Math.fma(a0, x0, acc[i])))));
            acc[n1 + i] = Math.fma(b4, x4, Math.fma(b3, x3, Math.fma(b2, x2, Math.fma(b1, x1,
                    Math.fma(b0, x0, acc[n1 + i])))));
            acc[n2 + i] = Math.fma(c4, x4, Math.fma(c3, x3, Math.fma(c2, x2, Math.fma(c1, x1,
                    Math.fma(c0, x0, acc[n2 + i])))));
            acc[n3 + i] = Math.fma(d4, x4, Math.fma(d3, x3, Math.fma(d2, x2, Math.fma(d1, x1,
                    Math.fma(d0, x0, acc[n3 + i])))));
        }
    }

    /**
     * acc[o + i] += Σ_j taps[t + j] · pad[p + i + j], i &lt; n (the block's length): the taps stay in registers, acc is
     * swept once.
     */
    private void accumulate(double[] acc, int o, double[] pad, int p, double[] taps, int t, int n) {
        switch (k) {
            case 5 -> {
                double w0 = taps[t];
                double w1 = taps[t + 1];
                double w2 = taps[t + 2];
                double w3 = taps[t + 3];
                double w4 = taps[t + 4];
                for (int i = 0; i < n; i++) {
                    int q = p + i;
                    acc[o + i] = Math.fma(w4, pad[q + 4], Math.fma(w3, pad[q + 3], Math.fma(w2, pad[q + 2],
                            Math.fma(w1, pad[q + 1], Math.fma(w0, pad[q], acc[o + i])))));
                }
            }
            case 3 -> {
                double w0 = taps[t];
                double w1 = taps[t + 1];
                double w2 = taps[t + 2];
                for (int i = 0; i < n; i++) {
                    int q = p + i;
                    acc[o + i] = Math.fma(w2, pad[q + 2], Math.fma(w1, pad[q + 1], Math.fma(w0, pad[q],
                            acc[o + i])));
                }
            }
            default -> {
                for (int j = 0; j < k; j++) {
                    double wj = taps[t + j];
                    int q = p + j;
                    for (int i = 0; i < n; i++) {
                        acc[o + i] = Math.fma(wj, pad[q + i], acc[o + i]);
                    }
                }
            }
        }
    }

    @Override
    public LinearPart[] splitInputChannels(int first) {
        if (first <= 0 || first >= cin) {
            throw new IllegalArgumentException("split of a convolution with " + cin + " input channels at "
                    + first);
        }
        int rest = cin - first;
        double[] w1 = new double[k * first * cout];
        double[] w2 = new double[k * rest * cout];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < cin; c++) {
                int from = (j * cin + c) * cout;
                if (c < first) {
                    System.arraycopy(w, from, w1, (j * first + c) * cout, cout);
                } else {
                    System.arraycopy(w, from, w2, (j * rest + c - first) * cout, cout);
                }
            }
        }
        return new LinearPart[] {new CircularConvWeights(n, first, cout, k, w1),
            new CircularConvWeights(n, rest, cout, k, w2)};
    }
}
