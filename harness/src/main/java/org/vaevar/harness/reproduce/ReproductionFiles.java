package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.harness.io.AtomicFiles;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.io.RunDirectory;

/**
 * {@code vaevar reproduce}: runs a {@link Plan} and writes its run directory — {@code table.csv},
 * {@code table.md}, {@code seeds.csv}, {@code plan.json}, {@code RESULTS.md}, {@code figures/*.png}, and with
 * ablations {@code ablations.csv} and {@code ablations.md} — through a {@link RunDirectory}, so an interrupted run
 * never looks complete. Then, if asked, copies the page and its figures to {@code docs/}.
 */
public final class ReproductionFiles {

    /**
     * Where the outputs go.
     *
     * @param out       the run directory
     * @param overwrite replace an existing complete run directory
     * @param docs      the docs directory to regenerate ({@code RESULTS.md}, {@code figures/}), or null for none
     * @param command   the command line, as the page shows it
     */
    public record Output(Path out, boolean overwrite, Path docs, String command) {
    }

    /** What was written. */
    public record Written(ReproductionResult result, Path directory, Path page) {
    }

    private ReproductionFiles() {
    }

    public static Written run(Plan plan, int threads, Path cacheDirectory, ProgressListener progress, Output output)
            throws IOException {
        // Create the staging directory first: an existing run without --overwrite is refused before hours of work.
        try (RunDirectory dir = RunDirectory.create(output.out(), output.overwrite(), "reproduce")) {
            Path committed;
            ReproductionResult result;
            try {
                result = Reproduction.run(plan, threads, cacheDirectory, progress);
                MachineInfo machine = MachineInfo.current();
                writeFiles(result, dir.path(), machine, output.command());
                committed = dir.commit();
            } catch (RuntimeException | IOException e) {
                dir.abandon(e, output.command());
                throw e;
            }
            Path page = null;
            if (output.docs() != null) {
                page = publish(committed, output.docs());
            }
            return new Written(result, committed, page);
        }
    }

    /** Writes every output file of {@code result} into {@code dir}. */
    public static void writeFiles(ReproductionResult result, Path dir, MachineInfo machine, String command)
            throws IOException {
        ResultTables.table(result.rows()).write(dir.resolve("table.csv"));
        AtomicFiles.writeString(dir.resolve("table.md"), ResultTables.markdown(result.rows(), false));
        ResultTables.seeds(result.outcomes()).write(dir.resolve("seeds.csv"));
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
