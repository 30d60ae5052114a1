package org.vaevar.assimilation.config;

import java.nio.file.Path;

/** A configuration file could not be parsed; names the file and the 1-based line and column of the problem. */
public final class ConfigSyntaxException extends IllegalArgumentException {

    private final transient Path file;
    private final int line;
    private final int column;

    public ConfigSyntaxException(Path file, int line, int column, String problem, Throwable cause) {
        super(file + ":" + line + ":" + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or -1 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 if unknown. */
    public int column() {
        return column;
    }
}
