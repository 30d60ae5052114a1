package org.vaevar.priors.vae.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.vaevar.api.parallel.ComputeThreads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast circular convolution against the straightforward one it replaced ({@link ReferenceCircularConv}), on
 * random weights and inputs: forward and transpose agree to 1e-12 relative, for the decoder's shapes (1 → c,
 * c → c, c → 1), kernels 1, 3, 5, 7, and grids smaller than the kernel (the halo wraps more than once).
 */
class CircularConvWeightsTest {

    private static double[] gaussian(SplittableRandom random, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double maxRelative(double[] actual, double[] expected) {
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
        }
        return worst;
    }

    @ParameterizedTest(name = "n {0}, {1} -> {2} channels, kernel {3}")
    @CsvSource({"40,1,16,5", "40,16,16,5", "40,16,1,5", "40,2,16,5", "1000,16,16,5", "17,3,4,3", "12,5,2,7",
        "9,4,4,1", "3,2,3,5", "2,3,1,7", "10000,16,16,5", "10000,3,1,5", "9001,4,6,3"})
    void agreesWithTheReferenceImplementation(int n, int cin, int cout, int k) {
        SplittableRandom random = new SplittableRandom(31L * n + 7L * cin + cout + k);
        double[] w = gaussian(random, k * cin * cout);
        float[] wf = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            wf[i] = (float) w[i];
            w[i] = wf[i]; // the fast path stores float weights widened to double
        }
        CircularConvWeights fast = CircularConvWeights.fromTrainingLayout(n, cin, cout, k, wf);
        ReferenceCircularConv reference = ReferenceCircularConv.of(n, cin, cout, k, w);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = gaussian(random, n * cin);
            double[] y = gaussian(random, n * cout);
            double[] fy = new double[n * cout];
            double[] ry = new double[n * cout];
            java.util.Arrays.fill(fy, Double.NaN); // outputs are overwritten, not accumulated into
            fast.apply(x, fy);
            reference.apply(x, ry);
            assertThat(maxRelative(fy, ry)).as("forward").isLessThan(1e-12);
            double[] fx = new double[n * cin];
            double[] rx = new double[n * cin];
            java.util.Arrays.fill(fx, Double.NaN);
            fast.applyTranspose(y, fx);
            reference.applyTranspose(y, rx);
            assertThat(maxRelative(fx, rx)).as("transpose").isLessThan(1e-12);
        }
    }

    /** Grids of several blocks: forward and transpose are the same doubles on 1, 2, 3 and 8 threads. */
    @ParameterizedTest(name = "n {0}, {1} -> {2} channels, kernel {3}")
    @CsvSource({"20000,16,16,5", "20000,16,1,5", "12289,5,7,3"})
    void resultsDoNotDependOnTheThreadCount(int n, int cin, int cout, int k) {
        SplittableRandom random = new SplittableRandom(n);
        double[] w = gaussian(random, k * cin * cout);
        float[] wf = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            wf[i] = (float) w[i];
        }
        CircularConvWeights conv = CircularConvWeights.fromTrainingLayout(n, cin, cout, k, wf);
        double[] x = gaussian(random, n * cin);
        double[] y = gaussian(random, n * cout);
        double[] y1 = null;
        double[] x1 = null;
        for (int t : new int[] {1, 2, 3, 8}) {
            double[] fy = new double[n * cout];
            double[] fx = new double[n * cin];
            double[] a = new double[fy.length];
            ComputeThreads.sharingEveryCall(t, () -> {
                conv.apply(x, fy);
                conv.applyTranspose(y, fx);
                Activation.TANH.evaluate(fy, a, null, null);
                return null;
            });
            if (y1 == null) {
                y1 = a;
                x1 = fx;
            } else {
                assertThat(a).as("forward, threads %d", t).containsExactly(y1);
                assertThat(fx).as("transpose, threads %d", t).containsExactly(x1);
            }
        }
    }
}
