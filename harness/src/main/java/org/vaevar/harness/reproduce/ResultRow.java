package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the table: a method's statistics over the evaluation seeds of one setting.
 *
 * <p>A row is either complete (every seed ran to the end) or diverged: a method that diverged on any seed, or in
 * tuning, or whose setting's calibration diverged, has no RMSE (an average over the seeds that survived would
 * flatter it) and says where it diverged.
 *
 * @param outcome             the method's outcome
 * @param analysis            analysis RMSE over seeds (mean, 95 % interval), or null when diverged or refused
 * @param background          background RMSE over seeds, or null
 * @param msPerCycle          mean over seeds of the wall-clock milliseconds per cycle, NaN when diverged
 * @param improvementPercent  learned rows: 100·(RMSE_reference / RMSE − 1), the mean RMSE of the Gaussian method
 *                            with the same window over this one's; null for Gaussian rows or when either diverged
 * @param pairedImprovement   learned rows: the same ratio per seed (same truth and observations for both methods),
 *                            100·(r_i − 1), with its t-interval over seeds; null when not defined
 * @param changeVsFullPercent ablation rows: 100·(RMSE / RMSE_full − 1) against the full learned method (positive:
 *                            the ablation is worse); null otherwise
 * @param note                why a row has no numbers (divergence with seeds and cycles, refusal), else empty
 */
public record ResultRow(MethodOutcome outcome, SeedStatistics analysis, SeedStatistics background,
                        double msPerCycle, Double improvementPercent, SeedStatistics pairedImprovement,
                        Double changeVsFullPercent, String note) {

    public SettingSpec setting() {
        return outcome.setting();
    }

    public MethodSpec method() {
        return outcome.method();
    }

    public TuningChoice choice() {
        return outcome.choice();
    }

    public boolean diverged() {
        return outcome.diverged();
    }

    public boolean complete() {
        return analysis != null;
    }

    /** Builds the row of {@code o}; {@code reference} (Gaussian, same window) and {@code full} may be null. */
    public static ResultRow of(MethodOutcome o, MethodOutcome reference, MethodOutcome full) {
        if (o.refused()) {
            return new ResultRow(o, null, null, Double.NaN, null, null, null, o.failure());
        }
        if (o.diverged()) {
            return new ResultRow(o, null, null, Double.NaN, null, null, null, divergenceNote(o));
        }
        SeedStatistics a = SeedStatistics.of(o.runs().stream().mapToDouble(SeedRun::rmseAnalysis).toArray());
        SeedStatistics b = SeedStatistics.of(o.runs().stream().mapToDouble(SeedRun::rmseBackground).toArray());
        double ms = o.runs().stream().mapToDouble(SeedRun::msPerCycle).average().orElse(Double.NaN);
        Double improvement = null;
        SeedStatistics paired = null;
        if (reference != null && !reference.diverged() && !reference.refused()) {
            double ref = SeedStatistics.of(reference.runs().stream().mapToDouble(SeedRun::rmseAnalysis).toArray())
                    .mean();
            improvement = 100 * (ref / a.mean() - 1);
            double[] perSeed = new double[o.runs().size()];
            for (int i = 0; i < perSeed.length; i++) {
                perSeed[i] = 100 * (reference.runs().get(i).rmseAnalysis() / o.runs().get(i).rmseAnalysis() - 1);
            }
            paired = SeedStatistics.of(perSeed);
        }
        Double change = null;
        if (full != null && !full.diverged() && !full.refused()) {
            double f = full.runs().stream().mapToDouble(SeedRun::rmseAnalysis).average().orElseThrow();
            change = 100 * (a.mean() / f - 1);
        }
        return new ResultRow(o, a, b, ms, improvement, paired, change, "");
    }

    /** "tuning diverged ..." or "2 of 5 seeds diverged: seed 1 at cycle 412, seed 3 at cycle 87". */
    static String divergenceNote(MethodOutcome o) {
        if (o.choice() == null) {
            return o.failure();
        }
        List<String> parts = new ArrayList<>();
        for (SeedRun r : o.runs()) {
            if (r.diverged()) {
                parts.add(String.format(Locale.ROOT, "seed %d at cycle %d", r.index(), r.divergedCycle()));
            }
        }
        return parts.size() + " of " + o.runs().size() + " seeds diverged: " + String.join(", ", parts);
    }
}
