package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;

class CorrectionSamplersTest {

    /** A prior from a plugin that cannot see the harness: the method exists by name and signature only. */
    public static final class DuckPrior implements BackgroundPrior {
        @Override public String name() { return "duck"; }
        @Override public int stateDimension() { return 2; }
        @Override public int controlDimension() { return 2; }
        @Override public ControlTransform at(double[] background) { throw new UnsupportedOperationException(); }

        public double[][] sampleCorrections(double[] background, int count, long seed) {
            double[][] out = new double[count][2];
            for (int k = 0; k < count; k++) {
                out[k][0] = seed + k;
                out[k][1] = background[0];
            }
            return out;
        }
    }

    @Test
    void aPublicSampleCorrectionsMethodIsAdapted() {
        CorrectionSampler s = CorrectionSamplers.of(new DuckPrior()).orElseThrow();
        double[][] d = s.sampleCorrections(new double[] {7, 8}, 2, 40);
        assertThat(d[0]).containsExactly(40, 7);
        assertThat(d[1]).containsExactly(41, 7);
    }

    @Test
    void aPriorWithoutTheCapabilityHasNoSampler() {
        BackgroundPrior plain = new BackgroundPrior() {
            @Override public String name() { return "plain"; }
            @Override public int stateDimension() { return 1; }
            @Override public int controlDimension() { return 1; }
            @Override public ControlTransform at(double[] background) { return null; }
        };
        assertThat(CorrectionSamplers.of(plain)).isEmpty();
    }
}
