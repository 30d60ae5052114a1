package org.vaevar.assimilation.experiment;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.ProgressListener;

/** Prior contexts for tests that need background-error samples without running a calibration. */
public final class TestContexts {

    private TestContexts() {
    }

    /**
     * Samples whose truths lie on the model's attractor and whose corrections are spatially correlated on the ring
     * (white noise smoothed over ±1 neighbours, times {@code spread}), so B is full and positive definite.
     */
    public static ExperimentPriorContext withSyntheticSamples(DynamicalModel model, int count, double spread,
                                                              long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = model.dimension();
        double[][] truths = new double[count][];
        double[][] backgrounds = new double[count][];
        double[] x = model.forecast(model.randomState(random), 500);
        for (int k = 0; k < count; k++) {
            x = model.forecast(x, 7);
            double[] white = new double[n];
            for (int i = 0; i < n; i++) {
                white[i] = random.nextGaussian();
            }
            double[] xb = new double[n];
            for (int i = 0; i < n; i++) {
                double smooth = white[i] + 0.5 * (white[(i + 1) % n] + white[(i + n - 1) % n]);
                xb[i] = x[i] - spread * smooth;
            }
            truths[k] = x;
            backgrounds[k] = xb;
        }
        BackgroundErrorSamples samples = new BackgroundErrorSamples(backgrounds, truths);
        return new ExperimentPriorContext(n, () -> samples, () -> truths, seed, Map.of("model", model.name()),
                Path.of("target", "test-cache"), ProgressListener.SILENT);
    }
}
