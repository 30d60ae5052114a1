package org.vaevar.priors.vae.net;

/**
 * A 1-D convolution on a periodic grid of n points ("circular" padding), kernel size k (odd, centred):
 * y[i][o] = Σ_j Σ_c W[j][c][o] · x[(i + j − k/2) mod n][c]. It commutes with cyclic shifts of the grid
 * (translation equivariance), as a homogeneous periodic domain such as Lorenz 96 asks for.
 */
public final class CircularConvWeights implements LinearPart {

    private final int n;
    private final int cin;
    private final int cout;
    private final int k;
    private final double[] w;  // w[(j·cin + c)·cout + o], the training layout [k·cin, cout] row-major
    private final double[] wT; // wT[(j·cout + o)·cin + c]: the same weights laid out for the transpose's axpy
    private final int[] source; // source[i·k + j] = ((i + j − k/2) mod n)·cin: no modulo in the inner loops

    private CircularConvWeights(int n, int cin, int cout, int k, double[] w) {
        this.n = n;
        this.cin = cin;
        this.cout = cout;
        this.k = k;
        this.w = w;
        this.wT = new double[w.length];
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < cin; c++) {
                for (int o = 0; o < cout; o++) {
                    wT[(j * cout + o) * cin + c] = w[(j * cin + c) * cout + o];
                }
            }
        }
        this.source = new int[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                source[i * k + j] = Math.floorMod(i + j - k / 2, n) * cin;
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
        java.util.Arrays.fill(y, 0, n * cout, 0.0);
        for (int i = 0; i < n; i++) {
            int yi = i * cout;
            for (int j = 0; j < k; j++) {
                int src = source[i * k + j];
                for (int c = 0; c < cin; c++) {
                    double xv = x[src + c];
                    int wRow = (j * cin + c) * cout;
                    for (int o = 0; o < cout; o++) {
                        y[yi + o] += w[wRow + o] * xv;
                    }
                }
            }
        }
    }

    @Override
    public void applyTranspose(double[] y, double[] x) {
        // x[src + c] += Σ_o W[j][c][o] y[i][o], written as axpys over c on the transposed layout (vectorisable)
        // instead of dot products over o (a latency-bound reduction).
        java.util.Arrays.fill(x, 0, n * cin, 0.0);
        for (int i = 0; i < n; i++) {
            int yi = i * cout;
            for (int j = 0; j < k; j++) {
                int src = source[i * k + j];
                for (int o = 0; o < cout; o++) {
                    double yv = y[yi + o];
                    int row = (j * cout + o) * cin;
                    for (int c = 0; c < cin; c++) {
                        x[src + c] += wT[row + c] * yv;
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
