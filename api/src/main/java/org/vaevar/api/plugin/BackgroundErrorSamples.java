package org.vaevar.api.plugin;

import org.vaevar.api.util.Checks;

/**
 * Pairs (xb, x^t) of backgrounds and the truths at the same times, collected by a calibration run. The
 * correction δ = x^t − xb is what an analysis must add to the background (mind the sign: the background error
 * is its negative). Both the Gaussian B and the VAE learn from the same samples.
 */
public final class BackgroundErrorSamples {

    private final double[][] backgrounds;
    private final double[][] truths;

    public BackgroundErrorSamples(double[][] backgrounds, double[][] truths) {
        if (backgrounds.length != truths.length) {
            throw new IllegalArgumentException("background-error samples: " + backgrounds.length
                    + " backgrounds but " + truths.length + " truths");
        }
        if (backgrounds.length == 0) {
            throw new IllegalArgumentException("background-error samples: none");
        }
        int n = backgrounds[0].length;
        this.backgrounds = new double[backgrounds.length][];
        this.truths = new double[truths.length][];
        for (int k = 0; k < backgrounds.length; k++) {
            Checks.finiteWithDimension("background sample " + k, backgrounds[k], n);
            Checks.finiteWithDimension("truth sample " + k, truths[k], n);
            this.backgrounds[k] = backgrounds[k].clone();
            this.truths[k] = truths[k].clone();
        }
    }

    public int size() {
        return backgrounds.length;
    }

    public int dimension() {
        return backgrounds[0].length;
    }

    public double[] background(int k) {
        return backgrounds[k].clone();
    }

    public double[] truth(int k) {
        return truths[k].clone();
    }

    /** δ_k = x^t_k − xb_k. */
    public double[] correction(int k) {
        double[] d = new double[backgrounds[k].length];
        for (int i = 0; i < d.length; i++) {
            d[i] = truths[k][i] - backgrounds[k][i];
        }
        return d;
    }

    /** All corrections as rows. */
    public double[][] corrections() {
        double[][] out = new double[size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = correction(k);
        }
        return out;
    }
}
