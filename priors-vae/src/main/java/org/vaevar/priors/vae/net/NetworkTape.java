package org.vaevar.priors.vae.net;

import java.util.List;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Checks;

/**
 * A network linearised about one input: its output there, the tangent-linear
 * ḣ_l = f_l'(a_l) ⊙ (A_l ḣ_{l−1}) and the adjoint λ_{l−1} = A_lᵀ (f_l'(a_l) ⊙ λ_l).
 */
public final class NetworkTape implements Linearization {

    private final Network network;
    private final double[] value;
    final double[][] df;
    final double[][] d2f;

    NetworkTape(Network network, double[] value, double[][] df, double[][] d2f) {
        this.network = network;
        this.value = value;
        this.df = df;
        this.d2f = d2f;
    }

    Network network() {
        return network;
    }

    @Override
    public double[] value() {
        return value;
    }

    @Override
    public int inputDimension() {
        return network.inputSize();
    }

    @Override
    public int outputDimension() {
        return network.outputSize();
    }

    @Override
    public double[] apply(double[] dx) {
        Checks.dimension("network tangent input", dx, inputDimension());
        return tangent(dx, null);
    }

    /** Tangent-linear pass; when {@code preActivations} is given, stores ȧ_l = A_l ḣ_{l−1} in it. */
    double[] tangent(double[] dx, double[][] preActivations) {
        List<Layer> layers = network.layers();
        double[] h = dx;
        for (int l = 0; l < layers.size(); l++) {
            LinearPart a = layers.get(l).weights();
            double[] out = new double[a.outputSize()];
            a.apply(h, out);
            if (preActivations != null) {
                preActivations[l] = out.clone();
            }
            double[] d = df[l];
            for (int i = 0; i < out.length; i++) {
                out[i] *= d[i];
            }
            h = out;
        }
        return h;
    }

    @Override
    public double[] applyAdjoint(double[] dy) {
        Checks.dimension("network adjoint input", dy, outputDimension());
        List<Layer> layers = network.layers();
        double[] lambda = dy;
        for (int l = layers.size() - 1; l >= 0; l--) {
            LinearPart a = layers.get(l).weights();
            double[] d = df[l];
            double[] scaled = new double[lambda.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = d[i] * lambda[i];
            }
            double[] prev = new double[a.inputSize()];
            a.applyTranspose(scaled, prev);
            lambda = prev;
        }
        return lambda;
    }
}
