package org.vaevar.priors.vae;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.CorrectionSampler;
import org.vaevar.api.LearnedPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.util.Checks;
import org.vaevar.priors.vae.io.VaeModelFile;
import org.vaevar.priors.vae.net.Network;

/**
 * A trained VAE as a {@link BackgroundPrior}: control z (latent), transform x0 = xb + σ_δ ⊙ D(z; xb), penalty
 * ½‖z‖²/τ (+ optional log|det ∂D/∂z|, see {@link LatentPenalty}). The decoder runs in plain double arithmetic
 * over the trained (float32) weights; ND4J is used for training only.
 *
 * <p>For the harness: {@link #sampleCorrections} draws from the prior for diagnostic figures,
 * {@link #trainingSummary} and {@link #describe} feed {@code summary.json}.
 */
public final class VaePrior implements BackgroundPrior, CorrectionSampler, LearnedPrior {

    /** Where the trained network came from. */
    public enum Source {
        TRAINED, CACHE, FILE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final TrainedVae vae;
    private final VaePriorOptions options;
    private final Source source;
    private final Path file;
    private final Network decoder;
    private final Network encoder;
    private final double[] scale;

    public VaePrior(TrainedVae vae, VaePriorOptions options, Source source, Path file) {
        if (options.jacobianTerm() && vae.latentDimension() != vae.stateDimension()) {
            throw new IllegalArgumentException("vae.jacobianTerm = true needs latent = state dimension; this VAE"
                    + " has latent " + vae.latentDimension() + " and state " + vae.stateDimension());
        }
        this.vae = vae;
        this.options = options;
        this.source = source;
        this.file = file;
        this.decoder = vae.decoder();
        this.encoder = vae.encoder();
        this.scale = vae.normalisation().correctionScale();
    }

    /** A prior from a trained VAE held in memory. */
    public static VaePrior of(TrainedVae vae, VaePriorOptions options) {
        return new VaePrior(vae, options, Source.TRAINED, null);
    }

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public int stateDimension() {
        return vae.stateDimension();
    }

    @Override
    public int controlDimension() {
        return vae.latentDimension();
    }

    public TrainedVae model() {
        return vae;
    }

    public VaePriorOptions options() {
        return options;
    }

    public TrainingSummary trainingSummary() {
        return vae.summary();
    }

    @Override
    public void save(Path target) {
        VaeModelFile.write(vae, target);
    }

    @Override
    public Map<String, Object> trainingReport() {
        TrainingSummary t = vae.summary();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", t.trainingSamples() + t.validationSamples());
        m.put("epochs", t.epochsRun());
        m.put("bestEpoch", t.bestEpoch());
        m.put("trainLoss", t.trainLoss());
        m.put("validationLoss", t.validationLoss());
        m.put("seconds", t.seconds());
        return m;
    }

    /**
     * The transform for background xb. With the Jacobian term on, refuses (IllegalStateException) a start
     * point where ∂D/∂z is already too ill-conditioned for the term to be defined.
     */
    @Override
    public ControlTransform at(double[] background) {
        Checks.finiteWithDimension("background xb", background, stateDimension());
        Network d = decoderFor(background);
        double[] z0 = initialControl(background);
        LatentPenalty penalty = new LatentPenalty(d, options.latentScale(), options.latentPenalty(),
                options.jacobianTerm(), options.jacobianConditionLimit());
        if (options.jacobianTerm()) {
            double cond = penalty.jacobianCondition(z0);
            if (!(cond <= options.jacobianConditionLimit())) {
                throw new IllegalStateException(String.format(Locale.ROOT, "vae.jacobianTerm: the decoder Jacobian"
                        + " at the initial control (start = %s) has condition number %.3g > jacobianConditionLimit"
                        + " = %.3g, so log|det ∂D/∂z| is not defined there; switch jacobianTerm off or use another"
                        + " start", options.start().id(), cond, options.jacobianConditionLimit()));
            }
        }
        return new VaeControlTransform(background.clone(), scale.clone(), d, z0, penalty);
    }

    /** D(·; xb) as a network of z alone. */
    private Network decoderFor(double[] background) {
        VaeArchitecture a = vae.architecture();
        if (!a.conditional()) {
            return decoder;
        }
        return decoder.withFixedInputChannels(a.latentChannels(), vae.normalisation().normaliseBackground(background));
    }

    private double[] initialControl(double[] background) {
        if (options.start() == VaePriorOptions.Start.ZERO) {
            return new double[controlDimension()];
        }
        VaeArchitecture a = vae.architecture();
        double[] zeroCorrection = new double[stateDimension()];
        double[] in = a.conditional()
                ? a.joinWithBackground(zeroCorrection, a.encoderDeltaChannels(),
                        vae.normalisation().normaliseBackground(background))
                : zeroCorrection;
        return a.encoderMean(encoder.apply(in));
    }

    /**
     * Draws {@code count} corrections x − xb = σ_δ ⊙ D(z; xb) with z ~ N(0, τI), in physical units (one per
     * row), deterministically from {@code seed}. {@code background} is needed by conditional VAEs only (may be
     * null otherwise).
     */
    @Override
    public double[][] sampleCorrections(double[] background, int count, long seed) {
        Checks.positive("sample count", count);
        Network d;
        if (vae.architecture().conditional()) {
            Checks.finiteWithDimension("background xb", background, stateDimension());
            d = decoderFor(background);
        } else {
            d = decoder;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double sd = Math.sqrt(options.latentScale());
        double[][] out = new double[count][];
        double[] z = new double[controlDimension()];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = sd * random.nextGaussian();
            }
            double[] decoded = d.apply(z);
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] *= scale[i];
            }
            out[k] = decoded;
        }
        return out;
    }

    /** A description for summaries: source, architecture, training summary, options. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source.id());
        if (file != null) {
            m.put("file", file.toString());
        }
        VaeArchitecture a = vae.architecture();
        m.put("architecture", a.kind().id());
        m.put("latentDimension", a.latentDimension());
        m.put("hidden", a.hidden());
        m.put("depth", a.depth());
        if (a.kind() == VaeArchitecture.Kind.CONV) {
            m.put("kernelSize", a.kernel());
        }
        m.put("activation", a.activation().id());
        m.put("conditional", a.conditional());
        m.put("parameters", vae.parameterCount());
        m.put("sigmaD", vae.training().sigmaD());
        m.put("beta", vae.training().beta());
        m.put("latentScale", options.latentScale());
        m.put("latentPenalty", options.latentPenalty());
        m.put("jacobianTerm", options.jacobianTerm());
        m.put("start", options.start().id());
        // The final losses and times; the per-epoch histories stay in the model file and trainingSummary().
        Map<String, Object> training = new LinkedHashMap<>(vae.summary().asMap());
        training.remove("trainLossHistory");
        training.remove("validationLossHistory");
        m.put("training", training);
        return m;
    }
}
