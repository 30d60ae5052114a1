package org.vaevar.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.assimilation.experiment.CycleObserver.Cycle;
import org.vaevar.assimilation.experiment.CycleRecord;
import org.vaevar.harness.plots.RmseFigure;

class RmseSeriesTest {

    @TempDir
    Path tmp;

    private static void feed(RmseSeries s, int cycles, int spikeAt) {
        for (int c = 0; c < cycles; c++) {
            double rmse = c == spikeAt ? 50.0 : 0.4 + 0.1 * Math.sin(c * 0.1);
            CycleRecord r = new CycleRecord(c, 0.05 * c, rmse, 0.9 * rmse, 0.9 * rmse, Double.NaN, Double.NaN,
                    MethodDiagnostics.NONE);
            s.cycle(new Cycle(c, 0.05 * c, null, null, null, null, null, c, new double[] {0.05 * c}, List.of(), r));
        }
    }

    @Test
    void aRunWithinTheBoundKeepsEveryPoint() {
        RmseSeries s = new RmseSeries(500, 50, 1000);
        feed(s, 500, -1);
        assertThat(s.thinned()).isFalse();
        assertThat(s.pointsHeld()).isEqualTo(500);
        assertThat(s.lines().get(0).values()).hasSize(500);
    }

    @Test
    void aLongerRunKeepsAtMostTheBoundAndEverySpikeAtItsHeight() {
        RmseSeries s = new RmseSeries(100_000, 100, 1000);
        feed(s, 100_000, 77_777);
        assertThat(s.thinned()).isTrue();
        assertThat(s.pointsHeld()).isLessThanOrEqualTo(1000).isGreaterThan(900);
        RmseFigure.Line background = s.lines().get(0);
        assertThat(Arrays.stream(background.values()).max().orElseThrow()).isEqualTo(50.0);
        int at = 0;
        while (background.values()[at] != 50.0) {
            at++;
        }
        assertThat(background.times()[at]).isEqualTo(0.05 * 77_777);
        // The legend's mean is over every cycle after spin-up, not over the kept points.
        double sum = 0;
        for (int c = 100; c < 100_000; c++) {
            sum += c == 77_777 ? 50.0 : 0.4 + 0.1 * Math.sin(c * 0.1);
        }
        assertThat(background.mean()).isEqualTo(RmseFigure.meanText(sum / (100_000 - 100)));
        // Times stay in order, so the line runs left to right.
        double[] t = background.times();
        for (int k = 1; k < t.length; k++) {
            assertThat(t[k]).isGreaterThanOrEqualTo(t[k - 1]);
        }
    }

    @Test
    void theThinnedFigureIsWritten() throws Exception {
        RmseSeries s = new RmseSeries(30_000, 100);
        feed(s, 30_000, 12_345);
        Path png = tmp.resolve("rmse.png");
        s.write(png, "RMSE", new RmseFigure.Options(100, false, 1.0, "observation noise std", "model time"));
        assertThat(Files.size(png)).isPositive();
    }
}
