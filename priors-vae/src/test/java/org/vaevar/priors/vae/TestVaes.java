package org.vaevar.priors.vae;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;

/** Untrained VAEs with random weights and biases, for tests of the transforms and of the file format. */
public final class TestVaes {

    private TestVaes() {
    }

    public static VaeArchitecture mlp(int n, boolean conditional) {
        return new VaeArchitecture(VaeArchitecture.Kind.MLP, n, n, 16, 2, 1, Activation.TANH, conditional);
    }

    public static VaeArchitecture conv(int n, boolean conditional) {
        return new VaeArchitecture(VaeArchitecture.Kind.CONV, n, n, 4, 2, 3, Activation.TANH, conditional);
    }

    /** Weights and biases uniform in ±scale/√fan_in: a generic smooth network, no symmetry. */
    public static TrainedVae random(VaeArchitecture arch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, float[]> w = new LinkedHashMap<>();
        for (LayerSpec s : TrainedVae.allLayers(arch)) {
            double scale = 1.5 / Math.sqrt(s.kernel() * s.inSize());
            float[] weights = new float[(int) (s.weightShape()[0] * s.weightShape()[1])];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) ((2 * r.nextDouble() - 1) * scale);
            }
            float[] bias = new float[s.outSize()];
            for (int i = 0; i < bias.length; i++) {
                bias[i] = (float) (0.3 * (2 * r.nextDouble() - 1));
            }
            w.put(s.weightName(), weights);
            w.put(s.biasName(), bias);
        }
        int n = arch.stateDimension();
        double[] scale = new double[n];
        double[] mean = new double[n];
        double[] bscale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 0.5 + r.nextDouble();
            mean[i] = r.nextGaussian();
            bscale[i] = 0.5 + r.nextDouble();
        }
        TrainingSummary summary = new TrainingSummary(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0,
                new double[0], new double[0]);
        return new TrainedVae(arch, new Normalisation(scale, mean, bscale), TrainingSettings.defaults(seed),
                summary, Map.of("model", "test"), w);
    }
}
