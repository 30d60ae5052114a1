package org.vaevar.priors.vae;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.plugin.PriorProvider;
import org.vaevar.priors.vae.io.VaeModelFile;
import org.vaevar.priors.vae.io.VaeModelFileException;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.train.VaeTrainer;

/**
 * The {@code vae} prior plugin. With {@code file}, loads a trained prior (refusing one made for another state
 * dimension or experiment setup); otherwise trains one on the context's background-error samples, caching the
 * result in the context's cache directory under a hash of the training settings, setup and samples. A conv VAE
 * may be trained on short windows of the samples ({@code trainingWindow}) and run on the whole grid.
 *
 * <p>Defaults: MLP, 2 hidden layers of 64 (conv: 16 channels, kernel 5), tanh, latent = state dimension,
 * unconditional, σ_d = 0.25, β = 1, Adam 1e-3 on minibatches of 128 for at most 300 epochs with 20 % held out
 * and patience 30; τ = 1, latent penalty on, Jacobian term off, start at z = 0.
 */
public final class VaePriorProvider implements PriorProvider {

    public static final String NAME = "vae";

    private static final ParameterSpec SPEC = ParameterSpec.of(NAME,
            Parameter.text("file", null, "a trained prior to load (.vaeprior); when absent, train on the"
                    + " calibration samples (cached)"),
            Parameter.text("architecture", "mlp", "encoder/decoder networks: mlp, or conv (circular 1-D"
                    + " convolutions for periodic domains)").oneOf("mlp", "conv"),
            Parameter.integer("width", 64, "hidden units per layer (mlp)").positive(),
            Parameter.integer("channels", 16, "channels per hidden layer (conv)").positive(),
            Parameter.integer("kernelSize", 5, "convolution kernel size, odd (conv)").positive()
                    .require(k -> k % 2 == 1, "must be odd"),
            Parameter.integer("depth", 2, "hidden layers in each of encoder and decoder").positive(),
            Parameter.text("activation", "tanh", "hidden activation (smooth: the decoder is differentiated)")
                    .oneOf(Activation.HIDDEN_NAMES),
            Parameter.integer("latent", 0, "latent dimension; 0 = the state dimension (smaller confines"
                    + " increments to a manifold)").nonNegative(),
            Parameter.flag("conditional", false, "condition encoder and decoder on the background: p(δ | xb)"),
            Parameter.real("sigmaD", 0.25, "decoder noise σ_d in normalised units (1 collapses the VAE)")
                    .positive(),
            Parameter.real("beta", 1.0, "weight of the KL term").nonNegative(),
            Parameter.integer("epochs", 300, "maximum training epochs").positive(),
            Parameter.integer("batchSize", 128, "minibatch size").positive(),
            Parameter.real("learningRate", 1e-3, "Adam step size").positive(),
            Parameter.real("validationFraction", 0.2, "share of samples held out for early stopping")
                    .nonNegative().require(v -> v < 1, "must be below 1"),
            Parameter.integer("patience", 30, "epochs without validation improvement before stopping")
                    .positive(),
            Parameter.text("normalisation", "auto", "pooled: one mean and scale for all components (of δ and of"
                    + " xb; exact translation equivariance of a conv VAE); component: one per component; auto:"
                    + " pooled for conv, component for mlp").oneOf("auto", "pooled", "component"),
            Parameter.integer("trainingWindow", 0, "train on windows of this many consecutive grid points cut"
                    + " from the samples, then run on the whole grid (conv, pooled normalisation; 0 = the whole"
                    + " grid): training cost scales with the window, not the state dimension").nonNegative(),
            Parameter.integer("windowsPerSample", 0, "windows cut from each sample with trainingWindow (0 = the"
                    + " grid divided into non-overlapping windows)").nonNegative(),
            Parameter.integer("threads", 1, "ND4J native threads while training").positive(),
            Parameter.flag("cache", true, "reuse/store the trained prior in the cache directory"),
            Parameter.real("latentScale", 1.0, "τ: latent prior N(0, τI), tuned like the Gaussian inflation")
                    .positive(),
            Parameter.flag("latentPenalty", true, "include ½‖z‖²/τ in the background term"),
            Parameter.flag("jacobianTerm", false, "include log|det ∂D/∂z| (ablation; latent = state only)"),
            Parameter.real("jacobianConditionLimit", 1e6, "condition number of ∂D/∂z beyond which the"
                    + " Jacobian term is +∞").positive(),
            Parameter.text("start", "zero", "initial control: zero, or encoder (encoder mean of a zero"
                    + " correction)").oneOf("zero", "encoder"))
            .checkTogether(VaePriorProvider::checkTrainingWindow);

