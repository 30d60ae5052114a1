package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a reproduction produced: per replication, the outcome of every method in every setting (plan order:
 * settings, then each setting's methods, then its ablation variants), each setting's calibration and the
 * error-shape sample; and how long it took.
 *
 * @param plan         what was run (its replications each ran with their own master seed)
 * @param replications one per replication, in order
 * @param wallSeconds  wall-clock time of the whole run
 * @param threads      worker threads used
 */
public record ReproductionResult(Plan plan, List<Replication> replications, double wallSeconds, int threads) {

    /**
     * One replication of the whole pipeline.
     *
     * @param index        replication r (0-based)
     * @param masterSeed   its master seed, {@link Plan#replicationSeed(int)}
     * @param outcomes     one per setting and method
     * @param calibrations each setting's calibration (plan order; a setting whose calibration diverged has none)
     * @param shape        the error-shape figure's data, or {@code null} (only the first replication's is used)
     */
    public record Replication(int index, long masterSeed, List<MethodOutcome> outcomes,
                              List<CalibrationSummary> calibrations, ErrorShape shape) {
        public Replication {
            outcomes = List.copyOf(outcomes);
            calibrations = List.copyOf(calibrations);
        }

        public Optional<CalibrationSummary> calibration(String settingId) {
            return calibrations.stream().filter(c -> c.settingId().equals(settingId)).findFirst();
        }

        /** The outcome of a main method ({@code ablation} null) or an ablation variant in a setting. */
        public Optional<MethodOutcome> outcome(String settingId, String method, String ablation) {
            return outcomes.stream().filter(o -> o.setting().id().equals(settingId)
                    && o.method().name().equals(method) && Objects.equals(o.method().ablation(), ablation))
                    .findFirst();
        }
    }

    public ReproductionResult {
        replications = List.copyOf(replications);
        if (replications.isEmpty()) {
            throw new IllegalArgumentException("replications = []: nothing ran");
        }
    }

    /** The first replication: its trajectories, error shapes and calibrations are the figures'. */
    public Replication first() {
        return replications.get(0);
    }

    /** The first replication's outcomes (for the figures of one run). */
    public List<MethodOutcome> outcomes() {
        return first().outcomes();
    }

    /** The first replication's calibrations. */
    public List<CalibrationSummary> calibrations() {
        return first().calibrations();
    }

    /** The first replication's error shape. */
    public ErrorShape shape() {
        return first().shape();
    }

    public Optional<CalibrationSummary> calibration(String settingId) {
        return first().calibration(settingId);
    }

    /** The table rows: the main methods of every setting, in plan order, each over every replication. */
    public List<ResultRow> rows() {
        return rows(false);
    }

    /** The ablation rows (empty when no ablations ran). */
    public List<ResultRow> ablationRows() {
        return rows(true);
    }

    private List<ResultRow> rows(boolean ablations) {
        List<ResultRow> rows = new ArrayList<>();
        for (int k = 0; k < first().outcomes().size(); k++) {
            MethodOutcome o0 = first().outcomes().get(k);
            if (o0.method().isAblation() != ablations) {
                continue;
            }
            List<ResultRow> perReplication = new ArrayList<>();
            for (Replication rep : replications) {
                perReplication.add(row(rep, rep.outcomes().get(k)));
            }
            rows.add(ResultRow.over(perReplication));
        }
        return List.copyOf(rows);
    }

    /** The row of one replication: statistics over its seeds, against its own reference and full method. */
    private static ResultRow row(Replication rep, MethodOutcome o) {
        String setting = o.setting().id();
        MethodOutcome reference = o.method().reference() == null ? null
                : rep.outcome(setting, o.method().reference(), null).orElse(null);
        MethodOutcome full = o.method().ablationOf() == null ? null
                : rep.outcome(setting, o.method().ablationOf(), null).orElse(null);
        double climatology = rep.calibration(setting).map(CalibrationSummary::climatologyRmse).orElse(Double.NaN);
        return ResultRow.of(o, reference, full, climatology, rep.index(), rep.masterSeed());
    }
}
