package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.ControlTransform;
import org.vaevar.priors.vae.net.Network;

/** What the transform computes: x = xb + σ_δ ⊙ D(z; xb), its start, its samples, its refusals. */
class VaeTransformTest {

    @Test
    void conditionalTransformsEqualTheDecoderOnTheJoinedInput() {
        for (VaeArchitecture arch : new VaeArchitecture[] {TestVaes.mlp(4, true), TestVaes.conv(9, true)}) {
            TrainedVae vae = TestVaes.random(arch, 31);
            VaePrior prior = VaePrior.of(vae, VaePriorOptions.defaults());
            SplittableRandom r = new SplittableRandom(3);
            int n = arch.stateDimension();
            double[] xb = gaussian(r, n);
            double[] z = gaussian(r, arch.latentDimension());
            double[] decoded = vae.decoder().apply(arch.joinWithBackground(z, arch.latentChannels(),
                    vae.normalisation().normaliseBackground(xb)));
            double[] sigma = vae.normalisation().correctionScale();
            double[] x = prior.at(xb).apply(z);
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).as("%s x[%d]", arch.kind(), i).isCloseTo(xb[i] + sigma[i] * decoded[i], within(1e-13));
            }
        }
    }

    @Test
    void encoderStartIsTheEncoderMeanOfAZeroCorrection() {
        VaeArchitecture arch = TestVaes.mlp(3, true);
        TrainedVae vae = TestVaes.random(arch, 32);
        double[] xb = {0.5, -1, 2};
        ControlTransform t = VaePrior.of(vae, VaePriorOptions.defaults().withStart(VaePriorOptions.Start.ENCODER)).at(xb);
        double[] expected = arch.encoderMean(vae.encoder().apply(arch.joinWithBackground(new double[3], 3,
                vae.normalisation().normaliseBackground(xb))));
        assertThat(t.initialControl()).containsExactly(expected, within(0.0));
        assertThat(VaePrior.of(vae, VaePriorOptions.defaults()).at(xb).initialControl()).containsOnly(0.0);
    }

    @Test
    void penaltyIsHalfTheSquaredNormOverTau() {
        TrainedVae vae = TestVaes.random(TestVaes.mlp(3, false), 33);
        ControlTransform t = VaePrior.of(vae, VaePriorOptions.defaults().withLatentScale(0.25)).at(new double[3]);
        double[] g = new double[3];
        double p = t.penalty().valueAndGradient(new double[] {1, -2, 0.5}, g);
        assertThat(p).isCloseTo(0.5 * (1 + 4 + 0.25) / 0.25, within(1e-14));
        assertThat(g).containsExactly(new double[] {4, -8, 2}, within(1e-14));
        ControlTransform off = VaePrior.of(vae, VaePriorOptions.defaults().withLatentPenalty(false)).at(new double[3]);
        assertThat(off.penalty().valueAndGradient(new double[] {1, -2, 0.5}, g)).isZero();
        assertThat(g).containsOnly(0.0);
    }

    @Test
    void samplesAreDecodedLatentsScaledBySigmaAndDeterministic() {
        TrainedVae vae = TestVaes.random(TestVaes.mlp(3, false), 34);
        VaePrior prior = VaePrior.of(vae, VaePriorOptions.defaults().withLatentScale(4));
        double[][] a = prior.sampleCorrections(null, 50, 9);
        double[][] b = prior.sampleCorrections(null, 50, 9);
        assertThat(a).isDeepEqualTo(b);
        // Independent reconstruction of the first sample: z = √τ · N(0, 1) draws in order.
        SplittableRandom r = new SplittableRandom(9);
        double[] z = {2 * r.nextGaussian(), 2 * r.nextGaussian(), 2 * r.nextGaussian()};
        double[] d = vae.decoder().apply(z);
        double[] sigma = vae.normalisation().correctionScale();
        for (int i = 0; i < 3; i++) {
            assertThat(a[0][i]).isCloseTo(sigma[i] * d[i], within(1e-15));
        }
    }

    @Test
    void badInputIsRefusedByName() {
        VaePrior prior = VaePrior.of(TestVaes.random(TestVaes.mlp(3, true), 35), VaePriorOptions.defaults());
        assertThatThrownBy(() -> prior.at(new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background xb[1] = NaN");
        assertThatThrownBy(() -> prior.at(new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background xb has 2 entries");
        ControlTransform t = prior.at(new double[3]);
        assertThatThrownBy(() -> t.apply(new double[] {0, Double.POSITIVE_INFINITY, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latent z[1] = Infinity");
        assertThatThrownBy(() -> prior.sampleCorrections(null, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background xb is missing");
    }

    @Test
    void unconditionalConvolutionalDecoderCommutesWithCyclicShifts() {
        Network d = TestVaes.random(TestVaes.conv(10, false), 36).decoder();
        SplittableRandom r = new SplittableRandom(4);
        double[] z = gaussian(r, 10);
        double[] shifted = new double[10];
        for (int i = 0; i < 10; i++) {
            shifted[(i + 3) % 10] = z[i];
        }
        double[] y = d.apply(z);
        double[] ys = d.apply(shifted);
        for (int i = 0; i < 10; i++) {
            assertThat(ys[(i + 3) % 10]).isCloseTo(y[i], within(1e-14));
        }
    }

    static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
