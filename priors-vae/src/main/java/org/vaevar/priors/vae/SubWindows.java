package org.vaevar.priors.vae;

import org.vaevar.api.plugin.BackgroundErrorSamples;

/**
 * Training pairs on a short periodic grid cut from samples of a long one: a circular-convolution VAE learns local
 * error statistics, which on a homogeneous domain are the same in every window, so it can be trained on windows of w
 * points and then run on all n ({@link TrainedVae#onGrid}). Training cost then scales with w, not n.
 *
 * <p>Sample k gives m windows of w consecutive points starting at (j·⌊n/m⌋ + k·w) mod n, j = 0 … m−1, read
 * circularly (the domain is periodic). The network treats each window as periodic itself, so its receptive field
 * sees a seam at the window's two ends that the long domain does not have: choose w several receptive fields wide.
 */
public final class SubWindows {

    private SubWindows() {
    }

    /**
     * @param w         window length, 1 ≤ w ≤ n
     * @param perSample windows per sample m ≥ 1
     * @return m·size pairs (xb, xᵗ) of dimension w, sample-major
     */
    public static BackgroundErrorSamples cut(BackgroundErrorSamples samples, int w, int perSample) {
        int n = samples.dimension();
        if (w < 1 || w > n) {
            throw new IllegalArgumentException("window of " + w + " points on a grid of " + n);
        }
        if (perSample < 1) {
            throw new IllegalArgumentException("windows per sample: " + perSample + ": must be at least 1");
        }
        int stride = n / perSample;
        double[][] backgrounds = new double[samples.size() * perSample][];
        double[][] truths = new double[backgrounds.length][];
        for (int k = 0; k < samples.size(); k++) {
            double[] xb = samples.background(k);
            double[] xt = samples.truth(k);
            for (int j = 0; j < perSample; j++) {
                int start = (int) (((long) j * stride + (long) k * w) % n);
                backgrounds[k * perSample + j] = window(xb, start, w);
                truths[k * perSample + j] = window(xt, start, w);
            }
        }
        return new BackgroundErrorSamples(backgrounds, truths);
    }

    private static double[] window(double[] x, int start, int w) {
        double[] out = new double[w];
        int n = x.length;
        int first = Math.min(w, n - start); // up to the end of the grid, then from its start
        System.arraycopy(x, start, out, 0, first);
        System.arraycopy(x, 0, out, first, w - first);
        return out;
    }
}
