package org.vaevar.priors.gaussian;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.plugin.PriorProvider;

/**
 * Provides the {@code gaussian} prior, estimating B from what the experiment offers.
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code covariance} (default {@code samples}):
 *     <ul>
 *       <li>{@code samples}: the sample covariance of the corrections δ = xᵗ − xb of the calibration run
 *           ({@link PriorContext#backgroundErrors()});</li>
 *       <li>{@code climatology}: the covariance of the states of a long free run ({@link PriorContext#climatology()}),
 *           the "Var3D" convention of the field's benchmark suites; {@code inflation} is then the scale of the
 *           climatological covariance;</li>
 *       <li>{@code diagonal}: σ² I with σ² = {@code variance}; needs no samples;</li>
 *       <li>{@code circulant}: the homogeneous average of the sample covariance, c(k) = mean_i C(i, i+k mod n):
 *           the fair Gaussian control for translation-equivariant priors on periodic domains (Lorenz 96). Its
 *           eigenvalues are estimated by FFT one sample at a time ({@link StreamingSpectrum}) and B^{1/2} is
 *           applied by FFT ({@link CirculantSquareRoot}): O(n log n) per product, O(n) memory, any n;</li>
 *       <li>{@code circulant-climatology}: the same homogeneous average of the climatological covariance.</li>
 *     </ul></li>
 *   <li>{@code inflation} s &gt; 0 (default 1): L Lᵀ = s·B.</li>
 *   <li>{@code variance} σ² &gt; 0 (default 1): for {@code diagonal} only.</li>
 *   <li>{@code regularization} r ≥ 0 (default 1e-6): estimated B become B + r·(tr B / n)·I, a ridge relative to
 *       the mean variance, so B is positive definite even from fewer samples than dimensions (then the sample
 *       covariance has rank ≤ N − 1). Not applied to {@code diagonal}, which is positive definite by
 *       construction and whose variance is meant literally. Inflation multiplies the regularised B.</li>
 *   <li>{@code mean} (default {@code zero}): {@code zero} is the classic unbiased prior x = xb + L v;
 *       {@code sample} adds μ, the sample mean of the corrections δ, to every background, x = xb + μ + L v, for
 *       biased backgrounds (imperfect-model runs); with {@code circulant}, μ is replaced by its spatial average
 *       (a homogeneous bias). Needs the calibration samples whatever the covariance. B is always the covariance
 *       about the sample mean, so with {@code mean = zero} a bias in δ is not represented anywhere.</li>
 * </ul>
 */
public final class GaussianPriorProvider implements PriorProvider {

    public static final String COVARIANCE = "covariance";
    public static final String INFLATION = "inflation";
    public static final String VARIANCE = "variance";
    public static final String REGULARIZATION = "regularization";
    public static final String MEAN = "mean";
    public static final String LOCALISATION = "localisation";
    public static final String LOCALISATION_METHOD = "localisationMethod";

    /**
     * Up to this n a localised B is formed densely by default (an O(n³) eigen-decomposition: about 4 s at
     * n = 1000 on this project's 2-core machine); beyond it, as a modulated ensemble.
     */
    static final int DENSE_LOCALISATION_LIMIT = 1000;

    static final String SAMPLES = "samples";
    static final String CLIMATOLOGY = "climatology";
    private static final String DIAGONAL = "diagonal";
    private static final String CIRCULANT = "circulant";
    private static final String CIRCULANT_CLIMATOLOGY = "circulant-climatology";
    private static final String MEAN_SAMPLE = "sample";
    static final String AUTO = "auto";
    static final String DENSE = "dense";
    static final String MODULATED = "modulated";

    private static final ParameterSpec SPEC = ParameterSpec.of(GaussianPrior.NAME,
            Parameter.text(COVARIANCE, SAMPLES,
                    "B from: samples (background errors), climatology (free run), diagonal (variance·I),"
                            + " circulant (homogeneous average of the sample covariance, by FFT),"
                            + " circulant-climatology (the same of the climatological covariance)")
                    .oneOf(SAMPLES, CLIMATOLOGY, DIAGONAL, CIRCULANT, CIRCULANT_CLIMATOLOGY),
            Parameter.real(INFLATION, 1.0, "scale s of B: L Lᵀ = s·B").positive(),
            Parameter.real(VARIANCE, 1.0, "σ² of covariance = diagonal").positive(),
            Parameter.real(REGULARIZATION, 1e-6,
                    "ridge r relative to the mean variance: B + r·(tr B / n)·I (estimated B only)").nonNegative(),
            Parameter.text(MEAN, "zero",
                    "zero: x = xb + L v; sample: x = xb + μ + L v with μ the mean correction of the samples")
                    .oneOf("zero", MEAN_SAMPLE),
            Parameter.real(LOCALISATION, 0.0,
                    "Gaspari–Cohn half-width c in grid points on a ring (0: none): B = ρ ∘ B, zero beyond 2c"
                            + " (samples, climatology)").nonNegative(),
            Parameter.text(LOCALISATION_METHOD, AUTO,
                    "auto (dense up to n = " + DENSE_LOCALISATION_LIMIT + ", else modulated), dense (ρ ∘ B and its"
                            + " eigen square root), modulated (modulated ensemble, no n×n matrix)")
                    .oneOf(AUTO, DENSE, MODULATED));

