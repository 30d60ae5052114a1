package org.vaevar.priors.vae.net;

import java.util.List;
import org.vaevar.api.util.Checks;

/**
 * A feed-forward network h_l = f_l(A_l h_{l−1} + b_l), l = 1..L, in plain double arithmetic: the decoder (and
 * encoder) of a trained VAE as it runs inside the minimiser. One small ND4J call costs tens of microseconds, a
 * whole forward pass here a few (see {@code DecoderBenchmark}).
 */
public final class Network {

    private final List<Layer> layers;

    public Network(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network: no layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).weights().inputSize() != layers.get(l - 1).weights().outputSize()) {
                throw new IllegalArgumentException("network: layer " + l + " takes "
                        + layers.get(l).weights().inputSize() + " inputs but layer " + (l - 1) + " gives "
                        + layers.get(l - 1).weights().outputSize());
            }
        }
        this.layers = List.copyOf(layers);
    }

    public int inputSize() {
        return layers.get(0).weights().inputSize();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).weights().outputSize();
    }

    List<Layer> layers() {
        return layers;
    }

    /** The network's output at x (a new array). */
    public double[] apply(double[] x) {
        Checks.dimension("network input", x, inputSize());
        double[] h = x;
        for (Layer layer : layers) {
            double[] a = new double[layer.weights().outputSize()];
            layer.weights().apply(h, a);
            double[] b = layer.bias();
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            layer.activation().evaluate(a, a, null, null);
            h = a;
        }
        return h;
    }

    /** Forward pass at x, storing f'(a_l) for the tangent-linear and adjoint. */
    public NetworkTape linearize(double[] x) {
        return tape(x, false);
    }

    /** Forward pass storing f'(a_l) and f''(a_l) (for second-order adjoints). */
    NetworkTape tape(double[] x, boolean secondOrder) {
        Checks.dimension("network input", x, inputSize());
        int depth = layers.size();
        double[][] df = new double[depth][];
        double[][] d2f = secondOrder ? new double[depth][] : null;
        double[] h = x;
        for (int l = 0; l < depth; l++) {
            Layer layer = layers.get(l);
            int m = layer.weights().outputSize();
            double[] a = new double[m];
            layer.weights().apply(h, a);
            double[] b = layer.bias();
            for (int i = 0; i < m; i++) {
                a[i] += b[i];
            }
            df[l] = new double[m];
            if (secondOrder) {
                d2f[l] = new double[m];
            }
            layer.activation().evaluate(a, a, df[l], secondOrder ? d2f[l] : null);
            h = a;
        }
        return new NetworkTape(this, h, df, d2f);
    }

    /**
     * The same network with the input channels from {@code keep} on fixed to {@code fixed} (laid out grid point ×
     * channel for the fixed channels): the fixed part is folded into the first layer's bias, so a conditional
     * decoder D(z; xb) becomes a network of z alone for one background.
     */
    public Network withFixedInputChannels(int keep, double[] fixed) {
        Layer first = layers.get(0);
        LinearPart[] parts = first.weights().splitInputChannels(keep);
        Checks.dimension("fixed network input", fixed, parts[1].inputSize());
        double[] bias = new double[first.bias().length];
        parts[1].apply(fixed, bias);
        for (int i = 0; i < bias.length; i++) {
            bias[i] += first.bias()[i];
        }
        List<Layer> out = new java.util.ArrayList<>(layers);
        out.set(0, new Layer(parts[0], bias, first.activation()));
        return new Network(out);
    }
}
