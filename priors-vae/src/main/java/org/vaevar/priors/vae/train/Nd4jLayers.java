package org.vaevar.priors.vae.train;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaevar.priors.vae.VaeArchitecture;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;

/**
 * The encoder and decoder as SameDiff graphs, built from the same {@link LayerSpec}s as the plain-Java networks.
 * Batches are [B, features] (MLP) or [B, grid, channels] (CONV, "NWC"). A circular convolution is, on small
 * grids, one product with the dense circulant matrix built from its kernel, and otherwise ND4J's conv1d
 * ("valid", NWC, kernel [k, C_in, C_out] = W [k·C_in, C_out] reshaped) on the input padded periodically with
 * p = k/2 points on each side: either way the arithmetic of {@code CircularConvWeights}. (A gather of periodic
 * neighbours would be simpler, but SameDiff 1.0.0-M2.1 fails to differentiate two gather ops in one graph:
 * "Variable name transposeConcat already exists".)
 */
public final class Nd4jLayers {

    private Nd4jLayers() {
    }

    /** Creates the trainable variables of {@code specs} with the given initial values. */
    static void createVariables(SameDiff sd, List<LayerSpec> specs, Map<String, float[]> values) {
        for (LayerSpec s : specs) {
            sd.var(s.weightName(), Nd4j.create(values.get(s.weightName()), s.weightShape(), 'c'));
            sd.var(s.biasName(), Nd4j.create(values.get(s.biasName()), s.biasShape(), 'c'));
        }
    }

    /** Applies the network {@code specs} (variables already created) to x. */
    static SDVariable network(SameDiff sd, List<LayerSpec> specs, SDVariable x) {
        SDVariable h = x;
        for (LayerSpec s : specs) {
            h = layer(sd, s, h);
        }
        return h;
    }

    private static SDVariable layer(SameDiff sd, LayerSpec s, SDVariable x) {
        SDVariable w = sd.getVariable(s.weightName());
        SDVariable b = sd.getVariable(s.biasName());
        SDVariable a;
        if (!s.convolution()) {
            a = x.mmul(w).add(b);
        } else {
            a = circulantFits(s) ? circulantConvolution(sd, s, x, w, b) : paddedConvolution(sd, s, x, w, b);
        }
        return activate(sd, s.activation(), a);
    }

    /**
     * Dense circulant form for small grids: the weights of all grid points fit in one matrix of at most
     * {@value #CIRCULANT_BUDGET} entries.
     */
    static boolean circulantFits(LayerSpec s) {
        long size = (long) s.grid() * s.inSize() * s.grid() * s.outSize();
        return size <= CIRCULANT_BUDGET;
    }

    /** Largest dense circulant weight matrix (entries) built for a convolution; larger grids use conv1d. */
    static final long CIRCULANT_BUDGET = 1L << 20;

