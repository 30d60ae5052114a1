package org.vaevar.priors.vae.net;

/** A dense weight matrix A (out × in), stored row-major in double. */
public final class DenseWeights implements LinearPart {

    private final int in;
    private final int out;
    private final double[] a; // a[o·in + i] = A_oi

    private DenseWeights(int in, int out, double[] a) {
        this.in = in;
        this.out = out;
        this.a = a;
    }

    /**
     * From the training layout: W with shape [in, out] row-major (y = x W, as ND4J computes a batch), so
     * A = Wᵀ.
     */
    public static DenseWeights fromInputMajor(int in, int out, float[] w) {
        if (w.length != in * out) {
            throw new IllegalArgumentException("dense weights: " + w.length + " values for shape [" + in + ", "
                    + out + "]");
        }
        double[] a = new double[in * out];
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                a[o * in + i] = w[i * out + o];
            }
        }
        return new DenseWeights(in, out, a);
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public int inputChannels() {
        return in;
    }

    @Override
    public void apply(double[] x, double[] y) {
        // Four partial sums break the add latency chain of each row's dot product (a fixed order: bit-reproducible).
        int tail = in & ~3;
        for (int o = 0; o < out; o++) {
            int row = o * in;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < tail; i += 4) {
                s0 += a[row + i] * x[i];
                s1 += a[row + i + 1] * x[i + 1];
                s2 += a[row + i + 2] * x[i + 2];
                s3 += a[row + i + 3] * x[i + 3];
            }
            for (int i = tail; i < in; i++) {
                s0 += a[row + i] * x[i];
            }
            y[o] = (s0 + s1) + (s2 + s3);
        }
    }

    @Override
    public void applyTranspose(double[] y, double[] x) {
        java.util.Arrays.fill(x, 0, in, 0.0);
        for (int o = 0; o < out; o++) {
            double yo = y[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                x[i] += a[row + i] * yo;
            }
        }
    }

    @Override
    public LinearPart[] splitInputChannels(int first) {
        if (first <= 0 || first >= in) {
            throw new IllegalArgumentException("split of a dense layer with " + in + " inputs at " + first);
        }
        int rest = in - first;
        double[] a1 = new double[out * first];
        double[] a2 = new double[out * rest];
        for (int o = 0; o < out; o++) {
            System.arraycopy(a, o * in, a1, o * first, first);
            System.arraycopy(a, o * in + first, a2, o * rest, rest);
        }
        return new LinearPart[] {new DenseWeights(first, out, a1), new DenseWeights(rest, out, a2)};
    }
}
