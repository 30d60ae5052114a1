package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.reproduce.MethodOutcome;
import org.vaevar.harness.reproduce.ResultRow;
import org.vaevar.harness.reproduce.ResultTables;
import org.vaevar.harness.io.TextTable;

/**
 * The sweep's tables: {@code table.csv} is {@code reproduce}'s table (without the measured time) preceded by one
 * column per axis; {@code seeds.csv} is {@code reproduce}'s per-seed file (the {@code setting} column is the
 * point); {@code timing.csv} has the measured times, the only numbers that differ between runs; {@code table.md}
 * is for people.
 */
public final class SweepTables {

    private SweepTables() {
    }

    public static CsvTable table(SweepPlan plan, List<SweepOutcomes.Row> rows) {
        CsvTable inner = ResultTables.table(rows.stream().map(SweepOutcomes.Row::row).toList(), false);
        List<String> columns = new ArrayList<>();
        plan.file().axes().forEach(a -> columns.add(a.path()));
        columns.addAll(inner.columns());
        columns.add("climatologyRmse");
        columns.add("tracksTruth");
        CsvTable csv = new CsvTable(columns);
        for (int i = 0; i < rows.size(); i++) {
            SweepOutcomes.Row r = rows.get(i);
            List<Object> cells = new ArrayList<>();
            plan.file().axes().forEach(a -> cells.add(Values.text(r.point().values().get(a.path()))));
            cells.addAll(inner.rows().get(i));
            cells.add(Double.isFinite(r.climatologyRmse()) ? r.climatologyRmse() : null);
            cells.add(r.row().complete() ? !r.notTracking() : null);
            csv.addRow(cells);
        }
        return csv;
    }

    public static CsvTable seeds(List<MethodOutcome> outcomes) {
        return ResultTables.seeds(outcomes, false);
    }

    /** Measured seconds of every task and ms per cycle of every evaluation, in plan order. */
    public static CsvTable timing(SweepPlan plan, Map<String, TaskResult> results) {
        CsvTable csv = new CsvTable("task", "status", "seconds", "msPerCycle", "worker");
        for (SweepTask t : Tasks.of(plan)) {
            TaskResult r = results.get(t.id());
            if (r != null) {
                csv.addRow(t.id(), r.status(), r.real("seconds"), Double.isFinite(r.real("msPerCycle"))
                        ? r.real("msPerCycle") : null, r.values().get("worker"));
            }
        }
        return csv;
    }

    /** The table for people (GitHub markdown). */
    public static String markdown(SweepPlan plan, List<SweepOutcomes.Row> rows) {
        StringBuilder sb = new StringBuilder("|");
        plan.file().axes().forEach(a -> sb.append(' ').append(a.path()).append(" |"));
        sb.append(" Method | Prior (tuned) | RMSE analysis (95 % CI) | RMSE background | vs ")
                .append(plan.file().baseline()).append(" (paired, 95 % CI) | Note |\n|");
        plan.file().axes().forEach(a -> sb.append("---|"));
        sb.append("---|---|---:|---:|---:|---|\n");
        for (SweepOutcomes.Row sr : rows) {
            ResultRow r = sr.row();
            sb.append('|');
            plan.file().axes().forEach(a -> sb.append(' ').append(Values.text(sr.point().values().get(a.path())))
                    .append(" |"));
            sb.append(' ').append(r.method().name())
                    .append(" | ").append(prior(r))
                    .append(" | ").append(r.complete() ? ResultTables.plusMinus(r.analysis().mean(),
                            r.analysis().halfWidth95()) : "**" + (r.diverged() ? "diverged" : "not run") + "**")
                    .append(" | ").append(r.complete() ? ResultTables.fmt(r.background().mean()) : "–")
                    .append(" | ").append(improvement(r))
                    .append(" | ").append(note(sr).replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** The table for the terminal. */
    public static String terminal(List<SweepOutcomes.Row> rows, String baseline) {
        TextTable t = new TextTable("point", "method", "prior (tuned)", "rmse a", "rmse b", "vs " + baseline, "note");
        t.precision(4);
        for (SweepOutcomes.Row sr : rows) {
            ResultRow r = sr.row();
            t.addRow(sr.point().id(), r.method().name(), prior(r),
                    r.complete() ? new TextTable.PlusMinus(r.analysis().mean(), r.analysis().halfWidth95()) : null,
                    r.complete() ? r.background().mean() : null,
                    r.improvementPercent() == null ? null : ResultTables.signedPercent(r.improvementPercent()),
                    note(sr));
        }
        return t.render();
    }

    static String prior(ResultRow r) {
        if (r.choice() == null) {
            return "–";
        }
        return r.choice().label(r.method().tunedParameter());
    }

    private static String improvement(ResultRow r) {
        if (r.improvementPercent() == null) {
            return "–";
        }
        String s = ResultTables.signedPercent(r.improvementPercent());
        if (r.pairedImprovement() != null && Double.isFinite(r.pairedImprovement().halfWidth95())) {
            s += String.format(Locale.ROOT, " (%s ± %.1f %%)", ResultTables.signedPercent(
                    r.pairedImprovement().mean()).replace(" %", ""), r.pairedImprovement().halfWidth95());
        }
        return s;
    }

    static String note(SweepOutcomes.Row sr) {
        if (sr.notTracking()) {
            return "does not track: analysis RMSE not below " + org.vaevar.harness.report.RunChecks.TRACKING_RATIO
                    + " × the climatological mean's (" + ResultTables.fmt(sr.climatologyRmse()) + ")";
        }
        return sr.row().note();
    }
}
