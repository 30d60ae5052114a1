package org.vaevar.priors.vae;

import org.vaevar.api.util.Checks;

/**
 * How the VAE sees its data: δ = (xᵗ − xb)/σ_δ per component, and (conditional VAEs) the background as
 * (xb − m_b)/s_b. The corrections are scaled but not centred: a nonzero mean correction (a biased background)
 * is learnt by the decoder, which is what a skewed error distribution needs.
 *
 * @param correctionScale σ_δ, the standard deviation of the corrections per component (or pooled over
 *                        components for a homogeneous periodic domain)
 * @param backgroundMean  m_b, the mean background per component (or pooled)
 * @param backgroundScale s_b, the standard deviation of the backgrounds per component (or pooled)
 */
public record Normalisation(double[] correctionScale, double[] backgroundMean, double[] backgroundScale) {

    public Normalisation {
        int n = correctionScale.length;
        Checks.dimension("background mean", backgroundMean, n);
        Checks.dimension("background scale", backgroundScale, n);
        for (int i = 0; i < n; i++) {
            Checks.positive("correction scale σ_δ[" + i + "]", correctionScale[i]);
            Checks.positive("background scale[" + i + "]", backgroundScale[i]);
            if (!Double.isFinite(backgroundMean[i])) {
                throw new IllegalArgumentException("background mean[" + i + "] = " + backgroundMean[i]
                        + ": must be finite");
            }
        }
        correctionScale = correctionScale.clone();
        backgroundMean = backgroundMean.clone();
        backgroundScale = backgroundScale.clone();
    }

    /**
     * Estimates the normalisation from background/correction pairs (rows). {@code pooled}: one σ_δ, one m_b and
     * one s_b for all components (σ's the root-mean-square of the per-component standard deviations, m_b the mean
     * over components and samples). On a homogeneous periodic domain a shift of xb and δ by s grid points then
     * shifts their normalised forms by s, so a convolutional VAE is exactly translation equivariant; with
     * per-component values it is not (each point gets its own offset and scale).
     */
    public static Normalisation estimate(double[][] backgrounds, double[][] corrections, boolean pooled) {
        int n = corrections[0].length;
        double[] sd = std(corrections, "correction");
        double[] mb = mean(backgrounds);
        double[] sb = std(backgrounds, "background");
        if (pooled) {
            sd = pool(sd);
            sb = pool(sb);
            java.util.Arrays.fill(mb, java.util.Arrays.stream(mb).average().orElseThrow());
        }
        for (int i = 0; i < n; i++) {
            if (!(sd[i] > 0)) {
                throw new IllegalArgumentException("background-error samples: correction component " + i
                        + " has zero spread (σ_δ = " + sd[i] + "); cannot normalise");
            }
            if (!(sb[i] > 0)) {
                sb[i] = 1; // a constant background component carries no information: leave it unscaled
            }
        }
        return new Normalisation(sd, mb, sb);
    }

    public int dimension() {
        return correctionScale.length;
    }

    /** True when every component has the same σ_δ, m_b and s_b (a pooled normalisation). */
    public boolean homogeneous() {
        return constant(correctionScale) && constant(backgroundMean) && constant(backgroundScale);
    }

    /**
     * The same normalisation on a homogeneous grid of {@code n} points: one σ_δ and s_b serve every point, and the
     * background mean m_b, a per-component estimate of one value, becomes its spatial mean. Refused when σ_δ or s_b
     * differ between components (a per-component normalisation does not carry over to another grid).
     */
    public Normalisation onGrid(int n) {
        if (!constant(correctionScale) || !constant(backgroundScale)) {
            throw new IllegalArgumentException("its normalisation has per-component scales (trained with"
                    + " normalisation = component), which do not carry over to another grid");
        }
        double meanBackground = java.util.Arrays.stream(backgroundMean).average().orElseThrow();
        return new Normalisation(filled(n, correctionScale[0]), filled(n, meanBackground),
                filled(n, backgroundScale[0]));
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    private static boolean constant(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** δ = correction / σ_δ. */
    public double[] normaliseCorrection(double[] correction) {
        double[] d = new double[correction.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = correction[i] / correctionScale[i];
        }
        return d;
    }

    /** (xb − m_b)/s_b. */
    public double[] normaliseBackground(double[] background) {
        double[] d = new double[background.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (background[i] - backgroundMean[i]) / backgroundScale[i];
        }
        return d;
    }

    @Override
    public double[] correctionScale() {
        return correctionScale.clone();
    }

    @Override
    public double[] backgroundMean() {
        return backgroundMean.clone();
    }

    @Override
    public double[] backgroundScale() {
        return backgroundScale.clone();
    }

    private static double[] mean(double[][] rows) {
        int n = rows[0].length;
        double[] m = new double[n];
        for (double[] r : rows) {
            for (int i = 0; i < n; i++) {
                m[i] += r[i];
            }
        }
        for (int i = 0; i < n; i++) {
            m[i] /= rows.length;
        }
        return m;
    }

    private static double[] std(double[][] rows, String what) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("background-error samples: " + rows.length + " " + what
                    + " sample(s); need at least 2 to estimate a spread");
        }
        double[] m = mean(rows);
        int n = m.length;
        double[] s = new double[n];
        for (double[] r : rows) {
            for (int i = 0; i < n; i++) {
                double d = r[i] - m[i];
                s[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            s[i] = Math.sqrt(s[i] / (rows.length - 1));
        }
        return s;
    }

    private static double[] pool(double[] s) {
        double ms = 0;
        for (double v : s) {
            ms += v * v;
        }
        double p = Math.sqrt(ms / s.length);
        double[] out = new double[s.length];
        java.util.Arrays.fill(out, p);
        return out;
    }
}