    /**
     * The cache entries each context (one experiment setting) trained itself: a prior loaded from one of them later in
     * the same setting (tuning builds the prior once per grid value) was trained by this run, not found in the cache.
     */
    private static final Map<PriorContext, java.util.Set<Path>> TRAINED_HERE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    @Override
    public Optional<String> modelFileParameter() {
        return Optional.of("file");
    }

    @Override
    public Optional<String> tunableParameter() {
        return Optional.of("latentScale");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "VAE prior (VAE-Var): x = xb + σ_δ ⊙ D(z; xb), z ~ N(0, τI), decoder trained on background errors";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public BackgroundPrior create(Parameters p, PriorContext context) {
        p.requireBoundFor(NAME);
        VaePriorOptions options = new VaePriorOptions(p.real("latentScale"), p.flag("latentPenalty"),
                p.flag("jacobianTerm"), p.real("jacobianConditionLimit"),
                VaePriorOptions.Start.parse(p.text("start")));
        int n = context.stateDimension();
        Optional<String> file = p.optionalText("file");
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            Map<String, Object> setup = context.setup();
            TrainedVae vae = VaeModelFile.read(path, n, setup == null || setup.isEmpty() ? null : setup);
            return prior(vae, options, VaePrior.Source.FILE, path);
        }
        int window = trainingWindow(p, n);
        VaeArchitecture arch = architecture(p, window);
        TrainingSettings settings = new TrainingSettings(p.real("sigmaD"), p.real("beta"), p.integer("epochs"),
                p.integer("batchSize"), p.real("learningRate"), p.real("validationFraction"), p.integer("patience"),
                pooled(p.text("normalisation"), arch), context.seed(), p.integer("threads"));
        BackgroundErrorSamples samples = context.backgroundErrors();
        if (samples.dimension() != n) {
            throw new IllegalArgumentException("vae: background-error samples have dimension "
                    + samples.dimension() + " but the state dimension is " + n);
        }
        if (window < n) {
            int perSample = p.integer("windowsPerSample");
            samples = SubWindows.cut(samples, window, perSample == 0 ? n / window : perSample);
        }
        Map<String, Object> setup = context.setup() == null ? Map.of() : context.setup();
        if (!p.flag("cache")) {
            TrainedVae vae = VaeTrainer.train(arch, settings, samples, setup, context.progress());
            return prior(onGrid(vae, n), options, VaePrior.Source.TRAINED, null);
        }
        Map<String, Object> description = TrainingCache.description(arch, settings, setup, samples);
        String key = TrainingCache.key(description);
        Path entry = TrainingCache.entry(context.cacheDirectory(), key);
        if (Files.exists(entry)) {
            String problem;
            try {
                VaeModelFile.CacheEntry cached = VaeModelFile.readCacheEntry(entry, window, setup);
                Object storedKey = cached.cacheKey() == null ? null : cached.cacheKey().get("key");
                if (key.equals(storedKey)) {
                    boolean trainedHere = TRAINED_HERE.getOrDefault(context, java.util.Set.of()).contains(entry);
                    return prior(onGrid(cached.vae(), n), options,
                            trainedHere ? VaePrior.Source.TRAINED : VaePrior.Source.CACHE, entry);
                }
                problem = storedKey == null ? "it records no cache key (made by other training code or copied in)"
                        : "it was stored under another key (other training settings, samples or training code)";
            } catch (VaeModelFileException e) {
                problem = e.getMessage();
            }
            // A cache entry is derived data: a damaged or mismatched one is retrained and replaced, never trusted.
            String notice = "cache entry unusable, retraining: " + entry.getFileName() + ": " + problem;
            System.err.println("vaevar: notice: " + notice);
            context.progress().update("train vae", 0, settings.epochs(), notice);
        }
        TrainedVae vae = VaeTrainer.train(arch, settings, samples, setup, context.progress());
        VaeModelFile.write(vae, entry, TrainingCache.stored(description));
        TRAINED_HERE.computeIfAbsent(context, c -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(entry);
        return prior(onGrid(vae, n), options, VaePrior.Source.TRAINED, entry);
    }

    /**
     * The grid the VAE is trained on: {@code trainingWindow} points when given and shorter than the state (a conv
     * VAE with a pooled normalisation, whose weights and statistics carry over to any periodic grid), else n.
     */
    static int trainingWindow(Parameters p, int n) {
        int w = p.integer("trainingWindow");
        if (w > n) {
            throw new InvalidParameterException(NAME, "trainingWindow", w, "must not exceed the state dimension " + n);
        }
        return w == 0 || w == n ? n : w;
    }

    /** What a training window needs whatever the state dimension: checked when the configuration is bound. */
    private static void checkTrainingWindow(Parameters p) {
        int w = p.integer("trainingWindow");
        if (w == 0) {
            return;
        }
        VaeArchitecture.Kind kind = VaeArchitecture.Kind.parse(p.text("architecture"));
        if (kind != VaeArchitecture.Kind.CONV) {
            throw new InvalidParameterException(NAME, "trainingWindow", w, "needs architecture = conv (an "
                    + kind.id() + " VAE's weights depend on the state dimension)");
        }
        if (p.text("normalisation").equals("component")) {
            throw new InvalidParameterException(NAME, "trainingWindow", w, "needs a pooled normalisation (one"
                    + " scale for every grid point), not normalisation = component");
        }
        if (w < p.integer("kernelSize")) {
            throw new InvalidParameterException(NAME, "trainingWindow", w, "must be at least the kernel size "
                    + p.integer("kernelSize"));
        }
    }

    private static TrainedVae onGrid(TrainedVae vae, int n) {
        return vae.stateDimension() == n ? vae : vae.onGrid(n);
    }

    /** The architecture the parameters describe for state dimension n. */
    static VaeArchitecture architecture(Parameters p, int n) {
        VaeArchitecture.Kind kind = VaeArchitecture.Kind.parse(p.text("architecture"));
        int latent = p.integer("latent") == 0 ? n : p.integer("latent");
        int hidden = kind == VaeArchitecture.Kind.CONV ? p.integer("channels") : p.integer("width");
        try {
            return new VaeArchitecture(kind, n, latent, hidden, p.integer("depth"), p.integer("kernelSize"),
                    Activation.parse(p.text("activation")), p.flag("conditional"));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(NAME, "architecture", e.getMessage());
        }
    }

    private static VaePrior prior(TrainedVae vae, VaePriorOptions options, VaePrior.Source source, Path file) {
        try {
            return new VaePrior(vae, options, source, file);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(NAME, "jacobianTerm", e.getMessage());
        }
    }

    /** {@code normalisation}: pooled or per component; {@code auto} pools on the periodic grid of a conv VAE. */
    static boolean pooled(String normalisation, VaeArchitecture arch) {
        return switch (normalisation) {
            case "pooled" -> true;
            case "component" -> false;
            default -> arch.kind() == VaeArchitecture.Kind.CONV;
        };
    }
}
