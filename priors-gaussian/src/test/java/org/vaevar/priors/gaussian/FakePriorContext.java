package org.vaevar.priors.gaussian;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.util.ProgressListener;

/**
 * A {@link PriorContext} over given samples and climatology, counting requests. Without samples it throws the
 * {@link IllegalStateException} the contract prescribes for an experiment with no calibration.
 */
final class FakePriorContext implements PriorContext {

    private final int n;
    private final BackgroundErrorSamples samples;
    private final double[][] climatology;
    int backgroundErrorRequests;
    int climatologyRequests;

    FakePriorContext(int n, BackgroundErrorSamples samples, double[][] climatology) {
        this.n = n;
        this.samples = samples;
        this.climatology = climatology;
    }

    /** Corrections δ_k given directly: backgrounds zero, truths δ_k. */
    static FakePriorContext withCorrections(double[][] corrections) {
        double[][] backgrounds = new double[corrections.length][corrections[0].length];
        return new FakePriorContext(corrections[0].length, new BackgroundErrorSamples(backgrounds, corrections),
                null);
    }

    /**
     * Synthetic context: N corrections δ = bias + A z with z standard normal and A a fixed lower-triangular mixing
     * (so B = A Aᵀ is dense and anisotropic), plus M climatology states 3 + 2·A z'. Backgrounds are random too, so
     * only δ = xᵗ − xb carries the structure.
     */
    static FakePriorContext synthetic(int n, int samples, int climatologyStates, double bias, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = (i == j ? 1.0 + 0.1 * i : 0.4 * random.nextGaussian());
            }
        }
        double[][] xb = new double[samples][n];
        double[][] xt = new double[samples][n];
        for (int k = 0; k < samples; k++) {
            double[] d = mix(a, random);
            for (int i = 0; i < n; i++) {
                xb[k][i] = 5 * random.nextGaussian();
                xt[k][i] = xb[k][i] + bias + d[i];
            }
        }
        double[][] clim = new double[climatologyStates][];
        for (int k = 0; k < climatologyStates; k++) {
            double[] d = mix(a, random);
            for (int i = 0; i < n; i++) {
                d[i] = 3 + 2 * d[i];
            }
            clim[k] = d;
        }
        return new FakePriorContext(n, samples == 0 ? null : new BackgroundErrorSamples(xb, xt),
                climatologyStates == 0 ? null : clim);
    }

    private static double[] mix(double[][] a, SplittableRandom random) {
        int n = a.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i] += a[i][j] * z[j];
            }
        }
        return d;
    }

    @Override
    public int stateDimension() {
        return n;
    }

    @Override
    public BackgroundErrorSamples backgroundErrors() {
        backgroundErrorRequests++;
        if (samples == null) {
            throw new IllegalStateException("this experiment has no calibration run");
        }
        return samples;
    }

    @Override
    public double[][] climatology() {
        climatologyRequests++;
        if (climatology == null) {
            throw new IllegalStateException("this experiment has no climatology run");
        }
        return climatology;
    }

    @Override
    public long seed() {
        return 7;
    }

    @Override
    public Map<String, Object> setup() {
        return Map.of();
    }

    @Override
    public Path cacheDirectory() {
        return Path.of("target", "prior-cache");
    }

    @Override
    public ProgressListener progress() {
        return ProgressListener.SILENT;
    }
}
