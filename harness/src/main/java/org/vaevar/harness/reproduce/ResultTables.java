package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.io.TextTable;

/**
 * The result tables: {@code table.csv} (and {@code ablations.csv}) for programs, {@code table.md} for people, a
 * per-seed {@code seeds.csv} for re-analysis, and the short table printed on the terminal.
 *
 * <p>Numbers in the CSV files are exact ({@link Double#toString}), so two runs with the same seed give the same
 * bytes; the one exception is {@code msPerCycle}, a wall-clock measurement (rounded to microseconds).
 */
public final class ResultTables {

    /** The leading columns of {@code table.csv}, exactly in this order. */
    public static final List<String> COLUMNS = List.of("system", "operator", "obsInterval", "obsEvery", "noise",
            "method", "rmseAnalysis", "rmseAnalysisCi95", "rmseBackground", "improvementPercent", "msPerCycle",
            "seeds");

    /** Further columns after {@link #COLUMNS}. */
    public static final List<String> EXTRA_COLUMNS = List.of("setting", "modelVariant", "observed", "window",
            "cycles", "prior", "tunedParameter", "tunedValue", "tunedAtGridEdge", "tuningRmse", "rmseAnalysisSd",
            "rmseBackgroundCi95", "improvementPairedPercent", "improvementPairedCi95", "diverged", "note");

    /**
     * The last column of reproduce's {@code table.csv}: {@code gaussian}, {@code learned} or {@code ensemble} (the
     * reference, which has no improvement column and is compared with the best variational method on the page).
     */
    public static final String FAMILY_COLUMN = "family";

    /**
     * Reproduce's columns after {@link #EXTRA_COLUMNS}: the tracking facts (the setting's climatology RMSE, the
     * ratio RMSE_analysis / RMSE_climatology and whether it is below the tracking threshold), what the improvement
     * means ({@link ResultRow#improvementVerdict()}), the number of replications and what the intervals are over.
     */
    public static final List<String> REPRODUCE_COLUMNS = List.of("climatologyRmse", "climatologyRatio", "tracks",
            "improvementVerdict", "replications", "intervalOver");

    /** The columns {@code replications.csv} adds to {@code table.csv}'s: which replication, its master seed. */
    public static final List<String> REPLICATION_COLUMNS = List.of("replication", "replicationSeed");

    /** Columns of {@code ablations.csv} beyond those of {@code table.csv}. */
    public static final List<String> ABLATION_COLUMNS = List.of("ablation", "changeVsFullPercent");

    public static final List<String> SEED_COLUMNS = List.of("setting", "method", "ablation", "seed", "runSeed",
            "cycles", "rmseAnalysis", "rmseBackground", "msPerCycle", "divergedCycle");

    private ResultTables() {
    }

    /**
     * Reproduce's {@code table.csv}: every column, with the measured times, the tracking and replication columns
     * and the {@link #FAMILY_COLUMN}.
     */
    public static CsvTable table(List<ResultRow> rows) {
        return table(rows, true, true);
    }

    /**
     * {@code replications.csv}: the rows of every replication, statistics over its own evaluation seeds, in
     * {@code table.csv}'s columns followed by {@link #REPLICATION_COLUMNS}.
     */
    public static CsvTable replications(List<ResultRow> rows) {
        List<String> columns = new ArrayList<>(columns(true, true));
        columns.addAll(REPLICATION_COLUMNS);
        CsvTable csv = new CsvTable(columns);
        for (ResultRow over : rows) {
            for (ResultRow r : over.replications()) {
                List<Object> cells = cells(r, true);
                cells.add(r.method().family().name().toLowerCase(Locale.ROOT));
                cells.add(r.replication());
                cells.add(r.masterSeed());
                csv.addRow(cells);
            }
        }
        return csv;
    }

    private static List<String> columns(boolean timing, boolean reproduce) {
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.addAll(EXTRA_COLUMNS);
        if (!timing) {
            columns.remove("msPerCycle");
        }
        if (reproduce) {
            columns.addAll(REPRODUCE_COLUMNS);
            columns.add(FAMILY_COLUMN);
        }
        return columns;
    }

    /**
     * The table, with or without the {@code msPerCycle} column: without it, the file depends only on the seeds (the
     * measured times go elsewhere), so two runs of the same plan give the same bytes.
     */
    public static CsvTable table(List<ResultRow> rows, boolean timing) {
        return table(rows, timing, false);
    }

    private static CsvTable table(List<ResultRow> rows, boolean timing, boolean reproduce) {
        int ms = COLUMNS.indexOf("msPerCycle");
        CsvTable csv = new CsvTable(columns(timing, reproduce));
        for (ResultRow r : rows) {
            List<Object> cells = cells(r, reproduce);
            if (!timing) {
                cells.remove(ms);
            }
            if (reproduce) {
                cells.add(r.method().family().name().toLowerCase(Locale.ROOT));
            }
            csv.addRow(cells);
        }
        return csv;
    }

