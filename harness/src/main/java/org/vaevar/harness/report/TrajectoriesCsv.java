package org.vaevar.harness.report;

import java.io.IOException;
import java.nio.file.Path;
import org.vaevar.assimilation.config.ExperimentConfig;

/**
 * Streams the full truth, background and analysis states of a run to {@value #FILE} as the cycles run, so memory
 * does not grow with the number of cycles. Columns {@code cycle,time,kind,x0,…,x{n−1}}; per cycle the rows
 * {@code truth}, {@code background}, {@code analysis} at the window start and, for a window longer than one
 * observation time, {@code truth} and {@code analysis} at its last observation time (the filtering analysis).
 * Every estimate has a truth row of the same cycle and time beside it.
 */
public final class TrajectoriesCsv extends StreamedCsv {

    public static final String FILE = "trajectories.csv";
    public static final String TRUTH = "truth";
    public static final String BACKGROUND = "background";
    public static final String ANALYSIS = "analysis";

    /**
     * Bytes a run's {@value #FILE} and {@link ObservationsCsv#FILE} take at most, about: some 20 characters per
     * number (a shortest round-trip double and its comma), the rows above per cycle, and at most a state's worth of
     * observations per observation time.
     */
    public static double estimatedBytes(ExperimentConfig c, int n) {
        int rowsPerCycle = c.window() > 1 ? 5 : 3;
        return 20.0 * n * c.cycles() * (rowsPerCycle + c.window());
    }

    public TrajectoriesCsv(Path dir) throws IOException {
        super(dir.resolve(FILE));
    }

    @Override
    public void cycle(Cycle c) {
        headerOnce("x", c.truth().length, "cycle", "time", "kind");
        row(c.index(), c.time(), TRUTH, c.truth());
        row(c.index(), c.time(), BACKGROUND, c.background());
        row(c.index(), c.time(), ANALYSIS, c.analysisStart());
        if (c.window() > 1) {
            row(c.index(), c.endTime(), TRUTH, c.truthEnd());
            row(c.index(), c.endTime(), ANALYSIS, c.analysisEnd());
        }
    }

    private void row(int cycle, double time, String kind, double[] x) {
        csv.cell(cycle).cell(time).cell(kind).cells(x);
        csv.endRow();
    }
}
