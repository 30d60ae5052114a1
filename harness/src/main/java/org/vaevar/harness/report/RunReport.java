package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.Trajectory;
import org.vaevar.assimilation.experiment.TrajectoryRecorder;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.io.NumberFormats;
import org.vaevar.harness.plots.RmseFigure;
import org.vaevar.harness.plots.TrajectoryFigure;
import org.vaevar.harness.io.TextTable;

/**
 * Writes one experiment's files into a run directory when the run has ended: {@code summary.json}, {@code rmse.png}
 * (background and analysis RMSE over cycles) and {@code trajectory.png} (truth, background and analysis of the
 * first components); and formats the short table printed on the terminal. What grows with the cycles is written
 * during the run by observers: {@code cycles.csv} by {@link CyclesCsv}, the full states ({@code trajectories.csv},
 * {@code observations.csv}) by {@link TrajectoriesCsv} and {@link ObservationsCsv}; the figures draw from the
 * bounded {@link RmseSeries} and a {@code TrajectoryRecorder} of the last {@link #TRAJECTORY_CYCLES} cycles.
 */
public final class RunReport {

    /** Cycles the trajectory figure shows: the last ones, so individual analyses stay visible. */
    public static final int TRAJECTORY_CYCLES = 200;

    private RunReport() {
    }

    /** The recorder of what the trajectory figure draws: the first components over the last cycles. */
    public static TrajectoryRecorder trajectoryRecorder() {
        return new TrajectoryRecorder(TrajectoryRecorder.FIGURE_COMPONENTS, TRAJECTORY_CYCLES);
    }

    /**
     * Writes {@code summary.json} (with the checks' additions when not null) and the figures; {@code rmse} and
     * {@code trajectory} are what the observers recorded of the evaluation run.
     */
    public static void write(ExperimentResult result, RmseSeries rmse, Trajectory trajectory, Path dir,
                             RunChecks checks) throws IOException {
        Json.write(dir.resolve("summary.json"), checks == null ? result.summary() : checks.summary(result));
        rmse.write(dir.resolve("rmse.png"), result.config().name() + ": RMSE over cycles",
                new RmseFigure.Options(result.run().spinupCycles(), false, result.config().observations().noise(),
                        "observation noise std", "model time"));
        writeTrajectory(result.config().name(), trajectory, dir.resolve("trajectory.png"));
    }

    /** The last {@link #TRAJECTORY_CYCLES} cycles (or all), so individual analyses stay visible. */
    private static void writeTrajectory(String name, Trajectory t, Path png) throws IOException {
        int cycles = t.times().length;
        int from = Math.max(0, cycles - TRAJECTORY_CYCLES);
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
        String tuned = r.tuned() == null ? "" : " (" + r.tuned().parameter() + " "
                + (r.tunedValue() instanceof Number v ? NumberFormats.compact(v.doubleValue()) : r.tunedValue()) + ")";
        if (r.tuned() == null && r.prior() != null && checks != null && checks.untunedParameter() != null) {
            tuned = " (" + checks.untunedParameter() + " " + r.prior().parameters().get(checks.untunedParameter())
                    + ", untuned)";
        }
        String method = r.method().name() + (r.prior() == null ? methodSummary(r) + tuned : "");
        String prior = r.prior() == null ? "-" : r.prior().name() + tuned;
        RunResult run = r.run();
        String converged = r.prior() == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%",
                100.0 * (run.cycleCount() - run.notConverged()) / run.cycleCount());
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
                        + RunChecks.stopReasonsText(run);
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