    /**
     * The circular convolution as one dense product x [B, n·C_in] · W_full [n·C_in, n·C_out], with
     * W_full[(s, c), (i, o)] = Σ_j [s = (i + j − k/2) mod n] W[j, c, o] built inside the graph from W (so W
     * gets its gradient). For the small grids of toy models this does n/k times the arithmetic of a true
     * convolution but as one large matrix product, which on the 2-core test machine ran 5-10× faster than
     * ND4J's conv1d and its backward pass (measured: conv1d_bp took 51 ms for an 8-channel layer on a batch
     * of 256 × 40 points).
     */
    private static SDVariable circulantConvolution(SameDiff sd, LayerSpec s, SDVariable x, SDVariable w,
                                                   SDVariable b) {
        int n = s.grid();
        int k = s.kernel();
        int cin = s.inSize();
        int cout = s.outSize();
        float[] shift = new float[n * n * k];                  // P[(src·n + i), j] = 1 if src = (i + j − k/2) mod n
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int src = Math.floorMod(i + j - k / 2, n);
                shift[(src * n + i) * k + j] = 1;
            }
        }
        SDVariable p = sd.constant(Nd4j.create(shift, new long[] {(long) n * n, k}, 'c'));
        SDVariable spread = p.mmul(sd.reshape(w, k, (long) cin * cout));       // [n·n, C_in·C_out]: (src, i, c, o)
        SDVariable full = sd.reshape(sd.permute(sd.reshape(spread, n, n, cin, cout), 0, 2, 1, 3),
                (long) n * cin, (long) n * cout);                             // [(src, c), (i, o)]
        SDVariable y = sd.reshape(x, -1, (long) n * cin).mmul(full);           // [B, n·C_out]
        return sd.reshape(y, -1, n, cout).add(b);                              // [B, n, C_out] + bias per channel
    }

    /** The circular convolution as ND4J's conv1d ("valid") on the periodically padded input. */
    private static SDVariable paddedConvolution(SameDiff sd, LayerSpec s, SDVariable x, SDVariable w,
                                                SDVariable b) {
        int n = s.grid();
        int k = s.kernel();
        int p = k / 2;
        SDVariable padded = x;                                                    // [B, n, C_in]
        if (p > 0) {
            // Periodic padding: [x_{n−p..n−1}, x, x_{0..p−1}] along the grid.
            SDVariable left = x.get(SDIndex.all(), SDIndex.interval(n - p, n), SDIndex.all());
            SDVariable right = x.get(SDIndex.all(), SDIndex.interval(0, p), SDIndex.all());
            padded = sd.concat(1, left, x, right);                                // [B, n + 2p, C_in]
        }
        SDVariable kernel = sd.reshape(w, k, s.inSize(), s.outSize());           // [k, C_in, C_out]
        Conv1DConfig valid = new Conv1DConfig(k, 1, 0, 1, Conv1DConfig.NWC, PaddingMode.VALID);
        return sd.cnn().conv1d(padded, kernel, b, valid);                        // [B, n, C_out]
    }

    static SDVariable activate(SameDiff sd, Activation f, SDVariable a) {
        return switch (f) {
            case IDENTITY -> a;
            case TANH -> sd.math().tanh(a);
            case ELU -> sd.nn().elu(a);
            case SOFTPLUS -> sd.nn().softplus(a);
            case SWISH -> sd.nn().swish(a);
        };
    }

    /** A flat field [B, n·C] (grid point × channel) as the network's batch layout. */
    static SDVariable toLayout(SameDiff sd, VaeArchitecture arch, SDVariable flat, int channels) {
        return arch.kind() == VaeArchitecture.Kind.CONV
                ? sd.reshape(flat, -1, arch.stateDimension(), channels) : flat;
    }

    /** [main (, xb)] joined as network input: concatenation of features (MLP) or of channels (CONV). */
    static SDVariable join(SameDiff sd, VaeArchitecture arch, SDVariable main, int mainChannels,
                           SDVariable background) {
        SDVariable m = toLayout(sd, arch, main, mainChannels);
        if (background == null) {
            return m;
        }
        SDVariable b = toLayout(sd, arch, background, 1);
        return sd.concat(arch.kind() == VaeArchitecture.Kind.CONV ? 2 : 1, m, b);
    }

    /** Decoder output as [B, n]. */
    static SDVariable decoder(SameDiff sd, VaeArchitecture arch, SDVariable z, SDVariable background) {
        SDVariable out = network(sd, arch.decoderLayers(), join(sd, arch, z, arch.latentChannels(), background));
        return arch.kind() == VaeArchitecture.Kind.CONV ? sd.reshape(out, -1, arch.stateDimension()) : out;
    }

    /** Encoder mean and log-variance, each [B, latent]. */
    static SDVariable[] encoder(SameDiff sd, VaeArchitecture arch, SDVariable delta, SDVariable background) {
        SDVariable out = network(sd, arch.encoderLayers(),
                join(sd, arch, delta, arch.encoderDeltaChannels(), background));
        int cz = arch.latentChannels();
        if (arch.kind() == VaeArchitecture.Kind.MLP) {
            return new SDVariable[] {
                out.get(SDIndex.all(), SDIndex.interval(0, cz)),
                out.get(SDIndex.all(), SDIndex.interval(cz, 2 * cz))};
        }
        long flat = (long) arch.stateDimension() * cz;
        return new SDVariable[] {
            sd.reshape(out.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, cz)), -1, flat),
            sd.reshape(out.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(cz, 2 * cz)), -1, flat)};
    }

    /** A [rows, cols] float array from double rows. */
    public static INDArray matrix(double[][] rows) {
        int r = rows.length;
        int c = rows[0].length;
        float[] flat = new float[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                flat[i * c + j] = (float) rows[i][j];
            }
        }
        return Nd4j.create(flat, new long[] {r, c}, 'c').castTo(DataType.FLOAT);
    }
}
