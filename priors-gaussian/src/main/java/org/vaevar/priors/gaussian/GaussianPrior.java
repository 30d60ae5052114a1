package org.vaevar.priors.gaussian;

import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.CorrectionSampler;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.util.Checks;

/**
 * The static-B Gaussian prior of classic 3DVar/4DVar, as a control-variable transform:
 * x = xb + μ + L v with L Lᵀ = s·B, penalty P(v) = ½‖v‖², so that the background term is
 * ½ (x − xb − μ)ᵀ (s·B)⁻¹ (x − xb − μ) without ever inverting B. μ is an optional mean correction (zero for the
 * classic unbiased prior). The control starts at v = 0.
 *
 * <p>Build one with {@link GaussianPriorProvider} (estimating B from the experiment) or the factories here.
 */
public final class GaussianPrior implements BackgroundPrior, CorrectionSampler {

    public static final String NAME = "gaussian";

    private final String description;
    private final double[] covariance; // s·B, row-major n×n; null for a diagonal or circulant B
    private final double[] variances;  // diag(s·B) for a diagonal B, else null
    private final double[] meanCorrection;
    private final CovarianceSquareRoot root;
    private final HalfSquaredNorm penalty;

    private GaussianPrior(String description, double[] covariance, double[] variances, double[] meanCorrection,
                          CovarianceSquareRoot root) {
        int n = root.dimension();
        Checks.finiteWithDimension("mean correction", meanCorrection, n);
        this.description = description;
        this.covariance = covariance;
        this.variances = variances;
        this.meanCorrection = meanCorrection.clone();
        this.root = root;
        this.penalty = new HalfSquaredNorm(root.controlDimension());
    }

    /**
     * L Lᵀ = s·B for a dense symmetric positive semi-definite B (row-major n×n; any ridge already added), with
     * L the symmetric square root (see {@link DenseSquareRoot#symmetric}).
     */
    public static GaussianPrior dense(String description, double[] b, int n, double inflation,
                                      double[] meanCorrection) {
        CovarianceEstimates.checkSquare("covariance", b, n);
        Checks.positive("inflation", inflation);
        double[] sb = CovarianceEstimates.scaled(inflation, b);
        CovarianceEstimates.symmetrizeInPlace(sb, n);
        return new GaussianPrior(description, sb, null, meanCorrection, DenseSquareRoot.symmetric(b, n, inflation));
    }

