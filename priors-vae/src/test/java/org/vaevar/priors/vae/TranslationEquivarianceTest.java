package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.ControlTransform;

/**
 * A convolutional VAE with a pooled normalisation is translation equivariant on its periodic grid: shifting the
 * background xb and the latent z by s grid points shifts the analysis state T(z; xb) = xb + σ_δ D(z; (xb − m_b)/s_b)
 * by s, and the encoder's start control with it. With per-component σ_δ, m_b, s_b it is not (the control case).
 */
class TranslationEquivarianceTest {

    private static final int N = 24;

    @Test
    void aPooledConvVaeCommutesWithShifts() {
        TrainedVae vae = withNormalisation(TestVaes.random(TestVaes.conv(N, true), 3), pooledFromData());
        assertThat(vae.normalisation().homogeneous()).isTrue();
        for (int s : new int[] {1, 5, N - 1}) {
            assertThat(shiftError(vae, s)).as("shift %d", s).isLessThan(1e-12);
        }
    }

    @Test
    void perComponentNormalisationBreaksIt() {
        TrainedVae vae = TestVaes.random(TestVaes.conv(N, true), 3); // random per-component σ_δ, m_b, s_b
        assertThat(vae.normalisation().homogeneous()).isFalse();
        assertThat(shiftError(vae, 5)).isGreaterThan(1e-3);
    }

    @Test
    void autoPoolsForConvAndNotForMlp() {
        assertThat(VaePriorProvider.pooled("auto", TestVaes.conv(N, true))).isTrue();
        assertThat(VaePriorProvider.pooled("auto", TestVaes.mlp(N, true))).isFalse();
        assertThat(VaePriorProvider.pooled("component", TestVaes.conv(N, true))).isFalse();
        assertThat(VaePriorProvider.pooled("pooled", TestVaes.mlp(N, true))).isTrue();
    }

    /** max |T(shift z; shift xb) − shift T(z; xb)| and the same for the encoder's start control. */
    private static double shiftError(TrainedVae vae, int s) {
        VaePrior prior = VaePrior.of(vae, new VaePriorOptions(1.0, true, false, 1e6, VaePriorOptions.Start.ENCODER));
        SplittableRandom random = new SplittableRandom(11);
        double[] xb = new double[N];
        double[] z = new double[N];
        for (int i = 0; i < N; i++) {
            xb[i] = 2.3 + 3 * random.nextGaussian();
            z[i] = random.nextGaussian();
        }
        ControlTransform t = prior.at(xb);
        ControlTransform shifted = prior.at(shift(xb, s));
        double error = maxDifference(shifted.apply(shift(z, s)), shift(t.apply(z), s));
        return Math.max(error, maxDifference(shifted.initialControl(), shift(t.initialControl(), s)));
    }

    /** (shift x)_i = x_{(i − s) mod n}. */
    private static double[] shift(double[] x, int s) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[(i + s) % x.length] = x[i];
        }
        return y;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** The pooled estimate from inhomogeneous data (each component its own mean and spread). */
    private static Normalisation pooledFromData() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] xb = new double[200][N];
        double[][] d = new double[200][N];
        for (double[][] rows : new double[][][] {xb, d}) {
            for (double[] row : rows) {
                for (int i = 0; i < N; i++) {
                    row[i] = i * 0.1 + (1 + 0.05 * i) * random.nextGaussian();
                }
            }
        }
        return Normalisation.estimate(xb, d, true);
    }

    private static TrainedVae withNormalisation(TrainedVae v, Normalisation norm) {
        return new TrainedVae(v.architecture(), norm, v.training(), v.summary(), v.setup(), v.weights());
    }
}
