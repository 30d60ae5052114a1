package org.vaevar.harness.reproduce;

import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.CorrectionSampler;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * The error-shape figure's data: of a setting's calibration corrections xᵗ − xb, the component furthest from
 * Gaussian (largest |skewness| + |excess kurtosis|), and draws from the learned prior at the same backgrounds.
 */
final class ErrorShapes {

    private static final int SHAPE_SAMPLES = 4000;

    private ErrorShapes() {
    }

    /** The most non-Gaussian component of a setting's calibration corrections, with the learned prior's samples. */
    static ErrorShape of(Plan plan, SettingSpec s, TwinSetting twin) {
        BackgroundErrorSamples samples = twin.calibration().samples();
        int count = Math.min(samples.size(), SHAPE_SAMPLES);
        int n = samples.dimension();
        double[][] byComponent = new double[n][count];
        for (int k = 0; k < count; k++) {
            double[] d = samples.correction(k);
            for (int i = 0; i < n; i++) {
                byComponent[i][k] = d[i];
            }
        }
        int best = 0;
        double bestScore = -1;
        double[] bestMoments = null;
        for (int i = 0; i < n; i++) {
            double[] mo = shapeMoments(byComponent[i]);
            double score = Math.abs(mo[0]) + Math.abs(mo[1]);
            if (score > bestScore) { // strict: the lowest index wins a tie
                bestScore = score;
                best = i;
                bestMoments = mo;
            }
        }
        double[] learnedSamples = null;
        String learnedLabel = null;
        LearnedPrior learned = plan.learned();
        if (learned != null) {
            BackgroundPrior prior;
            try {
                prior = twin.prior("figure", learned.config().apply(s).with(learned.tunedParameter(), 1.0));
            } catch (IllegalArgumentException e) {
                prior = null;
            }
            if (prior instanceof CorrectionSampler sampler) {
                learnedSamples = new double[count];
                long seed = plan.settingSeed(s);
                for (int k = 0; k < count; k++) {
                    learnedSamples[k] = sampler.sampleCorrections(samples.background(k), 1,
                            Seeds.derive(seed, "figure/learned-sample/" + k))[0][best];
                }
                learnedLabel = learned.prefix().toUpperCase(java.util.Locale.ROOT) + " samples ("
                        + learned.tunedParameter() + " = 1)";
            }
        }
        return new ErrorShape(s.id(), best, byComponent[best], learnedSamples, learnedLabel, bestMoments[0],
                bestMoments[1]);
    }

    /** {skewness, excess kurtosis} from the central moments m2, m3, m4 (both 0 for a Gaussian). */
    static double[] shapeMoments(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double m2 = 0, m3 = 0, m4 = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= x.length;
        m3 /= x.length;
        m4 /= x.length;
        if (!(m2 > 0)) {
            return new double[] {0, 0};
        }
        return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3};
    }
}
