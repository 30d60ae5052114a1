package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.harness.io.AtomicFiles;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.io.RunDirectory;

/**
 * {@code vaevar reproduce}: runs a {@link Plan} and writes its run directory — {@code table.csv},
 * {@code table.md}, {@code seeds.csv}, {@code replications.csv}, {@code plan.json}, {@code RESULTS.md},
 * {@code figures/*.png}, and with ablations {@code ablations.csv} and {@code ablations.md} — through a
 * {@link RunDirectory}, so an interrupted run never looks complete. Then, if asked, copies the page and its figures
 * to {@code docs/} and publishes the page with its data files ({@link PublishedFiles}).
 *
 * <p>Resuming: the partial directory holds {@value #REPRODUCE_FILE} (written first) and every finished work item
 * ({@link WorkStore}); the same command continues in it, reusing every item whose inputs match.
 */
public final class ReproductionFiles {

    /** Written first into the run directory: marks a partial directory as a reproduction's, to be resumed. */
    public static final String REPRODUCE_FILE = "reproduce.json";
    private static final String LOCK = ".reproduce.lock";

    /**
     * Where the outputs go.
     *
     * @param out       the run directory
     * @param overwrite replace an existing complete run directory
     * @param docs      the docs directory to regenerate ({@code RESULTS.md}, {@code figures/}), or null for none
     * @param command   the command line, as the page shows it
     * @param resume    require an unfinished run of {@code out} to continue (without it, one is continued if any)
     * @param publish   the directory to publish the page and its data files into, or null
     */
    public record Output(Path out, boolean overwrite, Path docs, String command, boolean resume, Path publish) {
        public Output(Path out, boolean overwrite, Path docs, String command) {
            this(out, overwrite, docs, command, false, null);
        }
    }

    /**
     * What was written.
     *
     * @param reused work items taken from an interrupted run, {@code recorded} the ones this run computed
     */
    public record Written(ReproductionResult result, Path directory, Path page, Path published, boolean resumed,
                          int reused, int recorded) {
    }

    private ReproductionFiles() {
    }

    public static Written run(Plan plan, int threads, Path cacheDirectory, ProgressListener progress, Output output)
            throws IOException {
        return run(plan, threads, cacheDirectory, progress, output, -1);
    }

    /**
     * {@link #run}, failing as if killed (tests): after {@code stopAfter} recorded work items when it is positive,
     * after the last item but before writing the tables when it is 0.
     */
    static Written run(Plan plan, int threads, Path cacheDirectory, ProgressListener progress, Output output,
                       int stopAfter) throws IOException {
        // Check every destination first: a refused --out or --publish is reported before hours of work.
        RunDirectory.checkTarget(output.out(), output.overwrite());
        if (output.publish() != null) {
            PublishedFiles.check(output.publish());
        }
        Optional<Path> partial = RunDirectory.findPartial(output.out(), REPRODUCE_FILE);
        if (output.resume() && partial.isEmpty()) {
            throw new IllegalArgumentException("--resume: no unfinished reproduction for --out " + output.out()
                    + " (no " + output.out().getFileName() + ".partial-* directory holding " + REPRODUCE_FILE + ")");
        }
        try (RunDirectory dir = partial.isPresent()
                ? RunDirectory.reopen(output.out(), partial.get(), output.overwrite(), "reproduce")
                : RunDirectory.create(output.out(), output.overwrite(), "reproduce")) {
            Path committed;
            ReproductionResult result;
            WorkStore store;
            try {
                try (FileChannel ch = FileChannel.open(dir.path().resolve(LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
                    if (lock == null) {
                        throw new IllegalStateException("--out " + output.out() + ": another reproduction is "
                                + "running in " + dir.path());
                    }
                    Json.write(dir.path().resolve(REPRODUCE_FILE), identity(plan));
                    store = WorkStore.open(dir.path());
                    if (stopAfter > 0) {
                        store.stopAfter(stopAfter);
                    }
                    result = Reproduction.run(plan, threads, cacheDirectory, progress, store);
                    if (stopAfter == 0) {
                        throw new WorkStore.Interrupted(store.recorded());
                    }
                    writeFiles(result, dir.path(), MachineInfo.current(), output.command());
                }
                Files.deleteIfExists(dir.path().resolve(LOCK));
                // The finished items served their purpose: the complete directory holds the results only.
                RunDirectory.deleteRecursively(dir.path().resolve(WorkStore.DIRECTORY));
                Files.deleteIfExists(dir.path().resolve(REPRODUCE_FILE));
                committed = dir.commit();
            } catch (RuntimeException | IOException e) {
                dir.abandon(e, output.command());
                throw e;
            }
            Path page = null;
            if (output.docs() != null) {
                page = publish(committed, output.docs());
            }
            Path published = output.publish() == null ? null : PublishedFiles.publish(committed, output.publish());
            return new Written(result, committed, page, published, partial.isPresent(), store.reused(),
                    store.recorded());
        }
    }

    /** What the partial directory is a reproduction of (for a reader; the items' keys decide what is reused). */
    private static Map<String, Object> identity(Plan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", plan.mode().id());
        m.put("masterSeed", plan.masterSeed());
        m.put("replications", plan.replications());
        m.put("seeds", plan.seeds());
        m.put("ablations", plan.ablations());
        return m;
    }

    /** Writes every output file of {@code result} into {@code dir}. */
    public static void writeFiles(ReproductionResult result, Path dir, MachineInfo machine, String command)
            throws IOException {
        List<ResultRow> rows = result.rows();
        ResultTables.table(rows).write(dir.resolve("table.csv"));
        AtomicFiles.writeString(dir.resolve("table.md"), ResultTables.markdown(rows, false));
        ResultTables.seeds(result).write(dir.resolve("seeds.csv"));
        ResultTables.replications(rows).write(dir.resolve("replications.csv"));
        if (!result.ablationRows().isEmpty()) {
            ResultTables.ablations(result.ablationRows()).write(dir.resolve("ablations.csv"));
            AtomicFiles.writeString(dir.resolve("ablations.md"), ResultTables.markdown(result.ablationRows(), true));
        }
        Json.write(dir.resolve("plan.json"), PlanJson.of(result));
        Path figures = dir.resolve("figures");
        Files.createDirectories(figures);
        List<Figures.Figure> written = Figures.write(result, figures);
        AtomicFiles.writeString(dir.resolve("RESULTS.md"), ResultsPage.render(result, written, machine, command));
    }

    /** Copies the figures, then the page, into {@code docs} (each file atomically); returns the page. */
    static Path publish(Path runDirectory, Path docs) throws IOException {
        Path figures = docs.resolve("figures");
        Files.createDirectories(figures);
        try (var files = Files.list(runDirectory.resolve("figures"))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                AtomicFiles.writeBytes(figures.resolve(f.getFileName()), Files.readAllBytes(f));
            }
        }
        Path page = docs.resolve("RESULTS.md");
        AtomicFiles.writeBytes(page, Files.readAllBytes(runDirectory.resolve("RESULTS.md")));
        return page;
    }
}
