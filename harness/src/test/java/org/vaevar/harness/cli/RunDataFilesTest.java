package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.Vectors;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.report.ObservationsCsv;
import org.vaevar.harness.report.TrajectoriesCsv;

/**
 * The state files of {@code vaevar run} read back: the RMSEs recomputed from trajectories.csv equal cycles.csv's
 * bit for bit, and observations.csv holds the run's observations of that truth.
 */
class RunDataFilesTest {

    private static final String[] SHORT = {"--cycles", "60", "--set", "spinupCycles=10", "--set",
            "calibration.cycles=150", "--set", "calibration.spinupCycles=20", "--set", "calibration.runs=1",
            "--set", "tuning.grid=[1.0]", "--set", "tuning.cycles=60", "--set", "tuning.spinupCycles=10", "-q"};

    @TempDir
    Path tmp;

    /** States by cycle, kind and time ("3 analysis 0.15"). */
    private record States(CsvTable table, Map<String, double[]> byKey, int n) {

        static States read(Path file) throws IOException {
            CsvTable t = CsvTable.read(file);
            int n = t.columns().size() - 3;
            Map<String, double[]> byKey = new HashMap<>();
            for (int r = 0; r < t.rowCount(); r++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = t.getDouble(r, "x" + i);
                }
                String key = key(t.getLong(r, "cycle"), t.get(r, "kind"), t.getDouble(r, "time"));
                assertThat(byKey.put(key, x)).as("duplicate row " + key).isNull();
            }
            return new States(t, byKey, n);
        }

        static String key(long cycle, String kind, double time) {
            return cycle + " " + kind + " " + time;
        }

        double[] get(long cycle, String kind, double time) {
            double[] x = byKey.get(key(cycle, kind, time));
            assertThat(x).as(key(cycle, kind, time)).isNotNull();
            return x;
        }
    }

    @Test
    void noStatesLeavesTheStateFilesOutAndTheRecordsAsTheyAre() throws IOException {
        Path with = run("l96-4dvar");
        Path without = runShort(tmp.resolve("no-states"), "l96-4dvar", "--no-states");
        assertThat(without.resolve(TrajectoriesCsv.FILE)).doesNotExist();
        assertThat(without.resolve(ObservationsCsv.FILE)).doesNotExist();
        assertThat(Files.readString(without.resolve("cycles.csv"))).isEqualTo(Files.readString(with.resolve("cycles.csv")));
    }

    private Path run(String preset) {
        return runShort(tmp.resolve(preset), preset);
    }

    /** A short {@code ./vaevar run PRESET --out DIR MORE…} (asserting exit code 0). */
    static Path runShort(Path dir, String preset, String... more) {
        String[] args = Stream.of(new String[] {"run", preset, "--out", dir.toString()}, SHORT, more)
                .flatMap(Stream::of).toArray(String[]::new);
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return dir;
    }

    @Test
    void fourDVarStatesGiveBackEveryRmseOfCyclesCsv() throws IOException {
        checkRoundTrip(run("l96-4dvar"), 3, 40, 1.0);
    }

    @Test
    void threeDVarStatesGiveBackEveryRmseOfCyclesCsv() throws IOException {
        checkRoundTrip(run("l63-3dvar"), 1, 3, 2.0);
    }

    /**
     * @param window      observation times per cycle
     * @param noiseVariance R = noiseVariance · I, with every component observed by the identity
     */
    private static void checkRoundTrip(Path dir, int window, int n, double noiseVariance) throws IOException {
        CsvTable cycles = CsvTable.read(dir.resolve("cycles.csv"));
        States states = States.read(dir.resolve(TrajectoriesCsv.FILE));
        CsvTable obs = CsvTable.read(dir.resolve(ObservationsCsv.FILE));
        int count = cycles.rowCount();
        assertThat(count).isEqualTo(60);
        assertThat(states.n()).isEqualTo(n);
        assertThat(states.table().rowCount()).isEqualTo(count * (window == 1 ? 3 : 5));
        assertThat(obs.rowCount()).isEqualTo(count * window);

        double[] obsTimes = obs.column("time");
        double squaredResidual = 0;
        int residuals = 0;
        for (int r = 0; r < count; r++) {
            long c = cycles.getLong(r, "cycle");
            double t0 = cycles.getDouble(r, "time");
            double end = obsTimes[(int) c * window + window - 1];
            double[] truth = states.get(c, TrajectoriesCsv.TRUTH, t0);
            assertThat(Vectors.rmse(states.get(c, TrajectoriesCsv.BACKGROUND, t0), truth))
                    .isEqualTo(cycles.getDouble(r, "rmseBackground"));
            assertThat(Vectors.rmse(states.get(c, TrajectoriesCsv.ANALYSIS, t0), truth))
                    .isEqualTo(cycles.getDouble(r, "rmseAnalysisWindowStart"));
            assertThat(Vectors.rmse(states.get(c, TrajectoriesCsv.ANALYSIS, end),
                    states.get(c, TrajectoriesCsv.TRUTH, end))).isEqualTo(cycles.getDouble(r, "rmseAnalysis"));

            // The window's first observation is of the truth at its start: y − xᵗ is the observation noise.
            int k = (int) c * window;
            assertThat(obs.getLong(k, "observation")).isEqualTo(k);
            assertThat(obsTimes[k]).isEqualTo(t0);
            for (int i = 0; i < n; i++) {
                double d = obs.getDouble(k, "y" + i) - truth[i];
                squaredResidual += d * d;
                residuals++;
            }
        }
        assertThat(squaredResidual / residuals).isBetween(0.6 * noiseVariance, 1.4 * noiseVariance);
        assertThat(Arrays.stream(obsTimes).distinct().count()).isEqualTo(obs.rowCount());
    }
}
