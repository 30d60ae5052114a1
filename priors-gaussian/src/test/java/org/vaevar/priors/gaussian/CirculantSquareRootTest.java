package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaevar.api.plugin.BackgroundErrorSamples;

/**
 * The FFT circulant B against independent dense computations: the streamed spectrum against the eigenvalues of
 * the dense circulant average of the sample covariance, and F⁻¹ diag(√λ) F against the symmetric eigen square
 * root of that dense matrix. Even and odd n (the packed FFT layout differs).
 */
class CirculantSquareRootTest {

    /** Naive DFT of a real even profile: λ_k = Σ_j c(j) cos(2π jk/n). */
    private static double[] naiveEigenvalues(double[] profile, int n) {
        double[] lambda = new double[RealFft.frequencies(n)];
        for (int k = 0; k < lambda.length; k++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += profile[j] * Math.cos(2 * Math.PI * j * k / n);
            }
            lambda[k] = s;
        }
        return lambda;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 40, 41, 64})
    void streamedSpectrumIsTheSpectrumOfTheDenseCirculantAverage(int n) {
        FakePriorContext context = FakePriorContext.synthetic(n, 25, 0, 0.4, 60 + n);
        BackgroundErrorSamples samples = context.backgroundErrors();
        StreamingSpectrum spectrum = new StreamingSpectrum("background-error", n);
        for (int k = 0; k < samples.size(); k++) {
            spectrum.add(samples.correction(k));
        }
        double[] dense = CovarianceEstimates.circulantAverage(
                CovarianceEstimates.sampleCovariance("test", samples.corrections()), n);
        double[] profile = java.util.Arrays.copyOf(dense, n); // row 0: c(k)
        double[] expected = naiveEigenvalues(profile, n);
        double[] actual = spectrum.eigenvalues();
        double scale = maxAbs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("λ_%d", k).isCloseTo(expected[k], within(1e-12 * scale));
        }
        assertThat(StreamingSpectrum.meanEigenvalue(actual, n))
                .isCloseTo(CovarianceEstimates.meanVariance(dense, n), within(1e-12 * scale));
        double[] mu = CovarianceEstimates.mean("test", samples.corrections());
        assertThat(spectrum.spatialMean())
                .isCloseTo(java.util.Arrays.stream(mu).average().orElseThrow(), within(1e-14));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 41})
    void fftSquareRootIsTheSymmetricSquareRootOfTheDenseCirculant(int n) {
        FakePriorContext context = FakePriorContext.synthetic(n, 60, 0, 0.0, 70 + n);
        GaussianPrior prior = GaussianPriorContractTest.build(
                Map.of("covariance", "circulant", "inflation", 1.7, "regularization", 1e-3), context);
        assertThat(prior.squareRoot()).isInstanceOf(CirculantSquareRoot.class);
        double[] c = CovarianceEstimates.sampleCovariance("test", context.backgroundErrors().corrections());
        double[] b = CovarianceEstimates.withRidge(CovarianceEstimates.circulantAverage(c, n), n, 1e-3);
        double[] expectedL = DenseSquareRoot.symmetric(b, n, 1.7).matrix();
        double[] l = prior.squareRoot().matrix();
        double scale = maxAbs(expectedL);
        for (int i = 0; i < l.length; i++) {
            assertThat(l[i]).as("L entry %d", i).isCloseTo(expectedL[i], within(1e-11 * scale));
        }
        double[] sb = CovarianceEstimates.scaled(1.7, b);
        double[] actualB = prior.covariance();
        for (int i = 0; i < sb.length; i++) {
            assertThat(actualB[i]).as("B entry %d", i).isCloseTo(sb[i], within(1e-12 * maxAbs(sb)));
        }
    }

    @Test
    void productsAreTheSameMatrixAsTheTransposeAndBitReproducible() {
        int n = 1000;
        FakePriorContext context = FakePriorContext.stationary(n, 30, 0, 0.0, 4.0, 80);
        CirculantSquareRoot a = (CirculantSquareRoot) GaussianPriorContractTest
                .build(Map.of("covariance", "circulant"), context).squareRoot();
        CirculantSquareRoot b = (CirculantSquareRoot) GaussianPriorContractTest
                .build(Map.of("covariance", "circulant"), context).squareRoot();
        SplittableRandom random = new SplittableRandom(3);
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
            w[i] = random.nextGaussian();
        }
        double[] lv = new double[n];
        double[] ltw = new double[n];
        double[] again = new double[n];
        a.multiply(v, lv);
        a.multiplyTranspose(w, ltw);
        b.multiply(v, again);
        assertThat(again).containsExactly(lv);
        double left = 0;
        double right = 0;
        for (int i = 0; i < n; i++) {
            left += lv[i] * w[i];
            right += v[i] * ltw[i];
        }
        assertThat(left).isCloseTo(right, within(1e-12 * Math.abs(left)));
    }

    @Test
    void theSpectrumOfAStationaryProcessIsRecovered() {
        // δ = h ⊛ z has B = circulant with eigenvalues |FFT(h)|²; 100 samples on 4000 points pin the variance
        // c(0) = Σ h_j² to about 1 %.
        int n = 4000;
        double width = 5.0;
        FakePriorContext context = FakePriorContext.stationary(n, 100, 0, 0.0, width, 81);
        CirculantSquareRoot root = (CirculantSquareRoot) GaussianPriorContractTest
                .build(Map.of("covariance", "circulant", "regularization", 0), context).squareRoot();
        double variance = 0;
        for (double h : FakePriorContext.stationaryKernel(width)) {
            variance += h * h;
        }
        double[] profile = root.covarianceProfile();
        assertThat(profile[0]).isCloseTo(variance, within(0.03 * variance));
        // The correlation at lag 2·width of a Gaussian kernel of width w is exp(−(2w)²/(4w²)) = e^{−1}.
        assertThat(profile[(int) (2 * width)] / profile[0]).isCloseTo(Math.exp(-1), within(0.03));
    }

    @Test
    void badSpectraAreRefused() {
        assertThatThrownBy(() -> new CirculantSquareRoot(4, new double[] {1, 2}, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("circulant spectrum has 2 frequencies; expected 3 for n = 4");
        assertThatThrownBy(() -> new CirculantSquareRoot(4, new double[] {1, -2, 1}, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("circulant eigenvalue 1 = -2.0: must be finite and non-negative");
        assertThatThrownBy(() -> new StreamingSpectrum("x", 3).add(new double[] {1, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x sample 0[1] = NaN");
    }
}
