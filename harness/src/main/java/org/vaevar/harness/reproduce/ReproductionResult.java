package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a reproduction produced: the outcome of every method in every setting (plan order: settings, then
 * each setting's methods, then its ablation variants), the error-shape sample, and how long it took.
 *
 * @param plan        what was run
 * @param outcomes    one per setting and method
 * @param calibrations each setting's calibration (plan order; a setting whose calibration diverged has none)
 * @param shape       the error-shape figure's data, or {@code null} if the figure setting's calibration diverged
 * @param wallSeconds wall-clock time of the whole run
 * @param threads     worker threads used
 */
public record ReproductionResult(Plan plan, List<MethodOutcome> outcomes, List<CalibrationSummary> calibrations,
                                 ErrorShape shape, double wallSeconds, int threads) {

    public ReproductionResult {
        outcomes = List.copyOf(outcomes);
        calibrations = List.copyOf(calibrations);
    }

    public Optional<CalibrationSummary> calibration(String settingId) {
        return calibrations.stream().filter(c -> c.settingId().equals(settingId)).findFirst();
    }

    /** The outcome of a main method ({@code ablation} null) or an ablation variant in a setting. */
    public Optional<MethodOutcome> outcome(String settingId, String method, String ablation) {
        return outcomes.stream().filter(o -> o.setting().id().equals(settingId) && o.method().name().equals(method)
                && java.util.Objects.equals(o.method().ablation(), ablation)).findFirst();
    }

    /** The table rows: the main methods of every setting, in plan order. */
    public List<ResultRow> rows() {
        return rows(false);
    }

    /** The ablation rows (empty when no ablations ran). */
    public List<ResultRow> ablationRows() {
        return rows(true);
    }

    private List<ResultRow> rows(boolean ablations) {
        List<ResultRow> rows = new ArrayList<>();
        for (MethodOutcome o : outcomes) {
            if (o.method().isAblation() != ablations) {
                continue;
            }
            String setting = o.setting().id();
            MethodOutcome reference = o.method().reference() == null ? null
                    : outcome(setting, o.method().reference(), null).orElse(null);
            MethodOutcome full = o.method().ablationOf() == null ? null
                    : outcome(setting, o.method().ablationOf(), null).orElse(null);
            rows.add(ResultRow.of(o, reference, full));
        }
        return List.copyOf(rows);
    }
}
