package org.vaevar.assimilation.experiment;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.assimilation.config.RoundSamples;

/**
 * Self-consistent rounds (docs/DESIGN.md §3): a prior learnt from one filter's errors meets another filter's errors
 * when its own method cycles. A round runs the tuned method on the calibration sample seeds, rebuilds the prior from
 * that method's background errors δ = xᵗ − xb (re-estimates B, retrains the VAE), re-tunes its scalar, and is kept
 * only if the tuning-seed RMSE falls; the first round that does not help ends the rounds (the next would repeat it).
 *
 * <p>A prior retrained on its own cycle's errors sees the bias its analyses leave in δ; {@link RoundSamples} can
 * remove the sample mean δ̄ (a decoder's output at z = 0 is then not pulled towards it) and keep the previous
 * samples beside the new ones.
 */
public final class SelfConsistentRounds {

    /**
     * One round.
     *
     * @param round          1, 2, …
     * @param tuningRmse     the best tuning-seed RMSE after retraining (+∞: every value diverged)
     * @param kept           whether it lowered the best RMSE so far
     * @param samples        the samples the prior was rebuilt from
     * @param meanCorrection ‖δ̄‖/√n of the method's new errors, before centring (the bias a round would learn)
     * @param sampleRunRmse  the mean analysis RMSE of the method's runs on the sample seeds
     */
    public record Round(int round, double tuningRmse, boolean kept, int samples, double meanCorrection,
                        double sampleRunRmse) {
    }

    /**
     * What the rounds gave.
     *
     * @param tuned        the kept tuning (the first one if no round was kept)
     * @param context      the prior context of the kept round
     * @param initialRmse  the best tuning-seed RMSE before any round
     * @param rounds       every round run, kept or not
     */
    public record Result(TwinSetting.Tuned tuned, ExperimentPriorContext context, double initialRmse,
                         List<Round> rounds) {

        public int keptRounds() {
            return (int) rounds.stream().filter(Round::kept).count();
        }
    }

    /** The two steps a round needs from its setting. */
    public interface Steps {

        /** Tunes the prior's scalar with the prior built in {@code context}. */
        TwinSetting.Tuned tune(ExperimentPriorContext context);

        /** The tuned method's errors on the calibration sample seeds; each run's mean RMSE into {@code rmse}. */
        BackgroundErrorSamples errors(TwinSetting.Tuned tuned, ExperimentPriorContext context, List<Double> rmse);
    }

    private SelfConsistentRounds() {
    }

    /** Up to {@code rounds} rounds from {@code first}, tuned in {@code start}. */
    public static Result run(int rounds, RoundSamples how, ExperimentPriorContext start, TwinSetting.Tuned first,
                             Steps steps) {
        double initial = bestRmse(first);
        ExperimentPriorContext context = start;
        TwinSetting.Tuned best = first;
        double bestRmse = initial;
        List<Round> done = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Double> runRmse = new ArrayList<>();
            BackgroundErrorSamples errors;
            try {
                errors = steps.errors(best, context, runRmse);
            } catch (DivergenceException e) {
                done.add(new Round(r, Double.POSITIVE_INFINITY, false, 0, Double.NaN, Double.POSITIVE_INFINITY));
                break;
            }
            double bias = meanCorrection(errors);
            BackgroundErrorSamples samples = how.centres() ? centred(errors) : errors;
            if (how.mixes()) {
                samples = union(context.backgroundErrors(), samples);
            }
            ExperimentPriorContext next = context.withSamples(samples);
            TwinSetting.Tuned tuned;
            double rmse;
            try {
                tuned = steps.tune(next);
                rmse = bestRmse(tuned);
            } catch (DivergenceException e) {
                tuned = null;
                rmse = Double.POSITIVE_INFINITY;
            }
            boolean kept = rmse < bestRmse;
            done.add(new Round(r, rmse, kept, samples.size(), bias,
                    runRmse.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            if (!kept) {
                break;
            }
            context = next;
            best = tuned;
            bestRmse = rmse;
        }
        return new Result(best, context, initial, List.copyOf(done));
    }

    /** The lowest RMSE of a tuning's grid values. */
    static double bestRmse(TwinSetting.Tuned t) {
        return t.points().stream().mapToDouble(ExperimentResult.TuningPoint::rmseAnalysis).min()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** δ̄ = mean_k δ_k, as an RMS over the components: ‖δ̄‖/√n. */
    static double meanCorrection(BackgroundErrorSamples s) {
        double[] mean = meanOfCorrections(s);
        double sum = 0;
        for (double m : mean) {
            sum += m * m;
        }
        return Math.sqrt(sum / mean.length);
    }

    /** The samples with δ̄ removed: xᵗ_k − δ̄ against the same xb_k, so δ_k − δ̄ is what a prior learns. */
    static BackgroundErrorSamples centred(BackgroundErrorSamples s) {
        double[] mean = meanOfCorrections(s);
        double[][] backgrounds = new double[s.size()][];
        double[][] truths = new double[s.size()][];
        for (int k = 0; k < s.size(); k++) {
            backgrounds[k] = s.background(k);
            truths[k] = s.truth(k);
            for (int i = 0; i < mean.length; i++) {
                truths[k][i] -= mean[i];
            }
        }
        return new BackgroundErrorSamples(backgrounds, truths);
    }

    /** Both sample sets, {@code a} first. */
    static BackgroundErrorSamples union(BackgroundErrorSamples a, BackgroundErrorSamples b) {
        double[][] backgrounds = new double[a.size() + b.size()][];
        double[][] truths = new double[a.size() + b.size()][];
        for (int k = 0; k < a.size(); k++) {
            backgrounds[k] = a.background(k);
            truths[k] = a.truth(k);
        }
        for (int k = 0; k < b.size(); k++) {
            backgrounds[a.size() + k] = b.background(k);
            truths[a.size() + k] = b.truth(k);
        }
        return new BackgroundErrorSamples(backgrounds, truths);
    }

    private static double[] meanOfCorrections(BackgroundErrorSamples s) {
        double[] mean = new double[s.dimension()];
        for (int k = 0; k < s.size(); k++) {
            double[] d = s.correction(k);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += d[i] / s.size();
            }
        }
        return mean;
    }
}
