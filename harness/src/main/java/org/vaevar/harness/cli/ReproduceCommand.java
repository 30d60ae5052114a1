package org.vaevar.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaevar.harness.reproduce.GridFile;
import org.vaevar.harness.reproduce.Plan;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vaevar reproduce}: the paper comparison grid, its table, figures and {@code docs/RESULTS.md}. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = {
    "Reproduce the VAE-Var comparison of the grid " + GridFile.SHIPPED + ": every setting of the grid (Lorenz 63 and 96, linear and arctan observations,"
        + " several intervals and densities, two imperfect-model settings), 3DVar and 4DVar (and VAE-3DVar,"
        + " VAE-4DVar when the vae plugin is present), each tuned on a tuning seed and evaluated on held-out seeds.",
    "The whole pipeline runs --replications times, each with its own master seed; intervals are over"
        + " replications. Finished work items are kept in the unfinished run directory: rerunning the command (or"
        + " --resume) continues it.",
    "Writes table.csv, table.md, seeds.csv, replications.csv, plan.json, RESULTS.md and figures/ into the run"
        + " directory, and regenerates docs/RESULTS.md (quick grid) or docs/full/RESULTS.md (full grid)."})
final class ReproduceCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--grid", paramLabel = "FILE", description = "A comparison grid file (default: the"
            + " shipped " + GridFile.SHIPPED + "); a changed copy runs into runs/grid-<name> and leaves docs/ alone.")
    Path grid;

    @CommandLine.Option(names = "--quick", description = "The documented quick subset (minutes, not hours).")
    boolean quick;

    @CommandLine.Option(names = "--smoke", description = "Two tiny settings and a few cycles (a test, not a result).")
    boolean smoke;

    @CommandLine.Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/reproduce,"
            + " runs/reproduce-quick or runs/reproduce-smoke). It appears only when the run completed.")
    Path out;

    @CommandLine.Option(names = "--seeds", paramLabel = "N", description = "Held-out evaluation seeds (default: "
            + Plan.DEFAULT_SEEDS + ", at least 2).")
    int seeds = Plan.DEFAULT_SEEDS;

    @CommandLine.Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available"
            + " processors). The table does not depend on it; ms/cycle does.")
    Integer threads;

    @CommandLine.Option(names = {"--seed", "--master-seed"}, paramLabel = "SEED", description = "Master seed of the"
            + " whole grid (default: " + Plan.DEFAULT_MASTER_SEED + ", never used during development).")
    long seed = Plan.DEFAULT_MASTER_SEED;

    @CommandLine.Option(names = "--replications", paramLabel = "R", description = "Runs of the whole pipeline"
            + " (calibration, training, tuning, evaluation), each with its own master seed; intervals are over"
            + " them (default: " + Plan.DEFAULT_REPLICATIONS + ").")
    int replications = Plan.DEFAULT_REPLICATIONS;

    @CommandLine.Option(names = "--resume", description = "Continue an unfinished reproduction of --out (refused if"
            + " there is none; without it, one is continued if there is one).")
    boolean resume;

    @CommandLine.Option(names = "--publish", paramLabel = "DIR", description = "Also copy RESULTS.md, its figures,"
            + " table.csv, table.md, seeds.csv, replications.csv and plan.json into DIR (refused if DIR holds such"
            + " a file that an earlier --publish did not write).")
    Path publish;

    @CommandLine.Option(names = "--ablations", negatable = true, description = "Run the VAE ablations on the quick"
            + " settings (default: on for the full grid only; needs the vae plugin).")
    Boolean ablations;

    @CommandLine.Option(names = "--no-docs", description = "Do not regenerate the results page under docs/.")
    boolean noDocs;

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing run directory.")
    boolean overwrite;

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // The top-level parse holds every argument, "reproduce" included.
        CommandLine.ParseResult top = spec.commandLine().getParent() != null
                ? spec.commandLine().getParent().getParseResult() : spec.commandLine().getParseResult();
        String command = ("./vaevar " + String.join(" ", top.originalArgs())).trim();
        return new ComparisonRun(grid, quick, smoke, out, seeds, threads, seed, replications, resume, publish,
                ablations, noDocs, overwrite, quiet.quiet).run(command, spec.commandLine().getOut());
    }
}
