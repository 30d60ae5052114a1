package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vaevar.harness.io.AtomicFiles;

/**
 * {@code reproduce --publish DIR}: the results page with its figures and the three files it is computed from
 * ({@code table.csv}, {@code seeds.csv}, {@code plan.json}), copied into a directory meant to be committed next
 * to the docs. The directory's {@value #MARKER} lists every file a publication wrote there; a file is replaced
 * only if it is listed, so nothing a person wrote is ever overwritten. Files the previous publication wrote and
 * this one does not (an old figure) are removed.
 */
public final class PublishedFiles {

    /** The list of the files a publication created, relative to the directory, one per line. */
    public static final String MARKER = ".vaevar-published";

    /** The files copied from the run directory besides {@code figures/}. */
    static final List<String> FILES = List.of("RESULTS.md", "table.csv", "table.md", "seeds.csv",
            "replications.csv", "plan.json");

    private PublishedFiles() {
    }

    /**
     * Refuses a directory into which a publication may not write (checked before the run, so no work is wasted):
     * a file, or one holding any of the files to be written, or any figure, that an earlier publication did not
     * create.
     *
     * @throws IllegalArgumentException naming the path and why
     */
    public static void check(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("--publish " + dir + ": a file, not a directory");
        }
        Set<String> ours = created(dir);
        List<String> candidates = new ArrayList<>(FILES);
        candidates.add("figures");
        Path figures = dir.resolve("figures");
        if (Files.isDirectory(figures, LinkOption.NOFOLLOW_LINKS)) {
            candidates.remove("figures");
            try (var files = Files.list(figures)) {
                files.map(f -> "figures/" + f.getFileName()).sorted().forEach(candidates::add);
            }
        }
        for (String name : candidates) {
            if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS) && !ours.contains(name)) {
                throw new IllegalArgumentException("--publish " + dir + ": " + dir.resolve(name) + " exists and was"
                        + " not written by an earlier publication (not listed in " + MARKER + "); move it away or"
                        + " choose another directory");
            }
        }
    }

    /** Copies the page, its figures and its data files from a complete run directory into {@code dir}. */
    public static Path publish(Path runDirectory, Path dir) throws IOException {
        check(dir);
        Set<String> before = created(dir);
        Files.createDirectories(dir.resolve("figures"));
        Set<String> written = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (var files = Files.list(runDirectory.resolve("figures"))) {
            files.sorted().forEach(sources::add);
        }
        for (Path f : sources) {
            String name = "figures/" + f.getFileName();
            AtomicFiles.writeBytes(dir.resolve(name), Files.readAllBytes(f));
            written.add(name);
        }
        for (String name : FILES) {
            Path source = runDirectory.resolve(name);
            if (Files.isRegularFile(source)) {
                AtomicFiles.writeBytes(dir.resolve(name), Files.readAllBytes(source));
                written.add(name);
            }
        }
        for (String old : before) {
            if (!written.contains(old)) {
                Files.deleteIfExists(dir.resolve(old));
            }
        }
        AtomicFiles.writeString(dir.resolve(MARKER), String.join("\n", written) + "\n");
        return dir.resolve("RESULTS.md");
    }

    /** The files an earlier publication listed in the marker (none without one). */
    private static Set<String> created(Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        Set<String> out = new TreeSet<>();
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(marker)) {
                // Only plain names below the directory count: a listed "../x" must never make x replaceable.
                if (!line.isBlank() && !line.contains("..") && !line.startsWith("/")) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }
}
