package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.experiment.CycleRecord;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.plots.Plots;
import org.vaevar.harness.io.TextTable;

/**
 * Writes one experiment's files into a run directory: {@code summary.json}, {@code cycles.csv}, {@code rmse.png}
 * (background and analysis RMSE over cycles) and {@code trajectory.png} (truth, background and analysis of the
 * first components); and formats the short table printed on the terminal.
 */
public final class RunReport {

    public static final List<String> CYCLE_COLUMNS = List.of("cycle", "time", "rmseBackground", "rmseAnalysis",
            "rmseAnalysisWindowStart", "iterations", "evaluations", "initialCost", "finalCost", "stopReason",
            "spreadBackground", "spreadAnalysis");

    private RunReport() {
    }

    public static void write(ExperimentResult result, Path dir) throws IOException {
        Json.write(dir.resolve("summary.json"), result.summary());
        cyclesTable(result.run()).write(dir.resolve("cycles.csv"));
        RunResult run = result.run();
        double[] times = run.cycles().stream().mapToDouble(CycleRecord::time).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("background", run.cycles().stream().mapToDouble(CycleRecord::rmseBackground).toArray());
        series.put("analysis", run.cycles().stream().mapToDouble(CycleRecord::rmseAnalysis).toArray());
        Plots.rmseOverCycles(dir.resolve("rmse.png"), result.config().name() + ": RMSE over cycles", times, series,
                new Plots.RmseOptions(run.spinupCycles(), false, result.config().observations().noise(),
                        "observation noise std", "model time"));
        writeTrajectory(result, dir.resolve("trajectory.png"));
    }

    /** One row per cycle; numbers in their shortest round-trip form, so equal runs give equal bytes. */
    public static CsvTable cyclesTable(RunResult run) {
        CsvTable csv = new CsvTable(CYCLE_COLUMNS);
        for (CycleRecord r : run.cycles()) {
            csv.addRow(r.cycle(), r.time(), r.rmseBackground(), r.rmseAnalysis(), r.rmseAnalysisStart(),
                    r.iterations(), r.evaluations(), r.initialCost(), r.finalCost(), r.diagnostics().stopLabel(),
                    r.spreadBackground(), r.spreadAnalysis());
        }
        return csv;
    }

    /** The last 200 cycles (or all), so individual analyses stay visible. */
    private static void writeTrajectory(ExperimentResult result, Path png) throws IOException {
        RunResult.Trajectory t = result.run().trajectory();
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
        Plots.trajectories(png, result.config().name() + ": truth, background and analysis at window starts", times,
                names, truth, background, analysis, null);
    }

    /** " N 20, infl 1.02" for an ensemble (its size and inflation when it declares them). */
    private static String methodSummary(ExperimentResult r) {
        Object size = r.methodDescription().get("size");
        return size == null ? "" : " N " + size;
    }

    /** The short table for the terminal. */
    public static String terminalTable(ExperimentResult r) {
        TextTable table = new TextTable("experiment", "method", "prior", "window", "cycles", "rmse b", "rmse a",
                "spread/skill", "iter", "ms/cycle", "wall s");
        String tuned = r.tuned() == null ? "" : " (" + r.tuned().parameter() + " " + r.tunedValue() + ")";
        String method = r.method().name() + (r.prior() == null ? methodSummary(r) + tuned : "");
        String prior = r.prior() == null ? "-" : r.prior().name() + tuned;
        table.addRow(r.config().name(), method, prior, r.prior() == null ? 1 : r.config().window(), r.config().cycles(), r.run().meanRmseBackground(),
                r.run().meanRmseAnalysis(), Double.isFinite(r.run().spreadSkill()) ? r.run().spreadSkill() : "-",
                r.run().meanIterations(), r.msPerCycle(), r.wallSeconds());
        return table.render();
    }
}
