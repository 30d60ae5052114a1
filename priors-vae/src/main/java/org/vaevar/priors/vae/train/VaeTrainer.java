package org.vaevar.priors.vae.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.priors.vae.Normalisation;
import org.vaevar.priors.vae.TrainedVae;
import org.vaevar.priors.vae.TrainingSettings;
import org.vaevar.priors.vae.TrainingSummary;
import org.vaevar.priors.vae.VaeArchitecture;
import org.vaevar.priors.vae.net.LayerSpec;

/**
 * Trains a VAE on background-error samples with ND4J SameDiff (float32, CPU).
 *
 * <p>Data: δ = (xᵗ − xb)/σ_δ, the correction the analysis must add (never xb − xᵗ), and for a conditional VAE
 * the normalised background. Loss per sample: ‖δ − D(z; xb)‖²/(2σ_d²) + β·½Σ(μ² + σ² − 1 − log σ²), with
 * z = μ + σ ⊙ ε, ε ~ N(0, I). Adam on shuffled minibatches; a held-out validation split (with one fixed draw
 * of ε, so epochs are compared on the same noise) drives early stopping, and the weights of the best validation
 * epoch are kept.
 *
 * <p>Determinism: one seed fixes the initial weights (Glorot-uniform, drawn in Java), the split, the shuffles and
 * every ε (all from one {@link SplittableRandom}); ND4J's own generator is seeded too, though the graph draws
 * nothing from it. Same seed, same thread count → bit-identical weights.
 */
public final class VaeTrainer {

    /**
     * The version of the training code, part of every cache key: raise it with any change that changes what training
     * produces, so cached priors from the old code are retrained rather than reused.
     */
    public static final int CODE_VERSION = 2;

    private static final String TASK = "train vae";

    private VaeTrainer() {
    }

    public static TrainedVae train(VaeArchitecture arch, TrainingSettings settings, BackgroundErrorSamples samples,
                                   Map<String, Object> setup, ProgressListener progress) {
        int n = arch.stateDimension();
        if (samples.dimension() != n) {
            throw new IllegalArgumentException("background-error samples have dimension " + samples.dimension()
                    + " but the VAE is built for state dimension " + n);
        }
        long start = System.nanoTime();
        double[][] corrections = samples.corrections();
        double[][] backgrounds = new double[samples.size()][];
        for (int k = 0; k < backgrounds.length; k++) {
            backgrounds[k] = samples.background(k);
        }
        Normalisation norm = Normalisation.estimate(backgrounds, corrections, settings.pooled());
        int total = samples.size();
        double[][] delta = new double[total][];
        double[][] xbn = new double[total][];
        for (int k = 0; k < total; k++) {
            delta[k] = norm.normaliseCorrection(corrections[k]);
            xbn[k] = norm.normaliseBackground(backgrounds[k]);
        }

        try (Nd4jThreads ignored = Nd4jThreads.use(settings.threads())) {
            return fit(arch, settings, norm, delta, xbn, setup, progress, start);
        }
    }

