package org.vaevar.harness.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.harness.io.CsvStream;

/**
 * A cycle observer that streams rows to one CSV file of the run directory and closes it when the run ends. The
 * header's vector columns ({@code x0…}, {@code y0…}) are known only from the first cycle, so it is written then.
 */
abstract class StreamedCsv implements CycleObserver, Closeable {

    final CsvStream csv;
    private boolean headerWritten;

    StreamedCsv(Path file) throws IOException {
        this.csv = new CsvStream(file);
    }

    /** Writes the header once: the fixed columns, then {@code prefix}0 … {@code prefix}(count − 1). */
    final void headerOnce(String prefix, int count, String... fixed) {
        if (headerWritten) {
            return;
        }
        for (String f : fixed) {
            csv.cell(f);
        }
        for (int i = 0; i < count; i++) {
            csv.cell(prefix + i);
        }
        csv.endRow();
        headerWritten = true;
    }

    @Override
    public final void finished(RunResult run) {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final void close() throws IOException {
        csv.close();
    }
}
