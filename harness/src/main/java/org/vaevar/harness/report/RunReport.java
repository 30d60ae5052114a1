package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.method.CostTerms;
import org.vaevar.assimilation.experiment.CycleRecord;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.Trajectory;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.plots.RmseFigure;
import org.vaevar.harness.plots.TrajectoryFigure;
import org.vaevar.harness.io.TextTable;

/**
 * Writes one experiment's files into a run directory: {@code summary.json}, {@code cycles.csv}, {@code rmse.png}
 * (background and analysis RMSE over cycles) and {@code trajectory.png} (truth, background and analysis of the
 * first components); and formats the short table printed on the terminal. The full states
 * ({@code trajectories.csv}, {@code observations.csv}) are written during the run by {@link TrajectoriesCsv} and
 * {@link ObservationsCsv}.
 */
public final class RunReport {

    public static final List<String> CYCLE_COLUMNS = List.of("cycle", "time", "rmseBackground", "rmseAnalysis",
            "rmseAnalysisWindowStart", "iterations", "evaluations", "initialCost", "finalCost", "stopReason",
            "spreadBackground", "spreadAnalysis", "jbFirstGuess", "joFirstGuess", "joPerObservationFirstGuess",
            "jbAnalysis", "joAnalysis", "joPerObservationAnalysis");

    private RunReport() {
    }

    public static void write(ExperimentResult result, Trajectory trajectory, Path dir) throws IOException {
        write(result, trajectory, dir, null);
    }

    /**
     * {@link #write(ExperimentResult, Trajectory, Path)} with the checks' additions to {@code summary.json} (when
     * not null); {@code trajectory} is what a {@code TrajectoryRecorder} recorded of the evaluation run.
     */
    public static void write(ExperimentResult result, Trajectory trajectory, Path dir, RunChecks checks)
            throws IOException {
        Json.write(dir.resolve("summary.json"), checks == null ? result.summary() : checks.summary(result));
        cyclesTable(result.run()).write(dir.resolve("cycles.csv"));
        RunResult run = result.run();
        double[] times = run.cycles().stream().mapToDouble(CycleRecord::time).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("background", run.cycles().stream().mapToDouble(CycleRecord::rmseBackground).toArray());
        series.put("analysis", run.cycles().stream().mapToDouble(CycleRecord::rmseAnalysis).toArray());
        RmseFigure.write(dir.resolve("rmse.png"), result.config().name() + ": RMSE over cycles", times, series,
                new RmseFigure.Options(run.spinupCycles(), false, result.config().observations().noise(),
                        "observation noise std", "model time"));
        writeTrajectory(result.config().name(), trajectory, dir.resolve("trajectory.png"));
    }

    /** One row per cycle; numbers in their shortest round-trip form, so equal runs give equal bytes. */
    public static CsvTable cyclesTable(RunResult run) {
        CsvTable csv = new CsvTable(CYCLE_COLUMNS);
        for (CycleRecord r : run.cycles()) {
            CostTerms fg = r.diagnostics().firstGuess();
            CostTerms an = r.diagnostics().analysis();
            csv.addRow(r.cycle(), r.time(), r.rmseBackground(), r.rmseAnalysis(), r.rmseAnalysisStart(),
                    r.iterations(), r.evaluations(), r.initialCost(), r.finalCost(), r.diagnostics().stopLabel(),
                    r.spreadBackground(), r.spreadAnalysis(), fg.jb(), fg.jo(), fg.joPerObservation(), an.jb(),
                    an.jo(), an.joPerObservation());
        }
        return csv;
    }

    /** The last 200 cycles (or all), so individual analyses stay visible. */
    private static void writeTrajectory(String name, Trajectory t, Path png) throws IOException {
        int cycles = t.times().length;
        int from = Math.max(0, cycles - 200);
        int m = t.components().length;
        double[] times = java.util.Arrays.copyOfRange(t.times(), from, cycles);
        double[][] truth = new double[m][], background = new double[m][], analysis = new double[m][];
        String[] names = new String[m];
        for (int c = 0; c < m; c++) {
            names[c] = "x[" + t.components()[c] + "]";
            truth[c] = new double[cycles - from];
            background[c] = new double[cycles - from];
            analysis[c] = new double[cycles - from];
            for (int k = from; k < cycles; k++) {
                truth[c][k - from] = t.truth()[k][c];
                background[c][k - from] = t.background()[k][c];
                analysis[c][k - from] = t.analysis()[k][c];
            }
        }
        TrajectoryFigure.write(png, name + ": truth, background and analysis at window starts",
                times, names, truth, background, analysis, null);
    }

    /** " N 20, infl 1.02" for an ensemble (its size and inflation when it declares them). */
    private static String methodSummary(ExperimentResult r) {
        Object size = r.methodDescription().get("size");
        return size == null ? "" : " N " + size;
    }

    /** The short table for the terminal. */
    public static String terminalTable(ExperimentResult r) {
        return terminalTable(r, null);
    }

    /**
     * The short table for the terminal; with checks, the climatology RMSE and whether the method tracks, and a line
     * with the minimizer's stop reasons.
     */
    public static String terminalTable(ExperimentResult r, RunChecks checks) {
        List<String> header = new ArrayList<>(List.of("experiment", "method", "prior", "window", "cycles", "rmse b",
                "rmse a", "spread/skill", "iter", "converged", "ms/cycle", "wall s"));
        if (checks != null) {
            header.add(7, "rmse clim");
            header.add(8, "a/clim");
            header.add(9, "tracks");
        }
        TextTable table = new TextTable(header.toArray(String[]::new));
        String tuned = r.tuned() == null ? "" : " (" + r.tuned().parameter() + " " + r.tunedValue() + ")";
        if (r.tuned() == null && r.prior() != null && checks != null && checks.untunedParameter() != null) {
            tuned = " (" + checks.untunedParameter() + " " + r.prior().parameters().get(checks.untunedParameter())
                    + ", untuned)";
        }
        String method = r.method().name() + (r.prior() == null ? methodSummary(r) + tuned : "");
        String prior = r.prior() == null ? "-" : r.prior().name() + tuned;
        List<CycleRecord> cycles = r.run().cycles();
        String converged = r.prior() == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%",
                100.0 * (cycles.size() - RunChecks.notConverged(cycles)) / cycles.size());
        List<Object> row = new ArrayList<>(List.of(r.config().name(), method, prior,
                r.prior() == null ? 1 : r.config().window(), r.config().cycles(), r.run().meanRmseBackground(),
                r.run().meanRmseAnalysis(), Double.isFinite(r.run().spreadSkill()) ? r.run().spreadSkill() : "-",
                r.run().meanIterations(), converged, r.msPerCycle(), r.wallSeconds()));
        if (checks != null) {
            row.add(7, checks.climatologyRmse());
            row.add(8, Double.isFinite(checks.trackingRatio(r)) ? checks.trackingRatio(r) : "-");
            row.add(9, checks.tracks(r) ? "yes" : "NO");
        }
        table.addRow(row.toArray());
        String text = table.render();
        if (checks != null) {
            if (r.prior() != null) {
                text += (text.endsWith("\n") ? "" : "\n") + "minimizer stop reasons: "
                        + RunChecks.stopReasonsText(cycles);
            }
            if (!checks.tracks(r)) {
                text += "\n" + r.config().name() + String.format(java.util.Locale.ROOT, " does NOT track the truth:"
                        + " its analysis RMSE is %.2f of the climatological mean's (tracking needs below %.1f)",
                        checks.trackingRatio(r), RunChecks.TRACKING_RATIO);
            }
        }
        return text;
    }
}
