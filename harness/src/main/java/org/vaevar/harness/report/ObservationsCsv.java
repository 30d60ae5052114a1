package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the observations a run assimilated to {@value #FILE} as the cycles run: columns
 * {@code observation,time,y0,…,y{m−1}}, one row per observation time (index k from 0, at model time
 * {@code time}; cycle c of window K holds k = cK … cK + K − 1).
 */
public final class ObservationsCsv extends StreamedCsv {

    public static final String FILE = "observations.csv";

    public ObservationsCsv(Path dir) throws IOException {
        super(dir.resolve(FILE));
    }

    @Override
    public void cycle(Cycle c) {
        for (int j = 0; j < c.window(); j++) {
            double[] y = c.observations().get(j);
            headerOnce("y", y.length, "observation", "time");
            csv.cell(c.firstObservation() + j).cell(c.observationTimes()[j]).cells(y);
            csv.endRow();
        }
    }
}
