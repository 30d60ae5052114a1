package org.vaevar.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.harness.io.ProgressBar;
import org.vaevar.harness.reproduce.ComparisonGrid;
import org.vaevar.harness.reproduce.GridFile;
import org.vaevar.harness.reproduce.Mode;
import org.vaevar.harness.reproduce.Plan;
import org.vaevar.harness.reproduce.ReproductionFiles;
import org.vaevar.harness.reproduce.ResultRow;
import org.vaevar.harness.reproduce.ResultTables;

/**
 * One run of a comparison grid, as {@code vaevar reproduce} and {@code vaevar sweep} (on a file of kind
 * {@code comparison}) both start it: the same plan, run directory, resume, publication and results page.
 *
 * @param grid         the grid file, or {@code null} for the shipped one
 * @param quick        the grid's quick mode
 * @param smoke        the grid's smoke mode
 * @param out          the run directory, or {@code null} for the mode's default
 * @param seeds        held-out evaluation seeds
 * @param threads      worker threads, or {@code null} for the available processors
 * @param masterSeed   the master seed of the whole grid
 * @param replications runs of the whole pipeline
 * @param resume       continue an unfinished run (refused if there is none)
 * @param publish      where the results are also copied, or {@code null}
 * @param ablations    whether the ablations run, or {@code null} for the mode's default
 * @param noDocs       do not regenerate the results page under docs/
 * @param overwrite    replace an existing run directory
 * @param quiet        no progress bar
 */
record ComparisonRun(Path grid, boolean quick, boolean smoke, Path out, int seeds, Integer threads, long masterSeed,
                     int replications, boolean resume, Path publish, Boolean ablations, boolean noDocs,
                     boolean overwrite, boolean quiet) {

    /** Checks everything, then runs; prints the tables and where the files went. */
    int run(String command, PrintWriter stdout) throws IOException {
        if (quick && smoke) {
            throw new IllegalArgumentException("--quick and --smoke: choose one");
        }
        Mode mode = smoke ? Mode.SMOKE : quick ? Mode.QUICK : Mode.FULL;
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new IllegalArgumentException("--threads = " + workers + ": must be at least 1");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("--replications = " + replications + ": must be at least 1");
        }
        if (seeds < 2) {
            throw new IllegalArgumentException("--seeds = " + seeds + ": at least 2 evaluation seeds are needed for"
                    + " an interval");
        }
        PluginRegistry registry = PluginRegistry.discover(ComparisonRun.class.getClassLoader());
        // A copy of the shipped grid is the shipped grid: it writes the same run directory and results page.
        boolean paper = grid == null || shippedTree().equals(GridFile.tree(grid));
        ComparisonGrid g = grid == null ? GridFile.shipped(registry) : GridFile.read(grid, registry);
        Plan plan = Plan.standard(g, mode, masterSeed, seeds, ablations != null ? ablations
                : mode.ablationsByDefault(), registry).withReplications(replications);
        Path defaultOut = paper ? mode.defaultOut()
                : Path.of("runs", "grid-" + g.name() + (mode == Mode.FULL ? "" : "-" + mode.id()));
        Path dir = out != null ? out : Home.directory().resolve(defaultOut);
        // The quick grid's page is docs/RESULTS.md; the full grid's goes beside it, docs/full/RESULTS.md. Another
        // grid's results never replace them.
        Path docs = paper && mode.writesDocs() && !noDocs
                ? Home.directory().resolve(mode == Mode.FULL ? "docs/full" : "docs") : null;
        ReproductionFiles.Written written;
        try (ProgressBar bar = ProgressBar.forTerminal(quiet)) {
            written = ReproductionFiles.run(plan, workers, Home.cacheDirectory(), bar,
                    new ReproductionFiles.Output(dir, overwrite, docs, command, resume, publish));
        }
        stdout.println(ResultTables.terminal(written.result().rows()));
        if (!written.result().ablationRows().isEmpty()) {
            stdout.println(ResultTables.terminal(written.result().ablationRows()));
        }
        long diverged = written.result().rows().stream().filter(ResultRow::diverged).count();
        stdout.printf("%d settings, %d rows (%d diverged), %d replication(s), wall time %.1f s on %d thread(s)%n",
                plan.settings().size(), written.result().rows().size(), diverged, replications,
                written.result().wallSeconds(), workers);
        if (written.resumed()) {
            stdout.printf("resumed: %d work items reused from the unfinished run, %d computed%n", written.reused(),
                    written.recorded());
        }
        stdout.println("run directory: " + written.directory());
        if (written.page() != null) {
            stdout.println("results page:  " + written.page());
        }
        if (written.published() != null) {
            stdout.println("published:     " + written.published());
        }
        stdout.flush();
        return 0;
    }

    private static Map<String, Object> shippedTree() throws IOException {
        try (var in = ComparisonRun.class.getClassLoader().getResourceAsStream(GridFile.SHIPPED)) {
            if (in == null) {
                return Map.of();
            }
            return ConfigText.parseObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    Path.of(GridFile.SHIPPED));
        }
    }
}
