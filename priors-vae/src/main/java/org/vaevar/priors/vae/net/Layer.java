package org.vaevar.priors.vae.net;

/**
 * One layer h = f(A x + b). The bias has one entry per output (per grid point and channel for a convolution),
 * so a fixed conditioning input folded into it may vary along the grid.
 */
public record Layer(LinearPart weights, double[] bias, Activation activation) {

    public Layer {
        if (bias.length != weights.outputSize()) {
            throw new IllegalArgumentException("layer bias has " + bias.length + " entries; expected "
                    + weights.outputSize());
        }
    }

    /** Expands a per-channel bias (length = channels) over a grid of {@code gridPoints} points. */
    public static double[] expandBias(float[] perChannel, int gridPoints) {
        int c = perChannel.length;
        double[] out = new double[c * gridPoints];
        for (int i = 0; i < gridPoints; i++) {
            for (int o = 0; o < c; o++) {
                out[i * c + o] = perChannel[o];
            }
        }
        return out;
    }
}
