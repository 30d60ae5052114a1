package org.vaevar.harness.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaevar.harness.io.AtomicFiles;
import org.vaevar.harness.io.Json;
import org.vaevar.harness.io.RunDirectory;
import org.vaevar.harness.reproduce.Figures.Figure;
import org.vaevar.harness.reproduce.MachineInfo;
import org.vaevar.harness.reproduce.MethodOutcome;

/**
 * {@code vaevar sweep}: runs a plan's tasks into a run directory and writes its tables, figures and page.
 *
 * <p>The directory follows {@link RunDirectory}'s rules: it is written under {@code NAME.partial-<pid>} and gets
 * its name only when complete; a complete one is replaced only with {@code overwrite}. A sweep that stopped (an
 * error, a kill) leaves its partial directory with the tasks it finished; the same command (or {@code --resume})
 * continues in it and runs only the tasks not recorded there.
 */
public final class Sweep {

    /** Written first into the run directory: marks a partial directory as a sweep's, to be resumed. */
    public static final String SWEEP_FILE = "sweep.json";
    private static final String LOCK = ".sweep.lock";

    /** What was written. */
    public record Written(Path directory, List<SweepOutcomes.Row> rows, double wallSeconds, int reused, int ran,
                          boolean resumed) {
    }

    private Sweep() {
    }

    /**
     * @param resume require an unfinished run to continue (without it, one is continued if there is one)
     */
    public static Written run(SweepPlan plan, SweepEngine engine, Path out, boolean overwrite, boolean resume,
                              SweepProgress progress, String command) throws IOException {
        RunDirectory.checkTarget(out, overwrite);
        Optional<Path> partial = RunDirectory.findPartial(out, SWEEP_FILE);
        if (resume && partial.isEmpty()) {
            throw new IllegalArgumentException("--resume: no unfinished sweep for --out " + out + " (no "
                    + out.getFileName() + ".partial-* directory holding " + SWEEP_FILE + ")");
        }
        long start = System.nanoTime();
        try (RunDirectory dir = partial.isPresent()
                ? RunDirectory.reopen(out, partial.get(), overwrite, "sweep")
                : RunDirectory.create(out, overwrite, "sweep")) {
            try {
                Written w;
                try (FileChannel ch = FileChannel.open(dir.path().resolve(LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = ch.tryLock()) {
                    if (lock == null) {
                        throw new IllegalStateException("--out " + out + ": another sweep is running in "
                                + dir.path());
                    }
                    Json.write(dir.path().resolve(SWEEP_FILE), SweepPlanJson.of(plan, Map.of()));
                    SweepScheduler.Outcome o = SweepScheduler.run(plan, new TaskStore(dir.path()), engine, progress);
                    double wall = (System.nanoTime() - start) / 1e9;
                    List<SweepOutcomes.Row> rows = writeFiles(plan, o.results(), dir.path(), command,
                            engine.description(), wall, o.reused());
                    w = new Written(null, rows, wall, o.reused(), o.ran(), partial.isPresent());
                }
                Files.deleteIfExists(dir.path().resolve(LOCK));
                Path committed = dir.commit();
                return new Written(committed, w.rows(), w.wallSeconds(), w.reused(), w.ran(), w.resumed());
            } catch (RuntimeException | IOException e) {
                dir.abandon(e, command);
                throw e;
            }
        }
    }

    /** Writes the tables, figures, plan and page of a finished sweep into {@code dir}. */
    public static List<SweepOutcomes.Row> writeFiles(SweepPlan plan, Map<String, TaskResult> results, Path dir,
                                                     String command, String engine, double wallSeconds, int reused)
            throws IOException {
        List<MethodOutcome> outcomes = SweepOutcomes.outcomes(plan, results);
        List<SweepOutcomes.Row> rows = SweepOutcomes.rows(plan, outcomes, results);
        SweepTables.table(plan, rows).write(dir.resolve("table.csv"));
        SweepTables.seeds(outcomes).write(dir.resolve("seeds.csv"));
        SweepTables.timing(plan, results).write(dir.resolve("timing.csv"));
        AtomicFiles.writeString(dir.resolve("table.md"), SweepTables.markdown(plan, rows));
        Json.write(dir.resolve("plan.json"), SweepPlanJson.of(plan, results));
        Path figures = dir.resolve("figures");
        Files.createDirectories(figures);
        List<Figure> written = SweepFigures.write(plan, rows, figures);
        AtomicFiles.writeString(dir.resolve("RESULTS.md"), SweepPage.render(plan, rows, written,
                MachineInfo.current(), command, engine, wallSeconds, reused));
        return rows;
    }
}
