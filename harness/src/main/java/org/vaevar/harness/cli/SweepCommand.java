package org.vaevar.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaevar.harness.io.ProgressBar;
import org.vaevar.harness.sweep.EngineOptions;
import org.vaevar.harness.sweep.Sweep;
import org.vaevar.harness.sweep.SweepEngine;
import org.vaevar.harness.sweep.SweepEngines;
import org.vaevar.harness.sweep.SweepFile;
import org.vaevar.harness.sweep.SweepPlan;
import org.vaevar.harness.sweep.SweepProgress;
import org.vaevar.harness.sweep.SweepTables;
import org.vaevar.harness.reproduce.GridFile;
import org.vaevar.harness.reproduce.Plan;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vaevar sweep FILE}: a grid of configs times methods, tuned and evaluated on held-out seeds. */
@Command(name = "sweep", description = {
    "Run a sweep file: a base preset or config, axes over any config path (crossed or zipped), methods (each a set"
        + " of overrides), a baseline, seeds and a master seed. Every tuning and evaluation is a task recorded in"
        + " tasks/ as it finishes; rerunning the command (or --resume) continues an unfinished sweep.",
    "Writes table.csv, table.md, seeds.csv, timing.csv, plan.json, RESULTS.md and figures/ into the run directory.",
    "A file of \"kind\": \"comparison\" (e.g. " + GridFile.SHIPPED + ") is a comparison grid: it runs exactly as"
        + " ./vaevar reproduce --grid FILE, with reproduce's options (--quick, --smoke, --seed, --seeds,"
        + " --replications, --publish, --ablations, --no-docs), on the local engine."})
final class SweepCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The sweep file (.json, .yaml or .yml).")
    Path file;

    @CommandLine.Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/sweep-<name>)."
            + " It gets its name only when the sweep completed.")
    Path out;

    @CommandLine.Option(names = "--resume", description = "Continue an unfinished sweep of --out (refused if there is"
            + " none; without it, one is continued if there is one).")
    boolean resume;

    @CommandLine.Option(names = "--engine", paramLabel = "NAME", description = "local (default: threads in this JVM)"
            + " or spark (needs the spark module; --master).")
    String engine = SweepEngines.LOCAL;

    @CommandLine.Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[N] with N"
            + " = --threads): local[2], spark://127.0.0.1:7077.")
    String master;

    @CommandLine.Option(names = "--threads", paramLabel = "N", description = "Tasks at once (default: available"
            + " processors). The tables do not depend on it.")
    Integer threads;

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing complete run directory.")
    boolean overwrite;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "No progress.")
    boolean quiet;

    @CommandLine.Option(names = "--quick", description = "Comparison grid only: its quick mode.")
    boolean quick;

    @CommandLine.Option(names = "--smoke", description = "Comparison grid only: its smoke mode.")
    boolean smoke;

    @CommandLine.Option(names = "--seeds", paramLabel = "N", description = "Comparison grid only: held-out"
            + " evaluation seeds (default: " + Plan.DEFAULT_SEEDS + "; a sweep file gives its own).")
    Integer seeds;

    @CommandLine.Option(names = {"--seed", "--master-seed"}, paramLabel = "SEED", description = "Comparison grid"
            + " only: master seed (default: " + Plan.DEFAULT_MASTER_SEED + "; a sweep file gives its own).")
    Long seed;

    @CommandLine.Option(names = "--replications", paramLabel = "R", description = "Comparison grid only: runs of"
            + " the whole pipeline (default: " + Plan.DEFAULT_REPLICATIONS + ").")
    Integer replications;

    @CommandLine.Option(names = "--publish", paramLabel = "DIR", description = "Comparison grid only: as"
            + " reproduce --publish.")
    Path publish;

    @CommandLine.Option(names = "--ablations", negatable = true, description = "Comparison grid only: as"
            + " reproduce --ablations.")
    Boolean ablations;

    @CommandLine.Option(names = "--no-docs", description = "Comparison grid only: do not regenerate docs/.")
    boolean noDocs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine.ParseResult top = spec.commandLine().getParent() != null
                ? spec.commandLine().getParent().getParseResult() : spec.commandLine().getParseResult();
        String command = ("./vaevar " + String.join(" ", top.originalArgs())).trim();
        if (comparisonGrid(file)) {
            return comparison(command);
        }
        for (var o : new Object[][] {{"--quick", quick}, {"--smoke", smoke}, {"--seeds", seeds}, {"--seed", seed},
            {"--replications", replications}, {"--publish", publish}, {"--ablations", ablations},
            {"--no-docs", noDocs}}) {
            if (o[1] != null && !Boolean.FALSE.equals(o[1])) {
                throw new IllegalArgumentException(o[0] + ": only for a comparison grid (\"kind\": \"comparison\");"
                        + " " + file + " is a sweep, which sets seeds and masterSeed in the file");
            }
        }
        SweepFile sweep = SweepFile.read(file);
        SweepPlan plan = SweepPlan.of(sweep);
        // Every config is read and every plugin section validated before anything runs.
        plan.validate(SweepPlan.quietOptions(Home.cacheDirectory()));
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        EngineOptions options = new EngineOptions(workers, master, Home.cacheDirectory().toString());
        if (master != null && !engine.equals("spark")) {
            throw new IllegalArgumentException("--master " + master + ": only for --engine spark");
        }
        Path dir = out != null ? out : Home.directory().resolve("runs/sweep-" + sweep.name());
        PrintWriter stdout = spec.commandLine().getOut();
        Sweep.Written w;
        boolean lines = ProgressBar.styleFor(quiet, System.console() != null, System.getenv())
                == ProgressBar.Style.LOG;
        try (SweepEngine e = SweepEngines.create(engine, options); ProgressBar bar = ProgressBar.forTerminal(quiet)) {
            SweepProgress progress = new SweepProgress(bar, lines ? bar::log : null);
            w = Sweep.run(plan, e, dir, overwrite, resume, progress, command);
            stdout.println(SweepTables.terminal(w.rows(), sweep.baseline()));
            stdout.printf("%d points × %d methods, %d rows; %d tasks ran, %d reused%s; wall time %.1f s on %s%n",
                    plan.points().size(), plan.methods().size(), w.rows().size(), w.ran(), w.reused(),
                    w.resumed() ? " (resumed)" : "", w.wallSeconds(), e.description());
        }
        stdout.println("run directory: " + w.directory());
        stdout.flush();
        return 0;
    }

    /** Whether the file is a comparison grid; an unreadable one is left to the sweep reader's message. */
    private static boolean comparisonGrid(Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file) && GridFile.isComparison(GridFile.tree(file));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A comparison grid, run as reproduce runs it. Its work items run on this JVM's thread pool: the reproduction
     * pipeline has no Spark engine, so {@code --engine spark} is refused rather than ignored.
     */
    private int comparison(String command) throws IOException {
        if (!engine.equals(SweepEngines.LOCAL)) {
            throw new IllegalArgumentException("--engine " + engine + ": a comparison grid (" + file + ") runs on"
                    + " the local engine only; the reproduction pipeline does not run on Spark");
        }
        if (master != null) {
            throw new IllegalArgumentException("--master " + master + ": only for --engine spark, which a comparison"
                    + " grid does not use");
        }
        return new ComparisonRun(file, quick, smoke, out, seeds != null ? seeds : Plan.DEFAULT_SEEDS, threads,
                seed != null ? seed : Plan.DEFAULT_MASTER_SEED, replications != null ? replications
                : Plan.DEFAULT_REPLICATIONS, resume, publish, ablations, noDocs, overwrite, quiet)
                .run(command, spec.commandLine().getOut());
    }
}
