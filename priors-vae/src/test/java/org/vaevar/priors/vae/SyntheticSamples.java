package org.vaevar.priors.vae;

import java.util.SplittableRandom;
import org.vaevar.api.plugin.BackgroundErrorSamples;

/** Synthetic background-error samples with known, non-Gaussian correction distributions. */
public final class SyntheticSamples {

    private SyntheticSamples() {
    }

    /**
     * Corrections δ with a skewed first component (a centred exponential, skewness 2), a second component that
     * is a noisy function of the first (δ₂ = 0.8·(δ₁² − 1) + 0.3·ε: a banana, curved dependence), and Gaussian
     * others; backgrounds standard normal.
     */
    public static BackgroundErrorSamples skewed(int count, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xb = new double[count][n];
        double[][] xt = new double[count][n];
        for (int k = 0; k < count; k++) {
            double e = -Math.log(1 - r.nextDouble()) - 1; // Exp(1) − 1: mean 0, skewness 2
            double[] d = new double[n];
            d[0] = e;
            if (n > 1) {
                d[1] = 0.8 * (e * e - 1) + 0.3 * r.nextGaussian();
            }
            for (int i = 2; i < n; i++) {
                d[i] = r.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                xb[k][i] = r.nextGaussian();
                xt[k][i] = xb[k][i] + d[i];
            }
        }
        return new BackgroundErrorSamples(xb, xt);
    }

    /** Bimodal first component: ±1.5 with probability ½ each plus N(0, 0.3²); others Gaussian. */
    public static BackgroundErrorSamples bimodal(int count, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xb = new double[count][n];
        double[][] xt = new double[count][n];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                double d = i == 0 ? (r.nextBoolean() ? 1.5 : -1.5) + 0.3 * r.nextGaussian() : r.nextGaussian();
                xb[k][i] = r.nextGaussian();
                xt[k][i] = xb[k][i] + d;
            }
        }
        return new BackgroundErrorSamples(xb, xt);
    }

    /**
     * Two independent non-Gaussian components: δ₀ bimodal (±1.5 with probability ½ each, plus N(0, 0.3²)),
     * δ₁ = Exp(1) − 1 (mean 0, skewness 2); backgrounds standard normal.
     */
    public static BackgroundErrorSamples bimodalAndSkewed(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xb = new double[count][2];
        double[][] xt = new double[count][2];
        for (int k = 0; k < count; k++) {
            double d0 = (r.nextBoolean() ? 1.5 : -1.5) + 0.3 * r.nextGaussian();
            double d1 = -Math.log(1 - r.nextDouble()) - 1;
            xb[k][0] = r.nextGaussian();
            xb[k][1] = r.nextGaussian();
            xt[k][0] = xb[k][0] + d0;
            xt[k][1] = xb[k][1] + d1;
        }
        return new BackgroundErrorSamples(xb, xt);
    }

    /** Smooth periodic Gaussian fields on n points (for the convolutional VAE), corrections scaled by 0.5. */
    public static BackgroundErrorSamples periodic(int count, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xb = new double[count][n];
        double[][] xt = new double[count][n];
        for (int k = 0; k < count; k++) {
            double[] white = new double[n];
            for (int i = 0; i < n; i++) {
                white[i] = r.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double d = 0.5 * (white[i] + 0.6 * (white[(i + 1) % n] + white[(i + n - 1) % n]));
                xb[k][i] = 2 + r.nextGaussian();
                xt[k][i] = xb[k][i] + d;
            }
        }
        return new BackgroundErrorSamples(xb, xt);
    }

    /**
     * Conditional corrections: δ depends on the background, δ_i = 0.5·tanh(xb_i) + 0.3·ε_i.
     */
    public static BackgroundErrorSamples conditional(int count, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] xb = new double[count][n];
        double[][] xt = new double[count][n];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                xb[k][i] = r.nextGaussian();
                xt[k][i] = xb[k][i] + 0.5 * Math.tanh(2 * xb[k][i]) + 0.3 * r.nextGaussian();
            }
        }
        return new BackgroundErrorSamples(xb, xt);
    }
}