    private static TrainedVae fit(VaeArchitecture arch, TrainingSettings settings, Normalisation norm,
                                  double[][] delta, double[][] xbn, Map<String, Object> setup,
                                  ProgressListener progress, long start) {
        int total = delta.length;
        SplittableRandom random = new SplittableRandom(settings.seed());
        Nd4j.getRandom().setSeed(settings.seed());
        int nVal = (int) Math.floor(settings.validationFraction() * total);
        if (settings.validationFraction() > 0 && nVal == 0) {
            nVal = 1;
        }
        int nTrain = total - nVal;
        if (nTrain < 2) {
            throw new IllegalArgumentException("background-error samples: " + total + " samples leave "
                    + nTrain + " for training (validationFraction = " + settings.validationFraction()
                    + "); need at least 2");
        }
        // Held out by contiguous blocks of time, so early stopping measures generalisation (ValidationSplit).
        ValidationSplit split = ValidationSplit.blocks(total, nVal, random);
        int[] trainIdx = split.train;
        int[] valIdx = split.validation;
        shuffle(trainIdx, random); // the fixed loss subset below is then a random draw of the training split

        Map<String, float[]> init = glorot(arch, random);
        SameDiff sd = buildTrainingGraph(arch, settings, init);
        int latent = arch.latentDimension();
        boolean cond = arch.conditional();

        // The training loss is evaluated after each epoch, with one fixed draw of ε, on a fixed subset of the
        // training split as large as the validation split (at least 256 rows): SameDiff's fit computes only the
        // gradient, and a forward pass over the whole split would cost a third of the epoch again.
        int nTrainEval = Math.min(nTrain, Math.max(nVal, 256));
        Map<String, INDArray> trainInputs = new HashMap<>();
        trainInputs.put("delta", rows(delta, trainIdx, 0, nTrainEval));
        trainInputs.put("eps", gaussian(nTrainEval, latent, random));
        if (cond) {
            trainInputs.put("xb", rows(xbn, trainIdx, 0, nTrainEval));
        }
        Map<String, INDArray> valInputs = null;
        if (nVal > 0) {
            valInputs = new HashMap<>();
            valInputs.put("delta", rows(delta, valIdx, 0, nVal));
            valInputs.put("eps", gaussian(nVal, latent, random));
            if (cond) {
                valInputs.put("xb", rows(xbn, valIdx, 0, nVal));
            }
        }

        List<Double> trainHistory = new ArrayList<>();
        List<Double> valHistory = new ArrayList<>();
        Map<String, INDArray> best = null;
        double bestVal = Double.POSITIVE_INFINITY;
        double bestTrain = Double.NaN;
        double bestRecon = Double.NaN;
        double bestKl = Double.NaN;
        int bestEpoch = 0;
        int sinceBest = 0;
        int epoch = 0;
        int batch = Math.min(settings.batchSize(), nTrain);
        while (epoch < settings.epochs()) {
            epoch++;
            shuffle(trainIdx, random);
            List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new ArrayList<>();
            for (int from = 0; from < nTrain; from += batch) {
                int to = Math.min(nTrain, from + batch);
                INDArray[] features = cond
                        ? new INDArray[] {rows(delta, trainIdx, from, to), gaussian(to - from, latent, random),
                            rows(xbn, trainIdx, from, to)}
                        : new INDArray[] {rows(delta, trainIdx, from, to), gaussian(to - from, latent, random)};
                batches.add(new MultiDataSet(features, new INDArray[0]));
            }
            sd.fit(new BatchIterator(batches), 1);
            double trainLoss = sd.output(trainInputs, "loss").get("loss").getDouble(0);
            if (!Double.isFinite(trainLoss)) {
                throw new IllegalStateException("VAE training diverged at epoch " + epoch + " (training loss "
                        + trainLoss + "); lower learningRate (" + settings.learningRate() + ") or raise sigmaD");
            }
            trainHistory.add(trainLoss);
            String status;
            if (valInputs != null) {
                Map<String, INDArray> out = sd.output(valInputs, "loss", "recon", "kl");
                double val = out.get("loss").getDouble(0);
                valHistory.add(val);
                if (val < bestVal) {
                    bestVal = val;
                    bestTrain = trainLoss;
                    bestRecon = out.get("recon").getDouble(0);
                    bestKl = out.get("kl").getDouble(0);
                    bestEpoch = epoch;
                    best = snapshot(sd);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                status = String.format(Locale.ROOT, "loss %.4g val %.4g (best %.4g @%d)", trainLoss, val,
                        bestVal, bestEpoch);
            } else {
                bestTrain = trainLoss;
                bestEpoch = epoch;
                status = String.format(Locale.ROOT, "loss %.4g", trainLoss);
            }
            progress.update(TASK, epoch, settings.epochs(), status);
            if (valInputs != null && sinceBest >= settings.patience()) {
                break;
            }
        }
        if (best != null) {
            for (Map.Entry<String, INDArray> e : best.entrySet()) {
                sd.getVariable(e.getKey()).getArr().assign(e.getValue());
            }
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (String name : init.keySet()) {
            weights.put(name, sd.getVariable(name).getArr().dup('c').data().asFloat());
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        TrainingSummary summary = new TrainingSummary(epoch, bestEpoch, bestTrain,
                valInputs != null ? bestVal : Double.NaN, bestRecon, bestKl, seconds, nTrain, nVal,
                toArray(trainHistory), toArray(valHistory));
        return new TrainedVae(arch, norm, settings, summary, setup, weights);
    }

    /** The training graph: placeholders delta [B, n], eps [B, latent] (and xb [B, n]); outputs loss, recon, kl. */
    static SameDiff buildTrainingGraph(VaeArchitecture arch, TrainingSettings s, Map<String, float[]> weights) {
        SameDiff sd = SameDiff.create();
        int n = arch.stateDimension();
        SDVariable delta = sd.placeHolder("delta", DataType.FLOAT, -1, n);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, arch.latentDimension());
        SDVariable xb = arch.conditional() ? sd.placeHolder("xb", DataType.FLOAT, -1, n) : null;
        Nd4jLayers.createVariables(sd, arch.encoderLayers(), weights);
        Nd4jLayers.createVariables(sd, arch.decoderLayers(), weights);

        SDVariable[] q = Nd4jLayers.encoder(sd, arch, delta, xb);
        SDVariable mu = q[0];
        SDVariable logVar = q[1];
        SDVariable z = mu.add(sd.math().exp(logVar.mul(0.5)).mul(eps));        // reparameterisation
        SDVariable decoded = Nd4jLayers.decoder(sd, arch, z, xb);
        SDVariable diff = delta.sub(decoded);
        // ‖δ − D(z)‖² / (2σ_d²) per sample
        SDVariable recon = sd.sum(diff.mul(diff), 1).mul(1.0 / (2 * s.sigmaD() * s.sigmaD()));
        // KL(N(μ, σ²) ‖ N(0, I)) = ½ Σ (μ² + σ² − 1 − log σ²) per sample
        SDVariable kl = sd.sum(mu.mul(mu).add(sd.math().exp(logVar)).sub(1.0).sub(logVar), 1).mul(0.5);
        sd.mean("loss", recon.add(kl.mul(s.beta())));
        sd.mean("recon", recon);
        sd.mean("kl", kl);
        sd.setLossVariables("loss");
        List<String> features = new ArrayList<>(List.of("delta", "eps"));
        if (xb != null) {
            features.add("xb");
        }
        QuietSameDiff.run(sd::createGradFunction);
        sd.setTrainingConfig(new TrainingConfig.Builder()
                .updater(new Adam(s.learningRate()))
                .dataSetFeatureMapping(features)
                .markLabelsUnused()
                .build());
        return sd;
    }

    /** Glorot-uniform weights U(±√(6/(fan_in + fan_out))), zero biases, drawn from {@code random} in order. */
    static Map<String, float[]> glorot(VaeArchitecture arch, SplittableRandom random) {
        Map<String, float[]> w = new LinkedHashMap<>();
        List<LayerSpec> specs = new ArrayList<>(arch.encoderLayers());
        specs.addAll(arch.decoderLayers());
        for (LayerSpec s : specs) {
            int rows = (int) s.weightShape()[0];
            int cols = s.outSize();
            double fanIn = (double) s.kernel() * s.inSize();
            double fanOut = (double) s.kernel() * s.outSize();
            double limit = Math.sqrt(6 / (fanIn + fanOut));
            float[] v = new float[rows * cols];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((2 * random.nextDouble() - 1) * limit);
            }
            w.put(s.weightName(), v);
            w.put(s.biasName(), new float[s.outSize()]);
        }
        return w;
    }

    private static Map<String, INDArray> snapshot(SameDiff sd) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr().dup());
            }
        }
        return m;
    }

    private static INDArray rows(double[][] data, int[] idx, int from, int to) {
        int c = data[0].length;
        float[] flat = new float[(to - from) * c];
        for (int r = from; r < to; r++) {
            double[] row = data[idx[r]];
            for (int j = 0; j < c; j++) {
                flat[(r - from) * c + j] = (float) row[j];
            }
        }
        return Nd4j.create(flat, new long[] {to - from, c}, 'c');
    }

    private static INDArray gaussian(int rows, int cols, SplittableRandom random) {
        float[] flat = new float[rows * cols];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) random.nextGaussian();
        }
        return Nd4j.create(flat, new long[] {rows, cols}, 'c');
    }

    /** Fisher-Yates with our own generator (never Collections.shuffle's default source). */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double[] toArray(List<Double> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }
}
