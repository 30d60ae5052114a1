package org.vaevar.priors.vae;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;

/**
 * The shape of a VAE over normalised corrections δ ∈ Rⁿ (optionally conditioned on the normalised background).
 *
 * <ul>
 *   <li>{@link Kind#MLP}: encoder [δ (, xb)] → depth × (width, f) → [μ, log σ²] (2·latent); decoder
 *       [z (, xb)] → depth × (width, f) → δ̂ (n, linear).</li>
 *   <li>{@link Kind#CONV}: the same with circular 1-D convolutions (kernel size odd) on the periodic grid of n
 *       points: channels instead of widths; the latent is a field of latent/n channels per grid point; the
 *       background enters as one extra input channel. Translation equivariant.</li>
 * </ul>
 * Vectors on a grid are laid out grid point × channel (index i·channels + c); the latent of a one-channel
 * convolutional VAE is therefore z_i at grid point i.
 *
 * @param hidden width (MLP) or channels (CONV) of each hidden layer
 * @param depth  number of hidden layers in each of encoder and decoder (≥ 1)
 * @param kernel kernel size of the convolutions (odd; ignored for MLP, stored as 1)
 */
public record VaeArchitecture(Kind kind, int stateDimension, int latentDimension, int hidden, int depth,
                              int kernel, Activation activation, boolean conditional) {

    /** Network family. */
    public enum Kind {
        MLP, CONV;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.id().equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("architecture = " + s + ": unknown; known: mlp, conv");
        }
    }

    public VaeArchitecture {
        if (kind == null || activation == null) {
            throw new IllegalArgumentException("VAE architecture: kind and activation are required");
        }
        positive("stateDimension", stateDimension);
        positive("latent", latentDimension);
        positive("hidden", hidden);
        positive("depth", depth);
        if (activation == Activation.IDENTITY) {
            throw new IllegalArgumentException("activation = identity: hidden layers need a nonlinearity");
        }
        if (kind == Kind.CONV) {
            if (latentDimension % stateDimension != 0) {
                throw new IllegalArgumentException("latent = " + latentDimension + ": a convolutional VAE needs a"
                        + " multiple of the state dimension " + stateDimension + " (channels per grid point)");
            }
            if (kernel < 1 || kernel % 2 == 0) {
                throw new IllegalArgumentException("kernelSize = " + kernel + ": must be odd and positive");
            }
            if (kernel > stateDimension) {
                throw new IllegalArgumentException("kernelSize = " + kernel + ": larger than the grid ("
                        + stateDimension + " points)");
            }
        } else {
            kernel = 1;
        }
    }

    private static void positive(String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " = " + v + ": must be positive");
        }
    }

    /**
     * True when no weight's shape depends on the state dimension: a circular convolution's kernels act on any
     * periodic grid, so a CONV VAE trained at one n runs at another (same channels per grid point).
     */
    public boolean sizeIndependent() {
        return kind == Kind.CONV;
    }

    /** The same architecture on a grid of {@code n} points (CONV only: see {@link #sizeIndependent()}). */
    public VaeArchitecture onGrid(int n) {
        if (!sizeIndependent()) {
            throw new IllegalArgumentException("a " + kind.id() + " VAE's weights depend on the state dimension");
        }
        return new VaeArchitecture(kind, n, latentChannels() * n, hidden, depth, kernel, activation, conditional);
    }

    /** Channels of the latent field per grid point (CONV), or the latent dimension (MLP). */
    public int latentChannels() {
        return kind == Kind.CONV ? latentDimension / stateDimension : latentDimension;
    }

    /** Input channels of the encoder belonging to δ. */
    public int encoderDeltaChannels() {
        return kind == Kind.CONV ? 1 : stateDimension;
    }

    public List<LayerSpec> encoderLayers() {
        int condition = conditional ? (kind == Kind.CONV ? 1 : stateDimension) : 0;
        int in = encoderDeltaChannels() + condition;
        int out = 2 * latentChannels();
        return layers("encoder", in, out);
    }

    public List<LayerSpec> decoderLayers() {
        int condition = conditional ? (kind == Kind.CONV ? 1 : stateDimension) : 0;
        int in = latentChannels() + condition;
        int out = kind == Kind.CONV ? 1 : stateDimension;
        return layers("decoder", in, out);
    }

    private List<LayerSpec> layers(String prefix, int in, int out) {
        List<LayerSpec> specs = new ArrayList<>();
        int width = in;
        for (int l = 0; l < depth; l++) {
            specs.add(spec(prefix + "." + l, width, hidden, activation));
            width = hidden;
        }
        specs.add(spec(prefix + "." + depth, width, out, Activation.IDENTITY));
        return specs;
    }

    private LayerSpec spec(String name, int in, int out, Activation f) {
        return kind == Kind.CONV
                ? LayerSpec.convolution(name, stateDimension, in, out, kernel, f)
                : LayerSpec.dense(name, in, out, f);
    }

    /**
     * Joins a main input with {@code mainChannels} channels per grid point and the normalised background into
     * one network input: concatenation [main, xb] for an MLP, interleaving per grid point for a CONV network.
     */
    public double[] joinWithBackground(double[] main, int mainChannels, double[] background) {
        if (kind == Kind.MLP) {
            double[] out = new double[main.length + background.length];
            System.arraycopy(main, 0, out, 0, main.length);
            System.arraycopy(background, 0, out, main.length, background.length);
            return out;
        }
        int n = stateDimension;
        int c = mainChannels + 1;
        double[] out = new double[n * c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(main, i * mainChannels, out, i * c, mainChannels);
            out[i * c + mainChannels] = background[i];
        }
        return out;
    }

    /** The encoder mean μ (latentDimension entries) from the encoder's output. */
    public double[] encoderMean(double[] encoderOutput) {
        return encoderHalf(encoderOutput, 0);
    }

    /** The encoder log-variance from the encoder's output. */
    public double[] encoderLogVariance(double[] encoderOutput) {
        return encoderHalf(encoderOutput, 1);
    }

    private double[] encoderHalf(double[] out, int half) {
        int cz = latentChannels();
        if (kind == Kind.MLP) {
            double[] r = new double[cz];
            System.arraycopy(out, half * cz, r, 0, cz);
            return r;
        }
        int n = stateDimension;
        double[] r = new double[n * cz];
        for (int i = 0; i < n; i++) {
            System.arraycopy(out, i * 2 * cz + half * cz, r, i * cz, cz);
        }
        return r;
    }
}