    /**
     * The same prior as {@link #dense} for B = (sample covariance of {@code rows}) + ε I when there are no more samples
     * than dimensions (k ≤ n): the square root comes from the k×k Gram matrix of the centred samples
     * ({@link DenseSquareRoot#lowRankPlusRidge}), not from an eigen-decomposition of the rank-deficient n×n B.
     *
     * @param b     the ridged covariance, row-major n×n (what the cost's B is)
     * @param ridge ε, the ridge in b
     */
    public static GaussianPrior denseLowRank(String description, double[] b, double[][] rows, double ridge,
                                             double inflation, double[] meanCorrection) {
        int n = rows[0].length;
        int k = rows.length;
        CovarianceEstimates.checkSquare("covariance", b, n);
        Checks.positive("inflation", inflation);
        double[] mu = CovarianceEstimates.mean("samples", rows);
        double norm = 1.0 / Math.sqrt(k - 1);
        double[] a = new double[n * k]; // A(i, p) = (x_p − x̄)_i / √(k − 1): A Aᵀ is the sample covariance
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < n; i++) {
                a[i * k + p] = (rows[p][i] - mu[i]) * norm;
            }
        }
        double[] sb = CovarianceEstimates.scaled(inflation, b);
        CovarianceEstimates.symmetrizeInPlace(sb, n);
        return new GaussianPrior(description, sb, null, meanCorrection,
                DenseSquareRoot.lowRankPlusRidge(a, n, k, ridge, inflation));
    }

    /** L = diag(sqrt(s·σ_i²)) for B = diag(σ_i²): no n×n storage, so any n. */
    public static GaussianPrior diagonal(String description, double[] variances, double inflation,
                                         double[] meanCorrection) {
        Checks.positive("inflation", inflation);
        double[] sv = new double[variances.length];
        double[] sigma = new double[variances.length];
        for (int i = 0; i < sv.length; i++) {
            Checks.positive("variance[" + i + "]", variances[i]);
            sv[i] = inflation * variances[i];
            sigma[i] = Math.sqrt(sv[i]);
        }
        return new GaussianPrior(description, null, sv, meanCorrection, new DiagonalSquareRoot(sigma));
    }

    /**
     * L = F⁻¹ diag(√(s·λ)) F for a circulant B with eigenvalues λ_k (k = 0..⌊n/2⌋, any ridge already added):
     * O(n log n) per product, O(n) memory, so any n.
     */
    public static GaussianPrior circulant(String description, double[] eigenvalues, int n, double inflation,
                                          double[] meanCorrection) {
        return new GaussianPrior(description, null, null, meanCorrection,
                new CirculantSquareRoot(n, eigenvalues, inflation));
    }

    /**
     * B = C ∘ S + r I (C the Gaspari–Cohn taper on a ring, S the sample covariance of the deviations, r the
     * ridge), inflated by s, without forming any n×n matrix: see {@link ModulatedEnsembleSquareRoot}. The control
     * has m·n (+ n) entries.
     */
    public static GaussianPrior modulated(String description, double[][] deviations, double[] taperEigenvalues,
                                          double ridge, double inflation, double[] meanCorrection) {
        return new GaussianPrior(description, null, null, meanCorrection,
                new ModulatedEnsembleSquareRoot(deviations, taperEigenvalues, ridge, inflation));
    }

    /** x − xb = μ + L v with v ~ N(0, I): draws from N(μ, s·B), independent of the background. */
    @Override
    public double[][] sampleCorrections(double[] background, int count, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int n = root.dimension();
        double[][] out = new double[count][n];
        double[] v = new double[root.controlDimension()];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            root.multiply(v, out[k]);
            for (int i = 0; i < n; i++) {
                out[k][i] += meanCorrection[i];
            }
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int stateDimension() {
        return root.dimension();
    }

    @Override
    public int controlDimension() {
        return root.controlDimension();
    }

    @Override
    public ControlTransform at(double[] background) {
        Checks.finiteWithDimension("gaussian background", background, root.dimension());
        return new GaussianControlTransform(background, meanCorrection, root, penalty);
    }

    /**
     * The covariance the prior uses, s·B (ridge and inflation included), row-major n×n; a copy. For a circulant
     * B it is formed from its profile here, O(n²) memory: for diagnostics at moderate n.
     */
    public double[] covariance() {
        if (covariance != null) {
            return covariance.clone();
        }
        if (root instanceof CirculantSquareRoot c) {
            int n = c.dimension();
            double[] profile = c.covarianceProfile();
            double[] b = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    b[i * n + j] = profile[Math.floorMod(j - i, n)];
                }
            }
            return b;
        }
        if (variances == null) { // L is n×p, applied only: B = L Lᵀ from its dense form
            int n = root.dimension();
            int p = root.controlDimension();
            double[] l = root.matrix();
            double[] b = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double sum = 0;
                    for (int k = 0; k < p; k++) {
                        sum += l[i * p + k] * l[j * p + k];
                    }
                    b[i * n + j] = sum;
                    b[j * n + i] = sum;
                }
            }
            return b;
        }
        int n = variances.length;
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            b[i * n + i] = variances[i];
        }
        return b;
    }

    /** μ, the correction added to every background (zeros unless built with mean = sample); a copy. */
    public double[] meanCorrection() {
        return meanCorrection.clone();
    }

    /** L, with L Lᵀ = {@link #covariance()}. */
    public CovarianceSquareRoot squareRoot() {
        return root;
    }

    /** What the run summary records: how B was built and how its square root is applied. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("description", description);
        out.put("squareRoot", root.method());
        out.put("controlDimension", root.controlDimension());
        return out;
    }

    /** How this prior was built, e.g. "gaussian(covariance=samples, inflation=1.0, ...)". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
