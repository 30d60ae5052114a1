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
import java.util.LinkedHashMap;
import java.util.Map;
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
 * <p>The last file written before the rename is {@value #MARKER}: a directory is a complete vaevar run exactly when it
 * holds that marker. Nothing else is ever replaced: not a directory without the marker (whatever it holds), not a
 * file, not the current, home or vaevar directory or one of their parents, not the root. An empty directory is
 * used as if it did not exist.
 *
 * <p>Overwriting: a run created with {@code overwrite = true} replaces an existing complete run at commit time:
 * the old directory is first renamed aside ({@code NAME.replaced-<pid>}), the new one renamed into place, and
 * only then the old one deleted. A crash between those steps leaves no directory with the final name, never a
 * mixture of old and new files.
 */
public final class RunDirectory implements AutoCloseable {

    /** Written into an abandoned staging directory: why the run did not complete. */
    public static final String FAILURE_FILE = "FAILED.txt";

    /**
     * Written last into a run, just before it gets its final name: the one sign that a directory is a complete vaevar
     * run, and so the only kind of directory {@code --overwrite} replaces.
     */
    public static final String MARKER = ".vaevar-run";

    private static final String MARKER_HEADER = "vaevar run directory\n";

    /** Where the run is in its life. */
    public enum State { OPEN, COMMITTED, ABANDONED }

    private final Path finalPath;
    private final Path staging;
    private final boolean overwrite;
    private final String kind;
    private State state = State.OPEN;

    private RunDirectory(Path finalPath, Path staging, boolean overwrite, String kind) {
        this.finalPath = finalPath;
        this.staging = staging;
        this.overwrite = overwrite;
        this.kind = kind;
    }

    /**
     * Creates the staging directory for a run that will be committed as {@code finalDir}.
     *
     * @param overwrite whether {@link #commit()} may replace an existing complete run at {@code finalDir}
     * @throws IllegalArgumentException if {@code finalDir} may not be used: it is empty, the file-system root, the
     *                                  current or home directory or one of their parents, a regular file, a
     *                                  non-empty directory that is not a complete vaevar run (no {@value #MARKER}),
     *                                  or a complete run while {@code overwrite} is false (checked now, so no work
     *                                  is wasted, and again at commit)
     */
    public static RunDirectory create(Path finalDir, boolean overwrite) throws IOException {
        return create(finalDir, overwrite, "run");
    }

    /** {@link #create(Path, boolean)} for a run of the given kind (recorded in the marker: "run", "reproduce"). */
    public static RunDirectory create(Path finalDir, boolean overwrite, String kind) throws IOException {
        Objects.requireNonNull(finalDir, "finalDir");
        Path target = checkTarget(finalDir, overwrite);
        Path parent = target.getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("--out " + finalDir + ": " + p + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(parent);
            return new RunDirectory(target, createUniqueSibling(target, "partial"), overwrite, kind);
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            throw new java.nio.file.FileSystemException(finalDir.toString(), null, "cannot create the run directory"
                    + " (" + e.getFile() + ": " + reason + ")");
        }
    }

    /**
     * The staging directory of an earlier run of {@code finalDir} that did not complete (it failed, or its process
     * was killed) and that holds {@code required}, a file that run wrote first: the first such by name, or empty.
     * Only directories named {@code NAME.partial-*} next to {@code finalDir} are considered.
     */
    public static java.util.Optional<Path> findPartial(Path finalDir, String required) throws IOException {
        Path target = finalDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return java.util.Optional.empty();
        }
        String prefix = target.getFileName() + ".partial-";
        try (var entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> Files.isRegularFile(p.resolve(required), LinkOption.NOFOLLOW_LINKS))
                    .sorted().findFirst();
        }
    }

    /**
     * Continues an unfinished run in its staging directory (found by {@link #findPartial}): the files it holds
     * stay, the {@value #FAILURE_FILE} an earlier failure left is removed, and {@link #commit()} renames it as
     * {@link #create} would.
     *
     * @throws IllegalArgumentException if {@code finalDir} may not be used (as for {@link #create}) or
     *                                  {@code staging} is not a {@code NAME.partial-*} directory next to it
     */
    public static RunDirectory reopen(Path finalDir, Path staging, boolean overwrite, String kind) throws IOException {
        Path target = checkTarget(finalDir, overwrite);
        Path s = staging.toAbsolutePath().normalize();
        if (!Objects.equals(s.getParent(), target.getParent())
                || !s.getFileName().toString().startsWith(target.getFileName() + ".partial-")
                || !Files.isDirectory(s, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("staging = " + staging + ": not an unfinished run of " + finalDir);
        }
        Files.deleteIfExists(s.resolve(FAILURE_FILE));
        return new RunDirectory(target, s, overwrite, kind);
    }

    /**
     * Checks that a run may be written at {@code finalDir} and returns it absolute and normalised (see
     * {@link #create(Path, boolean)} for what is refused).
     */
    public static Path checkTarget(Path finalDir, boolean overwrite) {
        String given = finalDir.toString();
        if (given.isBlank()) {
            throw new IllegalArgumentException("--out \"" + given + "\": an empty path; name a directory for the run");
        }
        Path target = finalDir.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new IllegalArgumentException("--out " + given + ": is the file-system root; a run needs a directory"
                    + " of its own");
        }
        for (Map.Entry<String, Path> protectedDir : protectedDirectories().entrySet()) {
            if (protectedDir.getValue().startsWith(target)) {
                throw new IllegalArgumentException("--out " + given + ": is " + (protectedDir.getValue().equals(target)
                        ? "" : "a parent of ") + "the " + protectedDir.getKey() + " (" + protectedDir.getValue()
                        + "); a run needs a directory of its own");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--out " + given + ": "
                        + (Files.isSymbolicLink(target) ? "is a symbolic link" : "is a file")
                        + ", not a run directory; choose another --out");
            }
            if (isEmptyDirectory(target)) {
                return target;
            }
            if (!isCompleteRun(target)) {
                throw new IllegalArgumentException("--out " + given + ": exists and is not a vaevar run directory (it"
                        + " has no " + MARKER + " marker), so it is never replaced, not even with --overwrite; choose"
                        + " another --out");
            }
            if (!overwrite) {
                throw new IllegalArgumentException("--out " + given + ": already holds a complete vaevar run; choose"
                        + " another --out, or pass --overwrite to replace it");
            }
        }
        return target;
    }

    /** Whether {@code dir} is a complete vaevar run: a directory holding the {@value #MARKER} file it got last. */
    public static boolean isCompleteRun(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return Files.readString(marker).startsWith(MARKER_HEADER);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Directories a run may never be (or contain): the working directory, the home directory, vaevar's own. */
    private static Map<String, Path> protectedDirectories() {
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put("current directory", Path.of("").toAbsolutePath().normalize());
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            dirs.put("home directory", Path.of(home).toAbsolutePath().normalize());
        }
        String vaevar = System.getProperty("vaevar.home");
        if (vaevar != null && !vaevar.isBlank()) {
            dirs.put("vaevar directory", Path.of(vaevar).toAbsolutePath().normalize());
        }
        return dirs;
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
            if (Files.isDirectory(finalPath, LinkOption.NOFOLLOW_LINKS) && isEmptyDirectory(finalPath)) {
                Files.delete(finalPath); // fails if something appeared in it meanwhile: then nothing is lost
            } else if (!overwrite || !Files.isDirectory(finalPath, LinkOption.NOFOLLOW_LINKS)
                    || !isCompleteRun(finalPath)) {
                throw new FileAlreadyExistsException(finalPath.toString(), null,
                        (overwrite ? "something other than a complete vaevar run" : "another run")
                                + " appeared here while this one was running; this run stays in " + staging);
            } else {
                replaced = createUniqueSiblingName(finalPath, "replaced");
                Files.move(finalPath, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        try {
            // The marker goes in last: only a directory holding it counts as a complete run.
            AtomicFiles.writeString(staging.resolve(MARKER), MARKER_HEADER + "kind: " + kind + "\nname: "
                    + finalPath.getFileName() + "\npid: " + ProcessHandle.current().pid() + "\ncommitted: "
                    + java.time.Instant.now() + "\n");
            // A directory rename within one parent is atomic on POSIX file systems.
            Files.move(staging, finalPath, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(staging.resolve(MARKER));
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

    /** {@link #abandon(String)} with the error message, exit code and stack trace of {@code cause} as the reason. */
    public Path abandon(Throwable cause) {
        return abandon(cause, null);
    }

    /**
     * {@link #abandon(String)} with what the user saw ({@code vaevar: <message>}), the exit code, the config the run
     * was given ({@code config}, may be null) and the stack trace of {@code cause}.
     */
    public Path abandon(Throwable cause, String config) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println("vaevar: " + ExitStatus.message(cause));
        w.println("exit code: " + ExitStatus.of(cause));
        if (config != null) {
            w.println();
            w.println("config:");
            w.println(config.strip());
        }
        w.println();
        w.println("stack trace:");
        ExitStatus.unwrap(cause).printStackTrace(w);
        w.flush();
        return abandon(text.toString());
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
