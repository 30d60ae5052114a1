package org.vaevar.harness.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaevar.harness.io.AtomicFiles;

/**
 * The finished tasks of a sweep, one file each, {@code tasks/<id>.json}, written atomically (a temporary file
 * renamed into place) the moment a task completes, so an interrupted sweep loses at most the tasks that were
 * running. A file that does not parse (it cannot be half-written, but it may have been edited) is ignored and
 * its task runs again.
 */
public final class TaskStore {

    /** The directory under the run directory. */
    public static final String DIRECTORY = "tasks";

    private final Path dir;
    private final Path work;

    public TaskStore(Path runDirectory) throws IOException {
        this.dir = runDirectory.resolve(DIRECTORY);
        this.work = runDirectory.resolve(Tasks.WORK);
        Files.createDirectories(dir);
    }

    /** The work area: files that tasks pass on to later tasks (the calibration samples). */
    public Path workDirectory() {
        return work;
    }

    /** Every recorded result by task id. */
    public Map<String, TaskResult> load() throws IOException {
        Map<String, TaskResult> results = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith(".")) {
                    continue;
                }
                try {
                    TaskResult r = TaskResult.parse(Files.readString(f));
                    if (r.id() != null && name.equals(r.id() + ".json") && r.key() != null && r.status() != null) {
                        results.put(r.id(), r);
                    }
                } catch (IllegalArgumentException e) {
                    // not a result: the task runs again and replaces it
                }
            }
        }
        return results;
    }

    public void write(TaskResult r) throws IOException {
        AtomicFiles.writeString(dir.resolve(r.id() + ".json"), r.json() + "\n");
    }
}
