package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How close the variational methods come to the ensemble reference, per setting: the best variational method
 * (lowest mean analysis RMSE among those that completed) against the ensemble filter, as the ratio
 * RMSE_variational / RMSE_ensemble (below 1: the variational method is better).
 */
final class EnsembleComparison {

    /**
     * One setting's comparison.
     *
     * @param setting     the setting
     * @param ensemble    the ensemble reference's row, or null if the setting has none
     * @param variational the best completed variational row, or null if none completed
     */
    record Entry(SettingSpec setting, ResultRow ensemble, ResultRow variational) {

        /** RMSE_variational / RMSE_ensemble, NaN unless both completed. */
        double ratio() {
            return comparable() ? variational.analysis().mean() / ensemble.analysis().mean() : Double.NaN;
        }

        boolean comparable() {
            return ensemble != null && ensemble.complete() && variational != null;
        }
    }

    private EnsembleComparison() {
    }

    /** One entry per setting that has an ensemble reference, in table order. */
    static List<Entry> of(List<ResultRow> rows) {
        Map<String, ResultRow> ensemble = new LinkedHashMap<>();
        Map<String, ResultRow> best = new LinkedHashMap<>();
        Map<String, SettingSpec> settings = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            String id = r.setting().id();
            settings.putIfAbsent(id, r.setting());
            if (r.method().isEnsemble()) {
                ensemble.putIfAbsent(id, r);
            } else if (r.complete() && (best.get(id) == null
                    || r.analysis().mean() < best.get(id).analysis().mean())) { // strict: the earlier row wins a tie
                best.put(id, r);
            }
        }
        List<Entry> out = new ArrayList<>();
        settings.forEach((id, s) -> {
            if (ensemble.containsKey(id)) {
                out.add(new Entry(s, ensemble.get(id), best.get(id)));
            }
        });
        return List.copyOf(out);
    }

    /** The summary's statement: per setting, the best variational method's RMSE as a multiple of the ensemble's. */
    static String statement(List<Entry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int closer = 0;
        int comparable = 0;
        for (Entry e : entries) {
            String label = e.setting().label();
            if (e.comparable()) {
                comparable++;
                if (e.ratio() < 1) {
                    closer++;
                }
                parts.add(String.format(Locale.ROOT, "%s: %s %s vs %s %s, ratio %.2f", label,
                        e.variational().method().name(), ResultTables.fmt(e.variational().analysis().mean()),
                        e.ensemble().method().name(), ResultTables.fmt(e.ensemble().analysis().mean()), e.ratio()));
            } else if (e.ensemble().complete()) {
                parts.add(label + ": no variational method completed");
            } else {
                parts.add(label + ": " + e.ensemble().method().name() + " did not complete ("
                        + e.ensemble().note() + ")");
            }
        }
        return String.format(Locale.ROOT, "Best variational method against the ensemble reference (analysis RMSE, "
                + "ratio RMSE_variational / RMSE_ensemble; below 1 the variational method is better, in %d of %d "
                + "settings): ", closer, comparable) + String.join("; ", parts) + ".";
    }

    /** The page's table: setting, ensemble (tuned), its RMSE, the best variational method, its RMSE, the ratio. */
    static String markdown(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Setting | Ensemble (tuned) | RMSE analysis | Best variational | RMSE analysis | ratio |\n");
        sb.append("|---|---|---:|---|---:|---:|\n");
        for (Entry e : entries) {
            ResultRow en = e.ensemble();
            ResultRow v = e.variational();
            TuningChoice c = en.choice();
            sb.append("| ").append(e.setting().label())
                    .append(" | ").append(en.method().name()).append(c == null ? "" : ", " + c.label(en.method().tunedParameter()))
                    .append(" | ").append(en.complete() ? ResultTables.plusMinus(en.analysis().mean(),
                            en.analysis().halfWidth95()) : "**" + (en.diverged() ? "diverged" : "not run") + "**")
                    .append(" | ").append(v == null ? "–" : v.method().name())
                    .append(" | ").append(v == null ? "–" : ResultTables.plusMinus(v.analysis().mean(),
                            v.analysis().halfWidth95()))
                    .append(" | ").append(e.comparable() ? String.format(Locale.ROOT, "%.2f", e.ratio()) : "–")
                    .append(" |\n");
        }
        return sb.toString();
    }
}
