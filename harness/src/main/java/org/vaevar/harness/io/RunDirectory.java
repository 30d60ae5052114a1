package org.vaevar.harness.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * An output directory for one run that never looks complete while it is being written.
 *
 * <p>Files go into a sibling staging directory {@code NAME.partial-<pid>} (a numeric suffix is added if that
 * name is taken). Only {@link #commit()} renames it to {@code NAME}, in one atomic directory rename, so any
 * directory carrying the final name holds a finished run.
 *
 * <p>A run that fails is <b>kept, still named partial</b>: {@link #abandon(String)} (also called by
 * {@link #close()} when the run was not committed) leaves {@code NAME.partial-<pid>} in place so the files
 * written before the failure can be inspected, and writes the reason to {@value #FAILURE_FILE} inside it.
 * Nothing with the final name is created, and the partial suffix says plainly that it is not a result. Delete
 * such directories by hand (or with {@link #deleteRecursively(Path)}).
 *
 * <p>Typical use:
 * <pre>{@code
 * try (RunDirectory run = RunDirectory.create(Path.of("runs/l96-3dvar"), false)) {
 *     Json.write(run.resolve("summary.json"), summary);
 *     run.commit();
 * }   // an exception before commit() leaves only runs/l96-3dvar.partial-<pid>
 * }</pre>
 *
 * <p>Overwriting: a run created with {@code overwrite = true} replaces an existing complete run at commit time:
 * the old directory is first renamed aside ({@code NAME.replaced-<pid>}), the new one renamed into place, and
 * only then the old one deleted. A crash between those steps leaves no directory with the final name, never a
 * mixture of old and new files.
 */
public final class RunDirectory implements AutoCloseable {

    /** Written into an abandoned staging directory: why the run did not complete. */
    public static final String FAILURE_FILE = "FAILED.txt";

    /** Where the run is in its life. */
    public enum State { OPEN, COMMITTED, ABANDONED }

    private final Path finalPath;
    private final Path staging;
    private final boolean overwrite;
    private State state = State.OPEN;

    private RunDirectory(Path finalPath, Path staging, boolean overwrite) {
        this.finalPath = finalPath;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Creates the staging directory for a run that will be committed as {@code finalDir}.
     *
     * @param overwrite whether {@link #commit()} may replace an existing complete run at {@code finalDir}
     * @throws IllegalArgumentException if {@code finalDir} exists and {@code overwrite} is false (checked now, so
     *                                  no work is wasted, and again at commit), or if it exists as a file
     */
    public static RunDirectory create(Path finalDir, boolean overwrite) throws IOException {
        Objects.requireNonNull(finalDir, "finalDir");
        Path target = finalDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw new IllegalArgumentException("run directory = " + finalDir + ": has no parent directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("run directory = " + finalDir + ": exists and is not a directory");
            }
            if (!overwrite) {
                throw new IllegalArgumentException("run directory = " + finalDir
                        + ": already holds a complete run; choose another name or allow overwriting");
            }
        }
        Files.createDirectories(parent);
        return new RunDirectory(target, createUniqueSibling(target, "partial"), overwrite);
    }

    /** The directory to write into while the run is open (the staging directory). */
    public synchronized Path path() {
        requireOpen("path()");
        return staging;
    }

    /**
     * A path inside the staging directory; subdirectories are created. {@code relative} must stay inside
     * the run (no absolute paths, no "..").
     */
    public synchronized Path resolve(String relative) throws IOException {
        requireOpen("resolve()");
        Objects.requireNonNull(relative, "relative");
        Path p = staging.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !p.startsWith(staging) || p.equals(staging)) {
            throw new IllegalArgumentException("file name = \"" + relative + "\": must be a relative path inside the run");
        }
        Files.createDirectories(p.getParent());
        return p;
    }

    /** The name the run gets on commit. */
    public Path finalPath() {
        return finalPath;
    }

    /** The staging directory (exists while open, and after an abandon). */
    public Path stagingPath() {
        return staging;
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Publishes the run: renames the staging directory to the final name.
     *
     * @return the final path
     * @throws FileAlreadyExistsException if a complete run appeared at the final name meanwhile and overwriting
     *                                    was not allowed (the staging directory is kept)
     */
    public synchronized Path commit() throws IOException {
        requireOpen("commit()");
        Path replaced = null;
        if (Files.exists(finalPath, LinkOption.NOFOLLOW_LINKS)) {
            if (!overwrite) {
                throw new FileAlreadyExistsException(finalPath.toString(), null,
                        "a complete run appeared here while this one was running; this run stays in " + staging);
            }
            replaced = createUniqueSiblingName(finalPath, "replaced");
            Files.move(finalPath, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            // A directory rename within one parent is atomic on POSIX file systems.
            Files.move(staging, finalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (replaced != null) {
                try {
                    Files.move(replaced, finalPath, StandardCopyOption.ATOMIC_MOVE); // put the old run back
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        state = State.COMMITTED;
        if (replaced != null) {
            deleteRecursively(replaced);
        }
        return finalPath;
    }

    /**
     * Marks the run as failed: the staging directory keeps its partial name and gets a {@value #FAILURE_FILE}
     * with {@code reason}. Does nothing if the run was already committed or abandoned.
     *
     * @return the staging directory left behind, or the final path if the run was already committed
     */
    public synchronized Path abandon(String reason) {
        if (state == State.COMMITTED) {
            return finalPath;
        }
        if (state == State.OPEN) {
            state = State.ABANDONED;
            try {
                AtomicFiles.writeString(staging.resolve(FAILURE_FILE),
                        (reason == null || reason.isBlank() ? "run did not complete" : reason) + "\n");
            } catch (IOException | RuntimeException ignored) {
                // Best effort: the ".partial" name alone already marks the run as incomplete.
            }
        }
        return staging;
    }

    /** {@link #abandon(String)} with the stack trace of {@code cause} as the reason. */
    public Path abandon(Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return abandon(trace.toString());
    }

    /** Abandons the run if it was not committed (so a try-with-resources block that throws leaves it partial). */
    @Override
    public void close() {
        abandon("run ended without commit (an exception or early return before commit())");
    }

    /** Deletes a directory tree without following symbolic links. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void requireOpen(String what) {
        if (state != State.OPEN) {
            throw new IllegalStateException(what + " on a run that is " + state.name().toLowerCase() + ": "
                    + (state == State.COMMITTED ? finalPath : staging));
        }
    }

    /** Creates {@code NAME.<tag>-<pid>} (or {@code -<pid>-2}, ...) next to {@code target}, atomically. */
    private static Path createUniqueSibling(Path target, String tag) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = candidate(target, tag, n);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // a stale directory from a crashed process with the same pid, or another run in this process
            }
        }
    }

    private static Path createUniqueSiblingName(Path target, String tag) {
        for (int n = 1; ; n++) {
            Path candidate = candidate(target, tag, n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    private static Path candidate(Path target, String tag, int n) {
        String base = target.getFileName() + "." + tag + "-" + ProcessHandle.current().pid();
        return target.resolveSibling(n == 1 ? base : base + "-" + n);
    }

    @Override
    public String toString() {
        return "RunDirectory[" + finalPath + ", " + state() + "]";
    }
}
