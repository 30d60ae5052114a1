package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Linearization;
import org.vaevar.api.parallel.Blocks;
import org.vaevar.api.parallel.ComputeThreads;

/** Forecast, tangent-linear and adjoint at n = 20 000 are the same doubles on 1, 2, 3 and 8 threads. */
class Lorenz96ThreadCountTest {


    @Test
    void resultsDoNotDependOnTheThreadCount() {
        int n = 20_000;
        assertThat(Blocks.count(n)).isGreaterThan(3);
        Lorenz96 model = new Lorenz96(n, 8.0, 0.05);
        SplittableRandom r = new SplittableRandom(3);
        double[] x0 = model.forecast(model.randomState(new java.util.Random(1)), 200);
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = r.nextGaussian();
            dy[i] = r.nextGaussian();
        }
        double[][] reference = null;
        for (int t : new int[] {1, 2, 3, 8}) {
            double[][] got = ComputeThreads.sharingEveryCall(t, () -> {
                double[] f = model.forecast(x0, 7);
                double[] inPlace = x0.clone();
                model.advance(inPlace, 7);
                Linearization l = model.linearize(x0, 7);
                return new double[][] {f, inPlace, l.value(), l.apply(dx), l.applyAdjoint(dy)};
            });
            if (reference == null) {
                reference = got;
                assertThat(got[1]).containsExactly(got[0]);
            } else {
                for (int k = 0; k < got.length; k++) {
                    assertThat(got[k]).as("threads %d, output %d", t, k).containsExactly(reference[k]);
                }
            }
        }
    }
}