    public static CsvTable ablations(List<ResultRow> rows) {
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.addAll(EXTRA_COLUMNS);
        columns.addAll(ABLATION_COLUMNS);
        CsvTable csv = new CsvTable(columns);
        for (ResultRow r : rows) {
            List<Object> cells = cells(r, false);
            cells.add(r.method().ablation());
            cells.add(r.changeVsFullPercent());
            csv.addRow(cells);
        }
        return csv;
    }

    private static List<Object> cells(ResultRow r, boolean reproduce) {
        SettingSpec s = r.setting();
        MethodSpec m = r.method();
        TuningChoice c = r.choice();
        List<Object> cells = new ArrayList<>();
        cells.add(s.system());
        cells.add(s.operator());
        cells.add(s.obsInterval());
        cells.add(s.obsEvery());
        cells.add(s.noise());
        cells.add(m.name());
        cells.add(r.complete() ? r.analysis().mean() : null);
        cells.add(r.complete() ? r.analysis().halfWidth95() : null);
        cells.add(r.complete() ? r.background().mean() : null);
        cells.add(r.improvementPercent());
        cells.add(r.complete() ? roundMicros(r.msPerCycle()) : null);
        cells.add(r.outcome().runs().size());
        cells.add(s.id());
        cells.add(s.modelVariant());
        cells.add(s.observed());
        cells.add(m.window());
        cells.add(r.outcome().runs().isEmpty() ? null : r.outcome().runs().get(0).cycles());
        cells.add(c == null ? null : c.candidate());
        cells.add(m.tunedParameter());
        cells.add(c == null ? null : c.value());
        cells.add(c == null ? null : c.atGridEdge());
        cells.add(c == null ? null : c.tuningRmse());
        cells.add(r.complete() ? r.analysis().sd() : null);
        cells.add(r.complete() ? r.background().halfWidth95() : null);
        cells.add(r.pairedImprovement() == null ? null : r.pairedImprovement().mean());
        cells.add(r.pairedImprovement() == null ? null : r.pairedImprovement().halfWidth95());
        cells.add(r.diverged());
        cells.add(r.note());
        if (reproduce) {
            cells.add(Double.isFinite(r.climatologyRmse()) ? r.climatologyRmse() : null);
            cells.add(Double.isFinite(r.trackingRatio()) ? r.trackingRatio() : null);
            cells.add(r.tracks());
            cells.add(r.improvementVerdict());
            cells.add(Math.max(1, r.replications().size()));
            cells.add(r.intervalOver());
        }
        return cells;
    }

