package org.vaevar.priors.vae.net;

/**
 * The straightforward circular convolution the fast {@link CircularConvWeights} replaced, kept as the reference it
 * is tested against. A 1-D convolution on a periodic grid of n points ("circular" padding), kernel size k:
 * y[i][o] = Σ_j Σ_c W[j][c][o] · x[(i + j − k/2) mod n][c]. It commutes with cyclic shifts of the grid
 * (translation equivariance), as a homogeneous periodic domain such as Lorenz 96 asks for.
 */
final class ReferenceCircularConv {

    private final int n;
    private final int cin;
    private final int cout;
    private final int k;
    private final double[] w;  // w[(j·cin + c)·cout + o], the training layout [k·cin, cout] row-major
    private final double[] wT; // wT[(j·cout + o)·cin + c]: the same weights laid out for the transpose's axpy
    private final int[] source; // source[i·k + j] = ((i + j − k/2) mod n)·cin: no modulo in the inner loops

    ReferenceCircularConv(int n, int cin, int cout, int k, double[] w) {
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
    static ReferenceCircularConv of(int n, int cin, int cout, int k, double[] w) {
        return new ReferenceCircularConv(n, cin, cout, k, w.clone());
    }

    public int inputSize() {
        return n * cin;
    }

    public int outputSize() {
        return n * cout;
    }

    public int inputChannels() {
        return cin;
    }

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
}
