package org.vaevar.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.assimilation.experiment.CycleObserver.Cycle;
import org.vaevar.assimilation.experiment.CycleRecord;

/** The two state files written by observers: their exact rows, and that they stream rather than accumulate. */
class TrajectoriesCsvTest {

    @TempDir
    Path dir;

    /** A cycle of window 2 over a 2-component state, every value distinct so a swapped field shows. */
    private static Cycle cycle(int c) {
        double t = 0.1 * 2 * c;
        return new Cycle(c, t, new double[] {c, 0.5}, new double[] {c + 1, 1.5}, new double[] {c + 2, 2.5},
                new double[] {c + 3, 3.5}, new double[] {c + 4, 4.5}, 2 * c, new double[] {t, t + 0.1},
                List.of(new double[] {-c}, new double[] {-c - 0.25}),
                new CycleRecord(c, t, 0, 0, 0, Double.NaN, Double.NaN, MethodDiagnostics.NONE));
    }

    @Test
    void writesEveryStateOfACycleWithItsKindAndTime() throws IOException {
        try (TrajectoriesCsv states = new TrajectoriesCsv(dir); ObservationsCsv obs = new ObservationsCsv(dir)) {
            states.cycle(cycle(0));
            states.cycle(cycle(1));
            obs.cycle(cycle(0));
            obs.cycle(cycle(1));
            states.finished(null);
            obs.finished(null);
        }
        assertThat(Files.readAllLines(dir.resolve(TrajectoriesCsv.FILE))).containsExactly(
                "cycle,time,kind,x0,x1",
                "0,0.0,truth,0.0,0.5", "0,0.0,background,1.0,1.5", "0,0.0,analysis,2.0,2.5",
                "0,0.1,truth,4.0,4.5", "0,0.1,analysis,3.0,3.5",
                "1,0.2,truth,1.0,0.5", "1,0.2,background,2.0,1.5", "1,0.2,analysis,3.0,2.5",
                "1,0.30000000000000004,truth,5.0,4.5", "1,0.30000000000000004,analysis,4.0,3.5");
        assertThat(Files.readAllLines(dir.resolve(ObservationsCsv.FILE))).containsExactly(
                "observation,time,y0", "0,0.0,0.0", "1,0.1,-0.25", "2,0.2,-1.0", "3,0.30000000000000004,-1.25");
    }

    @Test
    void windowOneHasNoSecondAnalysisRow() throws IOException {
        Cycle two = cycle(0);
        Cycle one = new Cycle(0, 0.0, two.truth(), two.background(), two.analysisStart(), two.analysisStart(),
                two.truth(), 0, new double[] {0.0}, List.of(two.observations().get(0)), two.record());
        try (TrajectoriesCsv states = new TrajectoriesCsv(dir)) {
            states.cycle(one);
        }
        assertThat(Files.readAllLines(dir.resolve(TrajectoriesCsv.FILE))).hasSize(4);
    }

    /** The rows reach the file while the run goes on: nothing is held back until the end. */
    @Test
    void rowsReachTheFileAsCyclesRun() throws IOException {
        try (TrajectoriesCsv states = new TrajectoriesCsv(dir)) {
            long before = 0;
            for (int c = 0; c < 20_000; c++) {
                states.cycle(cycle(c));
                if (c == 9_999) {
                    before = Files.size(dir.resolve(TrajectoriesCsv.FILE));
                }
            }
            assertThat(before).isGreaterThan(500_000);
        }
    }
}
