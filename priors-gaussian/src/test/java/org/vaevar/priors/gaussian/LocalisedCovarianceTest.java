package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.InvalidParameterException;

/** The Gaspari–Cohn localised sample B, dense and as a modulated ensemble, against independent computations. */
class LocalisedCovarianceTest {

    private static GaussianPrior build(Map<String, ?> raw, FakePriorContext context) {
        return GaussianPriorContractTest.build(raw, context);
    }

    /** ρ ∘ C + r·tr(C)/n·I, scaled by s, with C from Commons Math and the ring taper written out here. */
    private static double[] expected(double[][] rows, double c, double r, double s) {
        RealMatrix cov = new Covariance(rows, true).getCovarianceMatrix();
        int n = cov.getRowDimension();
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int d = Math.min(Math.abs(i - j), n - Math.abs(i - j));
                b[i * n + j] = s * (GaspariCohn.taper(d, c) * cov.getEntry(i, j)
                        + (i == j ? r * cov.getTrace() / n : 0));
            }
        }
        return b;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double[] eigenvalues(double[] b, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, i * n, rows[i], 0, n);
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
    }

    @Test
    void gaspariCohnHasItsKnownValues() {
        assertThat(GaspariCohn.taper(0, 3)).isEqualTo(1.0);
        assertThat(GaspariCohn.taper(1.5, 3)).isCloseTo(0.6848958333333333, within(1e-15)); // z = 1/2
        double left = GaspariCohn.taper(3 - 1e-9, 3);
        double right = GaspariCohn.taper(3 + 1e-9, 3);
        assertThat(left).isCloseTo(5.0 / 24, within(1e-8)).isCloseTo(right, within(1e-8)); // continuous at z = 1
        assertThat(GaspariCohn.taper(6 - 1e-6, 3)).isCloseTo(0, within(1e-12));
        assertThat(GaspariCohn.taper(6, 3)).isZero();
        assertThat(GaspariCohn.taper(100, 3)).isZero();
        assertThat(GaspariCohn.ringDistance(1, 9, 10)).isEqualTo(2);
    }

    @Test
    void denseLocalisedBIsTheTaperTimesTheSampleCovariancePlusTheRidge() {
        int n = 24;
        FakePriorContext context = FakePriorContext.synthetic(n, 15, 0, 0.0, 90);
        GaussianPrior prior = build(Map.of("localisation", 3.0, "inflation", 1.4, "regularization", 1e-3), context);
        double[] expected = expected(context.backgroundErrors().corrections(), 3.0, 1e-3, 1.4);
        double[] b = prior.covariance();
        for (int i = 0; i < b.length; i++) {
            assertThat(b[i]).as("B entry %d", i).isCloseTo(expected[i], within(1e-13 * maxAbs(expected)));
        }
        assertThat(prior.describe()).containsEntry("squareRoot", "dense");
        assertThat(prior.description()).contains("localisation=3.0, dense");
    }

    @Test
    void localisationMakesARankDeficientSampleCovarianceDefinite() {
        // 20 samples in 120 dimensions, no ridge: the sample covariance has rank 19. ρ ∘ S is positive definite,
        // with smallest eigenvalue at least λmin(ρ) · min_i S_ii (Schur).
        int n = 120;
        FakePriorContext context = FakePriorContext.stationary(n, 20, 0, 0.0, 2.0, 91);
        double[] plain = eigenvalues(build(Map.of("regularization", 0), context).covariance(), n);
        double[] localised = eigenvalues(build(Map.of("regularization", 0, "localisation", 6.0), context)
                .covariance(), n);
        java.util.Arrays.sort(plain);
        java.util.Arrays.sort(localised);
        assertThat(plain[n - 20]).as("the 101st largest eigenvalue of S").isLessThan(1e-10 * plain[n - 1]);
        double[] s = CovarianceEstimates.sampleCovariance("test", context.backgroundErrors().corrections());
        double minVariance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minVariance = Math.min(minVariance, s[i * n + i]);
        }
        double taperMin = java.util.Arrays.stream(GaspariCohn.ringEigenvalues(n, 6.0)).min().orElseThrow();
        assertThat(taperMin).isPositive();
        assertThat(localised[0]).isGreaterThanOrEqualTo(taperMin * minVariance * (1 - 1e-9));
    }

    @Test
    void modulatedEnsembleIsExactlyTheDenseLocalisedB() {
        int n = 30;
        FakePriorContext context = FakePriorContext.synthetic(n, 12, 0, 0.3, 92);
        Map<String, Object> common = Map.of("localisation", 4.0, "inflation", 0.6, "regularization", 1e-2,
                "mean", "sample");
        GaussianPrior dense = build(with(common, "localisationMethod", "dense"), context);
        GaussianPrior modulated = build(with(common, "localisationMethod", "modulated"), context);
        assertThat(modulated.squareRoot()).isInstanceOf(ModulatedEnsembleSquareRoot.class);
        assertThat(modulated.controlDimension()).isEqualTo(12 * n + n);
        assertThat(modulated.describe()).containsEntry("squareRoot", "modulated-ensemble")
                .containsEntry("controlDimension", 12 * n + n);
        double[] bd = dense.covariance();
        double[] bm = modulated.covariance();
        for (int i = 0; i < bd.length; i++) {
            assertThat(bm[i]).as("B entry %d", i).isCloseTo(bd[i], within(1e-12 * maxAbs(bd)));
        }
        assertThat(modulated.meanCorrection()).containsExactly(dense.meanCorrection());
        // Without a ridge the control has no ridge block.
        GaussianPrior noRidge = build(Map.of("localisation", 4.0, "localisationMethod", "modulated",
                "regularization", 0), context);
        assertThat(noRidge.controlDimension()).isEqualTo(12 * n);
    }

    @Test
    void theMethodIsChosenByDimensionAndStated() {
        GaussianPrior small = build(Map.of("localisation", 5.0),
                FakePriorContext.stationary(GaussianPriorProvider.DENSE_LOCALISATION_LIMIT / 10, 5, 0, 0, 2, 93));
        assertThat(small.describe()).containsEntry("squareRoot", "dense");
        GaussianPrior large = build(Map.of("localisation", 5.0),
                FakePriorContext.stationary(GaussianPriorProvider.DENSE_LOCALISATION_LIMIT + 1, 5, 0, 0, 2, 94));
        assertThat(large.describe()).containsEntry("squareRoot", "modulated-ensemble");
        assertThat(large.description()).contains("localisation=5.0, modulated");
    }

    @Test
    void aDenseBBeyondTheHeapIsRefusedNamingTheParameterAndSize() {
        int n = 60_000; // 8 matrices of 60000² doubles: 230 GB
        FakePriorContext context = FakePriorContext.stationary(n, 3, 0, 0, 2, 95);
        assertThat(DenseMemoryBudget.bytes(n)).isGreaterThan(Runtime.getRuntime().maxMemory());
        assertThatThrownBy(() -> build(Map.of(), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = samples: a dense B for state dimension n = 60000 needs"
                        + " about 230.4 GB")
                .hasMessageContaining("maximum heap");
        assertThatThrownBy(() -> build(Map.of("localisation", 5.0, "localisationMethod", "dense"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.localisationMethod = dense: a dense B for state dimension n = 60000");
        // The same request as a modulated ensemble needs O(m·n) memory only.
        assertThat(build(Map.of("localisation", 5.0), context).controlDimension()).isEqualTo(3 * n + n);
        assertThatThrownBy(() -> DenseMemoryBudget.require("covariance", "climatology", 100, 1000, "try less"))
                .hasMessageContaining("gaussian.covariance = climatology: a dense B for state dimension n = 100")
                .hasMessageEndingWith("try less");
    }

    @Test
    void badLocalisationsAreRefusedByName() {
        FakePriorContext context = FakePriorContext.synthetic(12, 10, 20, 0.0, 96);
        assertThatThrownBy(() -> build(Map.of("localisation", -1.0), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.localisation = -1.0: must be non-negative");
        assertThatThrownBy(() -> build(Map.of("localisation", 3.5), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.localisation = 3.5: must be at most n/4 = 3.0 grid points");
        for (String kind : new String[] {"diagonal", "circulant", "circulant-climatology"}) {
            assertThatThrownBy(() -> build(Map.of("covariance", kind, "localisation", 2.0), context))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("gaussian.localisation = 2.0: applies to covariance = samples or"
                            + " climatology, not " + kind);
        }
        assertThatThrownBy(() -> build(Map.of("localisationMethod", "modulated"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.localisationMethod = modulated: needs localisation > 0");
        assertThatThrownBy(() -> build(Map.of("localisationMethod", "sparse"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("must be one of [auto, dense, modulated]");
        // Climatology is localised too.
        assertThat(build(Map.of("covariance", "climatology", "localisation", 2.0), context).describe())
                .containsEntry("squareRoot", "dense");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
