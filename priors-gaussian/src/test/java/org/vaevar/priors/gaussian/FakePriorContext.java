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

    /**
     * A homogeneous context for any n, without n×n work: corrections δ = bias + h ⊛ z, a circular moving average
     * of white noise z with the Gaussian kernel h_j = exp(−j²/(2·width²)), |j| ≤ 3·width (so B is circulant with
     * eigenvalues |FFT(h)|²), and climatology states 3 + 2·(h ⊛ z').
     */
    static FakePriorContext stationary(int n, int samples, int climatologyStates, double bias, double width,
                                       long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] h = stationaryKernel(width);
        double[][] xb = new double[samples][];
        double[][] xt = new double[samples][];
        for (int k = 0; k < samples; k++) {
            double[] d = movingAverage(h, n, random);
            xb[k] = new double[n];
            xt[k] = new double[n];
            for (int i = 0; i < n; i++) {
                xb[k][i] = random.nextGaussian();
                xt[k][i] = xb[k][i] + bias + d[i];
            }
        }
        double[][] clim = new double[climatologyStates][];
        for (int k = 0; k < climatologyStates; k++) {
            double[] d = movingAverage(h, n, random);
            for (int i = 0; i < n; i++) {
                d[i] = 3 + 2 * d[i];
            }
            clim[k] = d;
        }
        return new FakePriorContext(n, samples == 0 ? null : new BackgroundErrorSamples(xb, xt),
                climatologyStates == 0 ? null : clim);
    }

    /** h_j for j = −3w..3w (index j + 3w). */
    static double[] stationaryKernel(double width) {
        int half = (int) Math.ceil(3 * width);
        double[] h = new double[2 * half + 1];
        for (int j = -half; j <= half; j++) {
            h[j + half] = Math.exp(-j * j / (2 * width * width));
        }
        return h;
    }

    private static double[] movingAverage(double[] h, int n, SplittableRandom random) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
        }
        int half = h.length / 2;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = -half; j <= half; j++) {
                s += h[j + half] * z[Math.floorMod(i + j, n)];
            }
            d[i] = s;
        }
        return d;
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
