package org.vaevar.harness.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file written a row at a time through a buffer, for tables too long to hold in memory. Same format as
 * {@link CsvTable} (LF line ends, doubles by {@link Double#toString(double)} so they read back bit for bit), but
 * cells are only labels and numbers, which never need quoting. I/O errors surface as
 * {@link UncheckedIOException} because rows are written from inside callbacks that cannot throw.
 */
public final class CsvStream implements Closeable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final Path file;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);
    private boolean closed;

    public CsvStream(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                BUFFER_CHARS);
    }

    /** Appends a cell to the current row. */
    public CsvStream cell(String label) {
        if (!line.isEmpty()) {
            line.append(',');
        }
        line.append(label);
        return this;
    }

    public CsvStream cell(long value) {
        return cell(Long.toString(value));
    }

    public CsvStream cell(double value) {
        return cell(Double.toString(value));
    }

    /** One cell per component. */
    public CsvStream cells(double[] values) {
        for (double v : values) {
            cell(v);
        }
        return this;
    }

    /** Ends the row and hands it to the buffer. */
    public void endRow() {
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        line.setLength(0);
    }

    /** Flushes and closes; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
