package org.vaevar.priors.vae.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void fastTanhAgreesWithMathTanhToAFewUlps() {
        SplittableRandom random = new SplittableRandom(3);
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            double scale = Math.pow(10, -8 + 9 * random.nextDouble()); // |x| from 1e-8 to 10
            double x = scale * (random.nextBoolean() ? 1 : -1) * random.nextDouble();
            double exact = Math.tanh(x);
            worst = Math.max(worst, Math.abs(Activation.tanh(x) - exact) / Math.ulp(exact));
        }
        assertThat(worst).as("worst error in ulps").isLessThan(8);
        assertThat(Activation.tanh(0.0)).isZero();
        assertThat(Activation.tanh(40.0)).isEqualTo(1.0);
        assertThat(Activation.tanh(-40.0)).isEqualTo(-1.0);
        assertThat(Activation.tanh(0.125)).isCloseTo(Math.tanh(0.125), org.assertj.core.api.Assertions.within(1e-16));
    }

    @Test
    void derivativesOfEveryActivationMatchCentralDifferences() {
        for (Activation f : Activation.values()) {
            double[] a = {-2.3, -0.7, -0.01, 0.02, 0.5, 1.9};
            double[] v = new double[a.length], d1 = new double[a.length], d2 = new double[a.length];
            f.evaluate(a, v, d1, d2);
            double h = 1e-5;
            for (int i = 0; i < a.length; i++) {
                double[] up = new double[1], dn = new double[1], dup = new double[1], ddn = new double[1];
                f.evaluate(new double[] {a[i] + h}, up, dup, null);
                f.evaluate(new double[] {a[i] - h}, dn, ddn, null);
                assertThat(d1[i]).as("%s' at %s", f, a[i]).isCloseTo((up[0] - dn[0]) / (2 * h),
                        org.assertj.core.api.Assertions.within(1e-8));
                assertThat(d2[i]).as("%s'' at %s", f, a[i]).isCloseTo((dup[0] - ddn[0]) / (2 * h),
                        org.assertj.core.api.Assertions.within(1e-7));
            }
        }
    }
}
