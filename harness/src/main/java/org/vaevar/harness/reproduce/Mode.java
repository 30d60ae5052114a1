package org.vaevar.harness.reproduce;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How much of the grid to run: the {@link #FULL} grid of the paper comparison, a {@link #QUICK} documented subset
 * (both systems, both operators, two observation densities) that finishes in minutes, or a {@link #SMOKE} run of
 * two tiny settings for the test suite. What each mode runs is listed in the comparison grid, {@link GridFile#SHIPPED}.
 */
public enum Mode {
    FULL(Path.of("runs", "reproduce"), true),
    QUICK(Path.of("runs", "reproduce-quick"), true),
    SMOKE(Path.of("runs", "reproduce-smoke"), false);

    private final Path defaultOut;
    private final boolean writesDocs;

    Mode(Path defaultOut, boolean writesDocs) {
        this.defaultOut = defaultOut;
        this.writesDocs = writesDocs;
    }

    /** Lower-case name, as in {@code --quick}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where the run directory goes when {@code --out} is not given. */
    public Path defaultOut() {
        return defaultOut;
    }

    /** Whether this mode regenerates {@code docs/RESULTS.md} (never the smoke run, which is not a result). */
    public boolean writesDocs() {
        return writesDocs;
    }

    /**
     * Whether the ablations run unless asked otherwise: in the full grid; in the quick grid (time budget) and the
     * smoke run (test time) only on request.
     */
    public boolean ablationsByDefault() {
        return this == FULL;
    }
}
