package org.example.twoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The right-hand side against the equations written out term by term, index by index. */
class TwoScaleLorenz96TendencyTest {

    @Test
    void matchesTheEquations() {
        int kk = 5;
        int jj = 3;
        double h = 0.7;
        double c = 4;
        double b = 2.5;
        double f = 9;
        var tendency = new TwoScaleLorenz96Tendency(kk, jj, h, c, b, f);
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[kk + jj * kk];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] out = new double[x.length];
        tendency.evaluate(x, out);
        int fast = jj * kk;
        for (int k = 0; k < kk; k++) {
            double sum = 0;
            for (int j = 0; j < jj; j++) {
                sum += x[kk + k * jj + j];
            }
            double expected = -x[Math.floorMod(k - 1, kk)] * (x[Math.floorMod(k - 2, kk)] - x[(k + 1) % kk]) - x[k]
                    + f - h * c / b * sum;
            assertThat(out[k]).as("dX_%d/dt", k).isCloseTo(expected, within(1e-12));
        }
        for (int k = 0; k < kk; k++) {
            for (int j = 0; j < jj; j++) {
                int m = k * jj + j;
                double y = x[kk + m];
                double yNext = x[kk + (m + 1) % fast];
                double yNext2 = x[kk + (m + 2) % fast];
                double yPrev = x[kk + Math.floorMod(m - 1, fast)];
                double expected = -c * b * yNext * (yNext2 - yPrev) - c * y + h * c / b * x[k];
                assertThat(out[kk + m]).as("dY_{%d,%d}/dt", j, k).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void withoutCouplingTheSlowVariablesAreLorenz96() {
        var tendency = new TwoScaleLorenz96Tendency(6, 2, 0.0, 10, 10, 8);
        double[] x = {1, 2, 3, 4, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        double[] out = new double[x.length];
        tendency.evaluate(x, out);
        // dx_0/dt = (x_1 − x_4) x_5 − x_0 + F = (2 − 5)·6 − 1 + 8
        assertThat(out[0]).isEqualTo(-11.0);
    }
}