    private static double roundMicros(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** Every evaluation run, one row per setting, method and seed. */
    public static CsvTable seeds(List<MethodOutcome> outcomes) {
        return seeds(outcomes, true);
    }

    /**
     * Reproduce's {@code seeds.csv}: every evaluation run of every replication, in {@link #SEED_COLUMNS} followed
     * by {@link #REPLICATION_COLUMNS}.
     */
    public static CsvTable seeds(ReproductionResult result) {
        List<String> columns = new ArrayList<>(SEED_COLUMNS);
        columns.addAll(REPLICATION_COLUMNS);
        CsvTable csv = new CsvTable(columns);
        for (ReproductionResult.Replication rep : result.replications()) {
            for (List<String> row : seeds(rep.outcomes(), true).rows()) {
                List<Object> cells = new ArrayList<>(row);
                cells.add(rep.index());
                cells.add(rep.masterSeed());
                csv.addRow(cells);
            }
        }
        return csv;
    }

    /** Every evaluation run, with or without the measured {@code msPerCycle} (see {@link #table(List, boolean)}). */
    public static CsvTable seeds(List<MethodOutcome> outcomes, boolean timing) {
        List<String> columns = new ArrayList<>(SEED_COLUMNS);
        if (!timing) {
            columns.remove("msPerCycle");
        }
        CsvTable csv = new CsvTable(columns);
        for (MethodOutcome o : outcomes) {
            for (SeedRun r : o.runs()) {
                List<Object> cells = new ArrayList<>(java.util.Arrays.asList(o.setting().id(), o.method().name(),
                        o.method().ablation(), r.index(), r.runSeed(), r.cycles(),
                        r.diverged() ? null : r.rmseAnalysis(), r.diverged() ? null : r.rmseBackground()));
                if (timing) {
                    cells.add(r.diverged() ? null : roundMicros(r.msPerCycle()));
                }
                cells.add(r.diverged() ? r.divergedCycle() : null);
                csv.addRow(cells);
            }
        }
        return csv;
    }

    // ------------------------------------------------------------------------------------------ markdown

    /** The table for people (GitHub markdown). */
    public static String markdown(List<ResultRow> rows, boolean ablations) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Setting | Model | Method | Prior (tuned) | RMSE analysis (95 % CI) | RMSE background | a/clim | ");
        sb.append(ablations ? "vs full | " : "").append("vs Gaussian | ms/cycle |\n");
        sb.append("|---|---|---|---|---:|---:|---:|").append(ablations ? "---:|" : "").append("---:|---:|\n");
        for (ResultRow r : rows) {
            SettingSpec s = r.setting();
            sb.append("| ").append(s.systemLabel()).append(" Δ").append(s.obsInterval()).append(", ")
                    .append(s.observed()).append(", ").append(s.operator()).append(" σₒ=").append(fmt(s.noise()))
                    .append(" | ").append(s.perfectModel() ? "perfect" : s.modelVariant().replace("imperfect: ", ""))
                    .append(" | ").append(m(r.method()))
                    .append(" | ").append(prior(r))
                    .append(" | ").append(r.complete() ? plusMinus(r.analysis().mean(), r.analysis().halfWidth95())
                            : "**" + (r.diverged() ? "diverged" : "not run")
                            + "**: " + r.note().replace("|", "\\|"))
                    .append(" | ").append(r.complete() ? fmt(r.background().mean()) : "–")
                    .append(" | ").append(tracking(r));
            if (ablations) {
                sb.append(" | ").append(r.changeVsFullPercent() == null ? "–" : signedPercent(r.changeVsFullPercent()));
            }
            sb.append(" | ").append(improvement(r))
                    .append(" | ").append(r.complete() ? String.format(Locale.ROOT, "%.2f", r.msPerCycle()) : "–")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String m(MethodSpec m) {
        return m.displayName();
    }

    /** "0.12" for a method that tracks, "**0.93** (no)" for one that does not, "–" when unknown. */
    static String tracking(ResultRow r) {
        Boolean tracks = r.tracks();
        if (tracks == null) {
            return "–";
        }
        String ratio = String.format(Locale.ROOT, "%.2f", r.trackingRatio());
        return tracks ? ratio : "**" + ratio + "** (does not track)";
    }

    /** The tuned prior; over replications, each replication's choice when they differ. */
    private static String prior(ResultRow r) {
        if (r.replications().size() < 2) {
            return choice(r);
        }
        List<String> choices = r.replications().stream().map(ResultTables::choice).distinct().toList();
        return choices.size() == 1 ? choices.get(0) : String.join(" / ", r.replications().stream()
                .map(ResultTables::choice).toList());
    }

    private static String choice(ResultRow r) {
        TuningChoice c = r.choice();
        if (c == null) {
            return "–";
        }
        return c.label(r.method().tunedParameter());
    }

    private static String improvement(ResultRow r) {
        if (r.improvementPercent() == null) {
            return "–";
        }
        if (ResultRow.BASELINE_DOES_NOT_TRACK.equals(r.improvementVerdict())) {
            return ResultRow.BASELINE_DOES_NOT_TRACK;
        }
        String s = signedPercent(r.improvementPercent());
        if (r.pairedImprovement() != null && Double.isFinite(r.pairedImprovement().halfWidth95())) {
            s += String.format(Locale.ROOT, " (paired %s ± %.1f %%)", signedPercent(r.pairedImprovement().mean())
                    .replace(" %", ""), r.pairedImprovement().halfWidth95());
        }
        return s;
    }

    /** {@code mean ± half} with the half-width to the decimals of the mean (or two significant digits if finer). */
    public static String plusMinus(double mean, double half) {
        String m = fmt(mean);
        if (!Double.isFinite(half)) {
            return m;
        }
        int decimals = m.contains(".") && !m.contains("e") ? m.length() - m.indexOf('.') - 1 : 3;
        if (half > 0 && half < 0.5 * Math.pow(10, -decimals)) {
            decimals = Math.max(decimals, 1 - (int) Math.floor(Math.log10(half)));
        }
        return m + " ± " + String.format(Locale.ROOT, "%." + decimals + "f", half);
    }

    public static String signedPercent(double p) {
        return String.format(Locale.ROOT, "%+.1f %%", p);
    }

    /** Four significant digits, plain notation for ordinary magnitudes. */
    public static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "–" : (v > 0 ? "∞" : "−∞");
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int digits = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    // ------------------------------------------------------------------------------------------ terminal

    /** The table for the terminal. */
    public static String terminal(List<ResultRow> rows) {
        TextTable t = new TextTable("setting", "method", "prior (tuned)", "rmse a", "rmse b", "a/clim",
                "vs gaussian", "ms/cycle", "note");
        t.precision(4);
        t.precision("ms/cycle", 2);
        for (ResultRow r : rows) {
            t.addRow(r.setting().label(), m(r.method()), prior(r),
                    r.complete() ? new TextTable.PlusMinus(r.analysis().mean(), r.analysis().halfWidth95()) : null,
                    r.complete() ? r.background().mean() : null,
                    r.tracks() == null ? null : String.format(Locale.ROOT, "%.2f%s", r.trackingRatio(),
                            r.tracks() ? "" : " (no)"),
                    r.improvementPercent() == null ? null
                            : ResultRow.BASELINE_DOES_NOT_TRACK.equals(r.improvementVerdict())
                            ? ResultRow.BASELINE_DOES_NOT_TRACK : signedPercent(r.improvementPercent()),
                    r.complete() ? r.msPerCycle() : null, r.note());
        }
        return t.render();
    }
}
