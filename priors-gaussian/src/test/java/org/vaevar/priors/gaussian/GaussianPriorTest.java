package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.Linearization;
import org.vaevar.api.contract.DifferentiableMapContract;

/**
 * Estimation and transform of the Gaussian prior against independent computations: B from Commons Math's
 * covariance plus a hand-added ridge; L read off the tangent-linear column by column.
 */
class GaussianPriorTest {

    private static GaussianPrior build(Map<String, ?> raw, FakePriorContext context) {
        return GaussianPriorContractTest.build(raw, context);
    }

    /** L as read from the tangent-linear: column k is T'(e_k). Row-major n×n. */
    private static double[] tangentMatrix(ControlTransform t) {
        int n = t.inputDimension();
        Linearization lin = t.linearize(new double[n]);
        double[] l = new double[n * n];
        for (int k = 0; k < n; k++) {
            double[] e = new double[n];
            e[k] = 1;
            double[] col = lin.apply(e);
            for (int i = 0; i < n; i++) {
                l[i * n + k] = col[i];
            }
        }
        return l;
    }

    private static double[] timesTranspose(double[] l, int n) {
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += l[i * n + k] * l[j * n + k];
                }
                p[i * n + j] = s;
            }
        }
        return p;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static void assertMatrixClose(String what, double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        double tol = relative * maxAbs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s entry %d", what, i).isCloseTo(expected[i], within(tol));
        }
    }

    /** s·(C + r·tr(C)/n·I) with C from Commons Math (unbiased), the ridge added by hand. */
    private static double[] expectedSampleB(double[][] rows, double r, double s) {
        RealMatrix c = new Covariance(rows, true).getCovarianceMatrix();
        int n = c.getRowDimension();
        double trace = c.getTrace();
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i * n + j] = s * (c.getEntry(i, j) + (i == j ? r * trace / n : 0));
            }
        }
        return b;
    }

    @Test
    void samplesCovarianceIsTheInflatedRegularisedSampleCovarianceAndLLtReproducesIt() {
        FakePriorContext context = FakePriorContext.synthetic(6, 40, 0, 0.0, 21);
        double[][] deltas = context.backgroundErrors().corrections();
        GaussianPrior prior = build(Map.of("inflation", 1.3, "regularization", 1e-2), context);
        double[] expected = expectedSampleB(deltas, 1e-2, 1.3);
        assertMatrixClose("covariance()", prior.covariance(), expected, 1e-13);
        double[] l = tangentMatrix(prior.at(new double[6]));
        assertMatrixClose("L Lᵀ", timesTranspose(l, 6), expected, 1e-10);
        assertMatrixClose("tangent-linear against squareRoot()", l, prior.squareRoot().matrix(), 1e-15);
    }

    @Test
    void climatologyUsesTheFreeRunStatesNotTheSamples() {
        FakePriorContext context = FakePriorContext.synthetic(5, 30, 80, 0.0, 22);
        GaussianPrior prior = build(Map.of("covariance", "climatology", "inflation", 0.25), context);
        assertThat(context.backgroundErrorRequests).as("samples not requested").isZero();
        assertThat(context.climatologyRequests).isEqualTo(1);
        double[] expected = expectedSampleB(context.climatology(), 1e-6, 0.25);
        assertMatrixClose("covariance()", prior.covariance(), expected, 1e-13);
        assertMatrixClose("L Lᵀ", timesTranspose(tangentMatrix(prior.at(new double[5])), 5), expected, 1e-10);
    }

    @Test
    void diagonalIsSigmaSquaredTimesInflationAndNeedsNoSamples() {
        FakePriorContext context = new FakePriorContext(4, null, null);
        GaussianPrior prior = build(Map.of("covariance", "diagonal", "variance", 0.5, "inflation", 2.0,
                "regularization", 0.3), context);
        assertThat(context.backgroundErrorRequests + context.climatologyRequests).isZero();
        double[] expected = new double[16];
        for (int i = 0; i < 4; i++) {
            expected[i * 4 + i] = 1.0; // s·σ² = 2 · 0.5; the ridge does not apply to diagonal
        }
        assertThat(prior.covariance()).containsExactly(expected, within(1e-15));
        assertThat(prior.squareRoot()).isInstanceOf(DiagonalSquareRoot.class);
        assertThat(tangentMatrix(prior.at(new double[4]))).containsExactly(expected, within(1e-15));
    }

    @Test
    void circulantCovarianceAndItsSquareRootAreCirculant() {
        int n = 9;
        FakePriorContext context = FakePriorContext.synthetic(n, 25, 0, 0.0, 23);
        GaussianPrior prior = build(Map.of("covariance", "circulant", "inflation", 1.5), context);
        double[] b = prior.covariance();
        double[] c = expectedSampleB(context.backgroundErrors().corrections(), 0, 1);
        double[] l = tangentMatrix(prior.at(new double[n]));
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += c[i * n + i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double shiftAverage = 0;
                for (int s = 0; s < n; s++) {
                    shiftAverage += c[((i + s) % n) * n + (j + s) % n];
                }
                double expected = 1.5 * (shiftAverage / n + (i == j ? 1e-6 * trace / n : 0));
                assertThat(b[i * n + j]).as("B(%d,%d)", i, j).isCloseTo(expected, within(1e-13));
                assertThat(b[i * n + j]).as("B symmetric").isEqualTo(b[j * n + i]);
                // The symmetric square root of a circulant matrix is circulant: L(i,j) = L(0, j−i mod n).
                assertThat(l[i * n + j]).as("L(%d,%d) circulant", i, j)
                        .isCloseTo(l[Math.floorMod(j - i, n)], within(1e-12));
            }
        }
        assertMatrixClose("L Lᵀ", timesTranspose(l, n), b, 1e-10);
    }

    @Test
    void withoutRidgeASemiDefiniteCovarianceStillFactorsExactly() {
        int n = 10;
        FakePriorContext context = FakePriorContext.synthetic(n, 4, 0, 0.0, 24); // rank ≤ 3
        GaussianPrior prior = build(Map.of("regularization", 0), context);
        double[] expected = expectedSampleB(context.backgroundErrors().corrections(), 0, 1);
        assertMatrixClose("covariance()", prior.covariance(), expected, 1e-13);
        assertMatrixClose("L Lᵀ", timesTranspose(tangentMatrix(prior.at(new double[n])), n), expected, 1e-10);
    }

    @Test
    void transformIsBackgroundPlusMeanPlusLv() {
        int n = 6;
        FakePriorContext context = FakePriorContext.synthetic(n, 30, 0, 0.8, 25);
        GaussianPrior prior = build(Map.of("mean", "sample", "inflation", 0.7), context);
        SplittableRandom random = new SplittableRandom(5);
        double[] xb = DifferentiableMapContract.gaussian(random, n, 3.0);
        double[] v = DifferentiableMapContract.gaussian(random, n, 1.0);
        ControlTransform t = prior.at(xb);
        double[] l = prior.squareRoot().matrix();
        double[] mu = prior.meanCorrection();
        double[] x = t.apply(v);
        for (int i = 0; i < n; i++) {
            double lv = 0;
            for (int j = 0; j < n; j++) {
                lv += l[i * n + j] * v[j];
            }
            assertThat(x[i]).as("x[%d]", i).isCloseTo(xb[i] + mu[i] + lv, within(1e-13));
        }
        assertThat(t.initialControl()).containsOnly(0.0).hasSize(n);
        double[] x0 = t.apply(t.initialControl());
        for (int i = 0; i < n; i++) {
            assertThat(x0[i]).isEqualTo(xb[i] + mu[i]);
        }
        // The adjoint is the transpose of the tangent-linear, entry by entry.
        Linearization lin = t.linearize(v);
        assertThat(lin.value()).containsExactly(x);
        for (int i = 0; i < n; i++) {
            double[] ei = new double[n];
            ei[i] = 1;
            double[] row = lin.applyAdjoint(ei); // row i of L = column i of Lᵀ
            for (int j = 0; j < n; j++) {
                assertThat(row[j]).as("Lᵀ(%d,%d)", j, i).isCloseTo(l[i * n + j], within(1e-15));
            }
        }
    }

    @Test
    void penaltyIsHalfSquaredNormWithGradientV() {
        ControlTransform t = build(Map.of("covariance", "diagonal"), new FakePriorContext(3, null, null))
                .at(new double[3]);
        double[] v = {1.0, -2.0, 0.5};
        double[] g = new double[3];
        assertThat(t.penalty().value(v)).isEqualTo(0.5 * (1 + 4 + 0.25));
        assertThat(t.penalty().valueAndGradient(v, g)).isEqualTo(2.625);
        assertThat(g).containsExactly(1.0, -2.0, 0.5);
    }

    @Test
    void sampleMeanIsTheMeanCorrectionAndZeroMeanIgnoresABias() {
        // δ = (1,2), (3,0), (2,4): μ = (2,2).
        double[][] deltas = {{1, 2}, {3, 0}, {2, 4}};
        GaussianPrior sample = build(Map.of("mean", "sample"), FakePriorContext.withCorrections(deltas));
        assertThat(sample.meanCorrection()).containsExactly(2.0, 2.0);
        assertThat(sample.at(new double[] {10, 20}).apply(new double[2])).containsExactly(12.0, 22.0);

        GaussianPrior zero = build(Map.of(), FakePriorContext.withCorrections(deltas));
        assertThat(zero.meanCorrection()).containsExactly(0.0, 0.0);
        assertThat(zero.at(new double[] {10, 20}).apply(new double[2])).containsExactly(10.0, 20.0);

        // Circulant: the spatial average of μ = (1, 2, 6)... from δ = (0,2,5), (2,2,7): μ = (1,2,6), mean 3.
        GaussianPrior circulant = build(Map.of("covariance", "circulant", "mean", "sample"),
                FakePriorContext.withCorrections(new double[][] {{0, 2, 5}, {2, 2, 7}}));
        assertThat(circulant.meanCorrection()).containsExactly(3.0, 3.0, 3.0);

        // Climatology and diagonal take μ from the calibration samples too.
        FakePriorContext both = FakePriorContext.withCorrections(deltas);
        GaussianPrior diagonal = build(Map.of("covariance", "diagonal", "mean", "sample"), both);
        assertThat(diagonal.meanCorrection()).containsExactly(2.0, 2.0);
    }

    @Test
    void covarianceAndMeanAreCopies() {
        GaussianPrior prior = build(Map.of(), FakePriorContext.synthetic(3, 10, 0, 0.0, 26));
        double[] b = prior.covariance();
        double first = b[0];
        b[0] = 1e9;
        prior.meanCorrection()[0] = 1e9;
        assertThat(prior.covariance()[0]).isEqualTo(first);
        assertThat(prior.meanCorrection()[0]).isZero();
    }

    @Test
    void sameInputsGiveBitIdenticalPriors() {
        GaussianPrior a = build(Map.of("covariance", "circulant"), FakePriorContext.synthetic(8, 20, 0, 0.0, 27));
        GaussianPrior b = build(Map.of("covariance", "circulant"), FakePriorContext.synthetic(8, 20, 0, 0.0, 27));
        assertThat(a.covariance()).containsExactly(b.covariance());
        assertThat(a.squareRoot().matrix()).containsExactly(b.squareRoot().matrix());
        assertThat(a.description()).isEqualTo(b.description())
                .isEqualTo("gaussian(covariance=circulant, inflation=1.0, regularization=1.0E-6, mean=zero,"
                        + " 20 samples)");
    }

    @Test
    void anExplicitNonSymmetricSquareRootHasItsTrueTranspose() {
        DenseSquareRoot l = DenseSquareRoot.of(new double[] {1, 2, 3, 4}, 2);
        double[] out = new double[2];
        l.multiply(new double[] {1, 1}, out);
        assertThat(out).containsExactly(3.0, 7.0);
        l.multiplyTranspose(new double[] {1, 1}, out);
        assertThat(out).containsExactly(4.0, 6.0);
    }

    @Test
    void symmetricSquareRootRefusesIndefiniteAndZeroMatrices() {
        assertThatThrownBy(() -> DenseSquareRoot.symmetric(new double[] {1, 2, 2, 1}, 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive semi-definite")
                .hasMessageContaining("eigenvalue -0.99"); // −1 up to rounding
        assertThatThrownBy(() -> DenseSquareRoot.symmetric(new double[4], 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no positive eigenvalue");
    }

    @Test
    void badBackgroundsAndControlsAreRefused() {
        GaussianPrior prior = build(Map.of("covariance", "diagonal"), new FakePriorContext(3, null, null));
        assertThatThrownBy(() -> prior.at(new double[] {0, 1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian background[2] = NaN");
        assertThatThrownBy(() -> prior.at(new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian background has 2 entries; expected 3");
        ControlTransform t = prior.at(new double[3]);
        assertThatThrownBy(() -> t.apply(new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian control has 4 entries; expected 3");
        assertThatThrownBy(() -> t.linearize(new double[3]).applyAdjoint(new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian adjoint input has 1 entries; expected 3");
    }
}
