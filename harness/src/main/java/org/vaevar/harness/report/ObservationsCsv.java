package org.vaevar.harness.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.harness.io.CsvStream;

/**
 * Streams the observations a run assimilated to {@value #FILE} as the cycles run: columns
 * {@code observation,time,y0,…,y{m−1}}, one row per observation time (index k from 0, at model time
 * {@code time}; cycle c of window K holds k = cK … cK + K − 1).
 */
public final class ObservationsCsv implements CycleObserver, Closeable {

    public static final String FILE = "observations.csv";

    private final CsvStream csv;
    private boolean headerWritten;

    public ObservationsCsv(Path dir) throws IOException {
        this.csv = new CsvStream(dir.resolve(FILE));
    }

    @Override
    public void cycle(Cycle c) {
        for (int j = 0; j < c.window(); j++) {
            double[] y = c.observations().get(j);
            if (!headerWritten) {
                header(y.length);
            }
            csv.cell(c.firstObservation() + j).cell(c.observationTimes()[j]).cells(y);
            csv.endRow();
        }
    }

    @Override
    public void finished(RunResult run) {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private void header(int m) {
        csv.cell("observation").cell("time");
        for (int i = 0; i < m; i++) {
            csv.cell("y" + i);
        }
        csv.endRow();
        headerWritten = true;
    }
}
