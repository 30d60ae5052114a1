package org.vaevar.priors.vae.train;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaevar.priors.vae.TrainedVae;
import org.vaevar.priors.vae.VaeArchitecture;

/**
 * A trained VAE as an ND4J (float32) inference graph: batched decoding D(z; xb) and encoder means, in
 * normalised units. For batched work and for checking the plain-Java networks against the graph they were
 * trained as; never for the minimiser's inner loop.
 */
public final class Nd4jVae {

    private final SameDiff sd;
    private final boolean conditional;

    public Nd4jVae(TrainedVae vae) {
        VaeArchitecture arch = vae.architecture();
        this.conditional = arch.conditional();
        sd = SameDiff.create();
        int n = arch.stateDimension();
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, arch.latentDimension());
        SDVariable delta = sd.placeHolder("delta", DataType.FLOAT, -1, n);
        SDVariable xb = conditional ? sd.placeHolder("xb", DataType.FLOAT, -1, n) : null;
        Nd4jLayers.createVariables(sd, arch.encoderLayers(), vae.weights());
        Nd4jLayers.createVariables(sd, arch.decoderLayers(), vae.weights());
        sd.identity("decoded", Nd4jLayers.decoder(sd, arch, z, xb));
        sd.identity("mu", Nd4jLayers.encoder(sd, arch, delta, xb)[0]);
    }

    /**
     * Adds the (unconditional) decoder with the trained weights to {@code sd}, applied to {@code z}: for
     * benchmarks and experiments that need the graph itself.
     */
    public static SDVariable decoderGraph(SameDiff sd, TrainedVae vae, SDVariable z) {
        if (vae.architecture().conditional()) {
            throw new IllegalArgumentException("decoderGraph: conditional decoders need the background too");
        }
        Nd4jLayers.createVariables(sd, vae.architecture().decoderLayers(), vae.weights());
        return Nd4jLayers.decoder(sd, vae.architecture(), z, null);
    }

    /** D(z; xb) for a batch of latents (rows) and normalised backgrounds (rows; null when unconditional). */
    public double[][] decode(double[][] z, double[][] normalisedBackgrounds) {
        Map<String, INDArray> in = new HashMap<>();
        in.put("z", Nd4jLayers.matrix(z));
        if (conditional) {
            in.put("xb", Nd4jLayers.matrix(normalisedBackgrounds));
        }
        return sd.output(in, "decoded").get("decoded").toDoubleMatrix();
    }

    /** Encoder means μ(δ; xb) for a batch. */
    public double[][] encoderMean(double[][] delta, double[][] normalisedBackgrounds) {
        Map<String, INDArray> in = new HashMap<>();
        in.put("delta", Nd4jLayers.matrix(delta));
        if (conditional) {
            in.put("xb", Nd4jLayers.matrix(normalisedBackgrounds));
        }
        return sd.output(in, "mu").get("mu").toDoubleMatrix();
    }
}
