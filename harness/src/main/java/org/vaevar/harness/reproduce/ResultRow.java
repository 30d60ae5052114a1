package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaevar.harness.report.RunChecks;

/**
 * One row of the table: a method's statistics in one setting, either of one replication (over its evaluation
 * seeds) or of the whole grid (over its replications, {@link #over}).
 *
 * <p>A row is either complete (every seed of every replication ran to the end) or diverged: a method that
 * diverged on any seed, or in tuning, or whose setting's calibration diverged, has no RMSE (an average over the
 * seeds that survived would flatter it) and says where it diverged.
 *
 * <p>Statistics over replications (two or more): the mean of the replications' mean RMSEs with the 95 %
 * t-interval over replications, which covers calibration, training and tuning as well as the evaluation seeds.
 * The paired improvement is paired per replication: 100·(m_ref,r / m_r − 1), the ratio of the replication's two
 * mean RMSEs, with its t-interval over replications. With one replication every interval is over its seeds
 * ({@link #intervalOver()} says which).
 *
 * @param outcome             the method's outcome (of the first replication for a row over replications)
 * @param analysis            analysis RMSE (mean, 95 % interval), or null when diverged or refused
 * @param background          background RMSE, or null
 * @param msPerCycle          mean wall-clock milliseconds per cycle, NaN when diverged
 * @param improvementPercent  learned rows: 100·(RMSE_reference / RMSE − 1), the mean RMSE of the Gaussian method
 *                            with the same window over this one's; null for Gaussian rows or when either diverged
 * @param pairedImprovement   learned rows: the same ratio per seed (one replication) or per replication (same
 *                            truth and observations for both methods), with its t-interval; null when not defined
 * @param changeVsFullPercent ablation rows: 100·(RMSE / RMSE_full − 1) against the full learned method (positive:
 *                            the ablation is worse); null otherwise
 * @param note                why a row has no numbers (divergence with seeds and cycles, refusal), else empty
 * @param referenceRmse       the reference's mean analysis RMSE when {@code improvementPercent} is defined
 * @param fullRmse            the full method's mean analysis RMSE when {@code changeVsFullPercent} is defined
 * @param climatologyRmse     the RMSE of the climatological mean of the setting (mean over replications), or NaN
 * @param referenceTracks     whether the reference tracks the truth (null when there is no reference)
 * @param replication         the replication index, −1 for a row over replications
 * @param masterSeed          the replication's master seed (of the first replication for a row over them)
 * @param replications        the per-replication rows of a row over replications, else empty
 */