    @Override
    public Optional<String> tunableParameter() {
        return Optional.of(INFLATION);
    }

    @Override
    public String name() {
        return GaussianPrior.NAME;
    }

    @Override
    public String description() {
        return "static-B Gaussian prior x = xb + L v, L Lᵀ = s·B, penalty ½‖v‖² (classic 3DVar/4DVar)";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public BackgroundPrior create(Parameters parameters, PriorContext context) {
        parameters.requireBoundFor(GaussianPrior.NAME);
        String kind = parameters.text(COVARIANCE);
        double inflation = parameters.real(INFLATION);
        double regularization = parameters.real(REGULARIZATION);
        boolean sampleMean = MEAN_SAMPLE.equals(parameters.text(MEAN));
        int n = context.stateDimension();
        if (n < 1) {
            throw new IllegalArgumentException(GaussianPrior.NAME + ": state dimension = " + n
                    + ": must be positive");
        }

        double localisation = Localisation.halfWidth(parameters, kind, n);
        boolean circulant = CIRCULANT.equals(kind) || CIRCULANT_CLIMATOLOGY.equals(kind);
        boolean needsSamples = sampleMean || SAMPLES.equals(kind);
        double[][] corrections = needsSamples ? corrections(kind, context, n) : null;
        StreamingSpectrum spectrum = circulant ? estimate(kind, () -> spectrum(kind, context, n)) : null;

        double[] mu = new double[n];
        if (sampleMean) {
            if (circulant) {
                // A homogeneous bias: the mean of the calibration corrections over samples and grid points.
                Arrays.fill(mu, CIRCULANT.equals(kind) ? spectrum.spatialMean()
                        : spatialMeanCorrection(kind, context, n));
            } else {
                mu = CovarianceEstimates.mean("background-error", corrections);
            }
        }
        int sampleCount = corrections != null ? corrections.length
                : CIRCULANT.equals(kind) ? spectrum.count() : -1;

        String description = String.format(Locale.ROOT, "%s(%s=%s, %s=%s, %s, %s=%s%s)", GaussianPrior.NAME,
                COVARIANCE, kind, INFLATION, inflation,
                DIAGONAL.equals(kind) ? VARIANCE + "=" + parameters.real(VARIANCE)
                        : REGULARIZATION + "=" + regularization,
                MEAN, parameters.text(MEAN),
                sampleCount >= 0 ? ", " + sampleCount + " samples" : "");

        if (circulant) {
            double[] lambda = estimate(kind, spectrum::eigenvalues);
            double meanVariance = StreamingSpectrum.meanEigenvalue(lambda, n);
            if (!(meanVariance > 0)) {
                throw new InvalidParameterException(GaussianPrior.NAME, COVARIANCE, kind,
                        "the estimated covariance is zero (all samples are equal)");
            }
            double ridge = regularization * meanVariance; // B + r·(tr B / n)·I adds r·c(0) to every eigenvalue
            for (int k = 0; k < lambda.length; k++) {
                lambda[k] += ridge;
            }
            double[] finalMu = mu;
            return estimate(kind, () -> GaussianPrior.circulant(description, lambda, n, inflation, finalMu));
        }
        if (DIAGONAL.equals(kind)) {
            double[] variances = new double[n];
            Arrays.fill(variances, parameters.real(VARIANCE));
            return GaussianPrior.diagonal(description, variances, inflation, mu);
        }
        boolean modulated = localisation > 0 && (MODULATED.equals(parameters.text(LOCALISATION_METHOD))
                || AUTO.equals(parameters.text(LOCALISATION_METHOD)) && n > DENSE_LOCALISATION_LIMIT);
        String localisedDescription = localisation > 0
                ? description.substring(0, description.length() - 1) + String.format(Locale.ROOT,
                        ", %s=%s, %s)", LOCALISATION, localisation, modulated ? MODULATED : DENSE)
                : description;
        if (modulated) {
            double[][] rows = SAMPLES.equals(kind) ? corrections : climatology(kind, context, n);
            double[] finalMu = mu;
            return estimate(kind, () -> Localisation.modulatedPrior(localisedDescription, kind, rows, n, localisation,
                    regularization, inflation, finalMu));
        }
        if (parameters.isGiven(LOCALISATION_METHOD) && DENSE.equals(parameters.text(LOCALISATION_METHOD))) {
            DenseMemoryBudget.require(LOCALISATION_METHOD, DENSE, n, Runtime.getRuntime().maxMemory(),
                    "use " + LOCALISATION_METHOD + " = " + MODULATED + " or " + AUTO);
        } else {
            DenseMemoryBudget.require(COVARIANCE, kind, n, Runtime.getRuntime().maxMemory(),
                    "use " + LOCALISATION + " (a modulated ensemble beyond n = " + DENSE_LOCALISATION_LIMIT
                            + ") or covariance = " + CIRCULANT);
        }
        double[][] rows = switch (kind) {
            case SAMPLES -> corrections;
            case CLIMATOLOGY -> climatology(kind, context, n);
            default -> throw new IllegalStateException("unhandled covariance kind " + kind);
        };
        double[] b = estimate(kind, () -> CovarianceEstimates.sampleCovariance(
                SAMPLES.equals(kind) ? "background-error" : "climatology", rows));
        if (!(CovarianceEstimates.meanVariance(b, n) > 0)) {
            throw new InvalidParameterException(GaussianPrior.NAME, COVARIANCE, kind,
                    "the estimated covariance is zero (all samples are equal)");
        }
        if (localisation > 0) {
            GaspariCohn.localiseInPlace(b, n, localisation); // ρ(0) = 1: the variances, hence the ridge, stay
        }
        double ridge = regularization * CovarianceEstimates.meanVariance(b, n);
        b = CovarianceEstimates.withRidge(b, n, regularization);
        double[] finalB = b;
        double[] finalMu = mu;
        if (localisation == 0 && rows.length <= n) { // rank-deficient: the root from the samples' Gram matrix
            return estimate(kind, () -> GaussianPrior.denseLowRank(localisedDescription, finalB, rows, ridge, inflation,
                    finalMu));
        }
        return estimate(kind, () -> GaussianPrior.dense(localisedDescription, finalB, n, inflation, finalMu));
    }

    /** δ_k = xᵗ_k − xb_k, checked against n; a missing calibration is re-raised naming this prior. */
    private static double[][] corrections(String kind, PriorContext context, int n) {
        return samples(kind, context, n).corrections();
    }

    private static BackgroundErrorSamples samples(String kind, PriorContext context, int n) {
        BackgroundErrorSamples samples;
        try {
            samples = context.backgroundErrors();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(GaussianPrior.NAME + " prior (" + COVARIANCE + "=" + kind
                    + ") needs background-error samples: " + e.getMessage(), e);
        }
        if (samples == null) {
            throw new IllegalStateException(GaussianPrior.NAME + " prior (" + COVARIANCE + "=" + kind
                    + "): the experiment returned no background-error samples");
        }
        if (samples.dimension() != n) {
            throw new IllegalArgumentException(GaussianPrior.NAME + ": background-error samples have dimension "
                    + samples.dimension() + " but the state has dimension " + n);
        }
        return samples;
    }

    /** The mean of the calibration corrections over samples and grid points, streamed. */
    private static double spatialMeanCorrection(String kind, PriorContext context, int n) {
        BackgroundErrorSamples samples = samples(kind, context, n);
        double sum = 0;
        for (int k = 0; k < samples.size(); k++) {
            for (double v : samples.correction(k)) {
                sum += v;
            }
        }
        return sum / ((double) samples.size() * n);
    }

    /** The circulant spectrum, streamed one sample at a time from the calibration samples or the climatology. */
    private static StreamingSpectrum spectrum(String kind, PriorContext context, int n) {
        if (CIRCULANT.equals(kind)) {
            BackgroundErrorSamples samples = samples(kind, context, n);
            StreamingSpectrum s = new StreamingSpectrum("background-error", n);
            for (int k = 0; k < samples.size(); k++) {
                s.add(samples.correction(k));
            }
            return s;
        }
        double[][] states = climatology(kind, context, n);
        StreamingSpectrum s = new StreamingSpectrum("climatology", n);
        for (double[] state : states) {
            s.add(state);
        }
        return s;
    }

    private static double[][] climatology(String kind, PriorContext context, int n) {
        double[][] states;
        try {
            states = context.climatology();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(GaussianPrior.NAME + " prior (" + COVARIANCE + "=" + kind
                    + ") needs a climatology: " + e.getMessage(), e);
        }
        if (states == null || states.length == 0) {
            throw new IllegalStateException(GaussianPrior.NAME + " prior (" + COVARIANCE + "=" + kind
                    + "): the experiment returned no climatology states");
        }
        if (states[0] == null || states[0].length != n) {
            throw new IllegalArgumentException(GaussianPrior.NAME + ": climatology states have dimension "
                    + (states[0] == null ? 0 : states[0].length) + " but the state has dimension " + n);
        }
        return states;
    }

    /** Runs an estimation step, re-raising its refusals as "gaussian.covariance = kind: why". */
    private static <T> T estimate(String kind, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(GaussianPrior.NAME, COVARIANCE, kind, e.getMessage());
        }
    }
}
