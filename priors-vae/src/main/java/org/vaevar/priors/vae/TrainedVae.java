package org.vaevar.priors.vae;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.priors.vae.net.LayerSpec;
import org.vaevar.priors.vae.net.Layer;
import org.vaevar.priors.vae.net.Network;

/**
 * A trained VAE: everything a model file holds. The weights are float32 as trained, kept by tensor name
 * ("decoder.0.W", ...) in the layout of {@link LayerSpec}; {@link #decoder()} and {@link #encoder()} turn them
 * into plain-Java double networks.
 *
 * @param setup the experiment setup the prior was trained for (checked when the file is loaded)
 */
public record TrainedVae(VaeArchitecture architecture, Normalisation normalisation, TrainingSettings training,
                         TrainingSummary summary, Map<String, Object> setup, Map<String, float[]> weights) {

    public TrainedVae {
        if (normalisation.dimension() != architecture.stateDimension()) {
            throw new IllegalArgumentException("trained VAE: normalisation has " + normalisation.dimension()
                    + " components but the architecture " + architecture.stateDimension());
        }
        Map<String, float[]> copy = new LinkedHashMap<>();
        for (LayerSpec spec : allLayers(architecture)) {
            copy.put(spec.weightName(), checked(weights, spec.weightName(),
                    Math.toIntExact(spec.weightShape()[0] * spec.weightShape()[1])));
            copy.put(spec.biasName(), checked(weights, spec.biasName(), spec.outSize()));
        }
        if (weights.size() != copy.size()) {
            List<String> extra = new ArrayList<>(weights.keySet());
            extra.removeAll(copy.keySet());
            throw new IllegalArgumentException("trained VAE: unexpected tensors " + extra);
        }
        weights = Collections.unmodifiableMap(copy);
        setup = setup == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(setup));
    }

    static List<LayerSpec> allLayers(VaeArchitecture a) {
        List<LayerSpec> all = new ArrayList<>(a.encoderLayers());
        all.addAll(a.decoderLayers());
        return all;
    }

    private static float[] checked(Map<String, float[]> weights, String name, int size) {
        float[] w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("trained VAE: tensor " + name + " is missing");
        }
        if (w.length != size) {
            throw new IllegalArgumentException("trained VAE: tensor " + name + " has " + w.length
                    + " values; expected " + size);
        }
        for (int i = 0; i < w.length; i++) {
            if (!Float.isFinite(w[i])) {
                throw new IllegalArgumentException("trained VAE: tensor " + name + "[" + i + "] = " + w[i]
                        + ": must be finite");
            }
        }
        return w.clone();
    }

    public int stateDimension() {
        return architecture.stateDimension();
    }

    public int latentDimension() {
        return architecture.latentDimension();
    }

    /** The decoder D([z (, xb)]) in double. */
    public Network decoder() {
        return network(architecture.decoderLayers());
    }

    /** The encoder [δ (, xb)] ↦ [μ, log σ²] in double (layout: see {@link VaeArchitecture#encoderMean}). */
    public Network encoder() {
        return network(architecture.encoderLayers());
    }

    private Network network(List<LayerSpec> specs) {
        List<Layer> layers = new ArrayList<>();
        for (LayerSpec s : specs) {
            layers.add(s.toLayer(weights.get(s.weightName()), weights.get(s.biasName())));
        }
        return new Network(layers);
    }

    /**
     * The same network on a periodic grid of {@code n} points: a circular-convolution VAE (see
     * {@link VaeArchitecture#sizeIndependent()}) with a pooled normalisation ({@link Normalisation#onGrid}).
     */
    public TrainedVae onGrid(int n) {
        if (!architecture.sizeIndependent()) {
            throw new IllegalArgumentException("a " + architecture.kind().id()
                    + " VAE's weights depend on the state dimension");
        }
        if (architecture.kernel() > n) {
            throw new IllegalArgumentException("its kernel of " + architecture.kernel()
                    + " points is wider than the grid of " + n);
        }
        return new TrainedVae(architecture.onGrid(n), normalisation.onGrid(n), training, summary, setup, weights);
    }

    /** Total number of trained parameters. */
    public int parameterCount() {
        int c = 0;
        for (float[] w : weights.values()) {
            c += w.length;
        }
        return c;
    }
}