public record ResultRow(MethodOutcome outcome, SeedStatistics analysis, SeedStatistics background,
                        double msPerCycle, Double improvementPercent, SeedStatistics pairedImprovement,
                        Double changeVsFullPercent, String note, Double referenceRmse, Double fullRmse,
                        double climatologyRmse, Boolean referenceTracks, int replication, long masterSeed,
                        List<ResultRow> replications) {

    /** {@link #improvementVerdict()} when the reference does not track the truth: the gain is no gain. */
    public static final String BASELINE_DOES_NOT_TRACK = "baseline does not track";

    public ResultRow {
        replications = List.copyOf(replications);
    }

    public SettingSpec setting() {
        return outcome.setting();
    }

    public MethodSpec method() {
        return outcome.method();
    }

    public TuningChoice choice() {
        return outcome.choice();
    }

    /** Diverged in any replication. */
    public boolean diverged() {
        return replications.isEmpty() ? outcome.diverged() : replications.stream().anyMatch(ResultRow::diverged);
    }

    public boolean complete() {
        return analysis != null;
    }

    /** {@code replications} when the intervals are over two or more replications, else {@code seeds}. */
    public String intervalOver() {
        return replications.size() >= 2 ? "replications" : "seeds";
    }

    /** RMSE_analysis / RMSE_climatology, NaN when not complete or unknown. */
    public double trackingRatio() {
        return complete() ? RunChecks.trackingRatio(analysis.mean(), climatologyRmse) : Double.NaN;
    }

    /** Whether the method tracks the truth ({@link RunChecks#TRACKING_RATIO}); null when unknown. */
    public Boolean tracks() {
        double r = trackingRatio();
        return Double.isNaN(r) ? null : RunChecks.tracks(r);
    }

    /**
     * What the improvement over the reference means: {@value #BASELINE_DOES_NOT_TRACK} (never a gain),
     * {@code better} or {@code worse} (the 95 % interval of the paired improvement excludes zero),
     * {@code not significant}, {@code no interval}; null when there is no improvement.
     */
    public String improvementVerdict() {
        if (improvementPercent == null) {
            return null;
        }
        if (Boolean.FALSE.equals(referenceTracks)) {
            return BASELINE_DOES_NOT_TRACK;
        }
        if (pairedImprovement == null || !Double.isFinite(pairedImprovement.halfWidth95())) {
            return "no interval";
        }
        if (pairedImprovement.mean() - pairedImprovement.halfWidth95() > 0) {
            return "better";
        }
        return pairedImprovement.mean() + pairedImprovement.halfWidth95() < 0 ? "worse" : "not significant";
    }

    /** Builds the row of {@code o}; {@code reference} (Gaussian, same window) and {@code full} may be null. */
    public static ResultRow of(MethodOutcome o, MethodOutcome reference, MethodOutcome full) {
        return of(o, reference, full, Double.NaN, 0, 0);
    }

    /**
     * The row of one replication's outcome {@code o}, statistics over its seeds.
     *
     * @param climatologyRmse the setting's climatology RMSE in that replication (NaN if unknown)
     */
    public static ResultRow of(MethodOutcome o, MethodOutcome reference, MethodOutcome full, double climatologyRmse,
                               int replication, long masterSeed) {
        if (o.refused() || o.diverged()) {
            return new ResultRow(o, null, null, Double.NaN, null, null, null,
                    o.refused() ? o.failure() : divergenceNote(o), null, null, climatologyRmse, null, replication,
                    masterSeed, List.of());
        }
        SeedStatistics a = SeedStatistics.of(o.runs().stream().mapToDouble(SeedRun::rmseAnalysis).toArray());
        SeedStatistics b = SeedStatistics.of(o.runs().stream().mapToDouble(SeedRun::rmseBackground).toArray());
        double ms = o.runs().stream().mapToDouble(SeedRun::msPerCycle).average().orElse(Double.NaN);
        Double improvement = null;
        SeedStatistics paired = null;
        Double referenceRmse = null;
        Boolean referenceTracks = null;
        if (reference != null && !reference.diverged() && !reference.refused()) {
            double ref = SeedStatistics.of(reference.runs().stream().mapToDouble(SeedRun::rmseAnalysis).toArray())
                    .mean();
            referenceRmse = ref;
            improvement = 100 * (ref / a.mean() - 1);
            double[] perSeed = new double[o.runs().size()];
            for (int i = 0; i < perSeed.length; i++) {
                perSeed[i] = 100 * (reference.runs().get(i).rmseAnalysis() / o.runs().get(i).rmseAnalysis() - 1);
            }
            paired = SeedStatistics.of(perSeed);
            referenceTracks = tracks(ref, climatologyRmse);
        }
        Double change = null;
        Double fullRmse = null;
        if (full != null && !full.diverged() && !full.refused()) {
            fullRmse = full.runs().stream().mapToDouble(SeedRun::rmseAnalysis).average().orElseThrow();
            change = 100 * (a.mean() / fullRmse - 1);
        }
        return new ResultRow(o, a, b, ms, improvement, paired, change, "", referenceRmse, fullRmse,
                climatologyRmse, referenceTracks, replication, masterSeed, List.of());
    }

    /**
     * The row over replications of one method: with one replication, that replication's row (intervals over its
     * seeds); with more, means over replications with t-intervals over replications (see the class comment).
     */
    public static ResultRow over(List<ResultRow> perReplication) {
        if (perReplication.isEmpty()) {
            throw new IllegalArgumentException("replications = []: no row to summarise");
        }
        ResultRow first = perReplication.get(0);
        double climatology = perReplication.stream().mapToDouble(ResultRow::climatologyRmse).average()
                .orElse(Double.NaN);
        if (perReplication.size() == 1) {
            return new ResultRow(first.outcome, first.analysis, first.background, first.msPerCycle,
                    first.improvementPercent, first.pairedImprovement, first.changeVsFullPercent, first.note,
                    first.referenceRmse, first.fullRmse, climatology, first.referenceTracks, -1, first.masterSeed,
                    perReplication);
        }
        List<String> notes = new ArrayList<>();
        for (ResultRow r : perReplication) {
            if (!r.complete()) {
                notes.add("replication " + r.replication() + ": " + r.note());
            }
        }
        if (!notes.isEmpty()) {
            String note = first.outcome.refused() ? first.note : String.join("; ", notes);
            return new ResultRow(first.outcome, null, null, Double.NaN, null, null, null, note, null, null,
                    climatology, null, -1, first.masterSeed, perReplication);
        }
        SeedStatistics a = SeedStatistics.of(perReplication.stream().mapToDouble(r -> r.analysis().mean()).toArray());
        SeedStatistics b = SeedStatistics.of(perReplication.stream().mapToDouble(r -> r.background().mean())
                .toArray());
        double ms = perReplication.stream().mapToDouble(ResultRow::msPerCycle).average().orElse(Double.NaN);
        Double improvement = null;
        SeedStatistics paired = null;
        Double referenceRmse = null;
        Boolean referenceTracks = null;
        if (perReplication.stream().allMatch(r -> r.referenceRmse() != null)) {
            referenceRmse = perReplication.stream().mapToDouble(ResultRow::referenceRmse).average().orElseThrow();
            improvement = 100 * (referenceRmse / a.mean() - 1);
            paired = SeedStatistics.of(perReplication.stream().mapToDouble(ResultRow::improvementPercent).toArray());
            referenceTracks = tracks(referenceRmse, climatology);
        }
        Double change = null;
        Double fullRmse = null;
        if (perReplication.stream().allMatch(r -> r.fullRmse() != null)) {
            fullRmse = perReplication.stream().mapToDouble(ResultRow::fullRmse).average().orElseThrow();
            change = 100 * (a.mean() / fullRmse - 1);
        }
        return new ResultRow(first.outcome, a, b, ms, improvement, paired, change, "", referenceRmse, fullRmse,
                climatology, referenceTracks, -1, first.masterSeed, perReplication);
    }

    /** Whether an RMSE tracks against a climatology RMSE; null when the climatology is unknown. */
    private static Boolean tracks(double rmse, double climatologyRmse) {
        double ratio = RunChecks.trackingRatio(rmse, climatologyRmse);
        return Double.isNaN(ratio) ? null : RunChecks.tracks(ratio);
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
