package org.vaevar.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.harness.io.RunDirectory;

class SweepResumeTest {

    /** Two noise levels × 3D-Var and 4D-Var, tuned, two seeds: 2 calibrations and 12 tasks of a few cycles each. */
    static final String TINY = """
            {"name": "tiny", "base": "l63-3dvar",
             "set": {"cycles": 40, "spinupCycles": 5, "climatologySamples": 200, "burnInSteps": 500,
                     "calibration": {"runs": 1, "cycles": 60, "spinupCycles": 10,
                                     "loosePrior": {"name": "gaussian", "covariance": "climatology", "inflation": 0.1},
                                     "scaleGrid": [0.5, 2.0]},
                     "tuning": {"parameter": "inflation", "grid": [0.5, 2.0], "cycles": 24, "spinupCycles": 3}},
             "axes": {"observations.noise": [1.0, 2.0]},
             "methods": [{"name": "3dvar", "set": {"window": 1}},
                         {"name": "4dvar", "set": {"window": 3, "cycles": 14, "spinupCycles": 2,
                                                   "tuning.cycles": 8, "tuning.spinupCycles": 1}}],
             "baseline": "3dvar", "seeds": 2, "masterSeed": 11}
            """;

    @TempDir
    Path tmp;

    static SweepPlan plan(Path dir, String json) throws IOException {
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, json);
        return SweepPlan.of(SweepFile.read(f));
    }

    static Sweep.Written run(SweepPlan plan, Path out, int threads) throws IOException {
        try (SweepEngine e = new LocalEngine(new EngineOptions(threads, null, out.getParent().resolve("cache")
                .toString()))) {
            return Sweep.run(plan, e, out, false, false, new SweepProgress(ProgressListener.SILENT, null), "test");
        }
    }

    @Test
    void resumedSweepEqualsUninterruptedOneAndThreadsDoNotMatter() throws IOException {
        SweepPlan plan = plan(tmp, TINY);
        assertThat(Tasks.of(plan)).hasSize(2 + 2 * 2 * (1 + 2));

        Sweep.Written one = run(plan, tmp.resolve("one"), 1);
        assertThat(one.ran()).isEqualTo(14);
        assertThat(one.rows()).hasSize(4).allMatch(r -> r.row().complete());
        Sweep.Written two = run(plan, tmp.resolve("two"), 2);
        assertSameTables(tmp.resolve("one"), tmp.resolve("two"));

        // An interrupted sweep: a partial directory (no marker) with some task files missing, among them a tuning
        // whose seeds are recorded (their key depends on the tuning's result, which must come back the same).
        Path partial = tmp.resolve("three.partial-1");
        copyTree(tmp.resolve("one"), partial);
        Files.delete(partial.resolve(RunDirectory.MARKER));
        for (String f : List.of("table.csv", "seeds.csv", "RESULTS.md")) {
            Files.delete(partial.resolve(f));
        }
        Path tasks = partial.resolve(TaskStore.DIRECTORY);
        for (String id : List.of("p000-4dvar-tune", "p000-3dvar-seed1", "p001-4dvar-seed0")) {
            Files.delete(tasks.resolve(id + ".json"));
        }
        Files.writeString(tasks.resolve("p001-3dvar-seed1.json"), "{\"id\": \"p001-3dvar-seed1\", \"key\""); // torn
        Sweep.Written three = run(plan, tmp.resolve("three"), 2);
        assertThat(three.resumed()).isTrue();
        assertThat(three.ran()).isEqualTo(4);
        assertThat(three.reused()).isEqualTo(10);
        assertThat(Files.exists(partial)).isFalse();
        assertThat(RunDirectory.isCompleteRun(tmp.resolve("three"))).isTrue();
        assertSameTables(tmp.resolve("one"), tmp.resolve("three"));

        // A complete run is neither resumed nor replaced.
        assertThatThrownBy(() -> run(plan, tmp.resolve("three"), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds a complete vaevar run");
    }

    /**
     * Each setting is calibrated once, in its calibration task, even when every task runs in a JVM of its own
     * (here: the settings' cache emptied before each task); the tables are the same as with one shared JVM, and a
     * resumed sweep does not calibrate again.
     */
    @Test
    void calibrationRunsOncePerSettingAndIsPassedOn() throws IOException {
        SweepPlan plan = plan(tmp, TINY);
        run(plan, tmp.resolve("shared"), 1);
        Counting fresh = new Counting(tmp);
        Sweep.run(plan, fresh, tmp.resolve("fresh"), false, false,
                new SweepProgress(ProgressListener.SILENT, null), "test");
        assertThat(fresh.kinds).filteredOn("calibrate"::equals).hasSize(2);
        assertThat(fresh.calibrations).as("calibrations run").isEqualTo(2);
        assertThat(fresh.kinds).hasSize(14);
        assertSameTables(tmp.resolve("shared"), tmp.resolve("fresh"));
        assertThat(tmp.resolve("fresh/work/p000-calibrate.samples")).isRegularFile();

        Path partial = tmp.resolve("again.partial-1");
        copyTree(tmp.resolve("fresh"), partial);
        Files.delete(partial.resolve(RunDirectory.MARKER));
        Files.delete(partial.resolve(TaskStore.DIRECTORY).resolve("p001-4dvar-tune.json"));
        Counting resumed = new Counting(tmp);
        Sweep.run(plan, resumed, tmp.resolve("again"), false, true,
                new SweepProgress(ProgressListener.SILENT, null), "test");
        assertThat(resumed.kinds).as("the seeds keep their keys: the tuning comes back the same").containsExactly("tune");
        assertThat(resumed.calibrations).isZero();
        assertSameTables(tmp.resolve("shared"), tmp.resolve("again"));
    }

    /** One thread; forgets every setting before each task, as a fresh executor would, and counts calibrations. */
    private static final class Counting implements SweepEngine {
        final List<String> kinds = new java.util.ArrayList<>();
        int calibrations;
        private final LocalEngine local;

        Counting(Path tmp) {
            local = new LocalEngine(new EngineOptions(1, null, tmp.resolve("cache").toString()));
            TaskRunner.calibrationsRun(); // what earlier runs in this JVM did
        }

        @Override
        public String description() {
            return "counting";
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public synchronized java.util.concurrent.CompletableFuture<String> submit(String id, String input,
                                                                                  Runnable started) {
            kinds.add((String) Values.parseObject(input).get("kind"));
            TaskRunner.forgetSettings();
            String out = local.submit(id, input, started).join();
            calibrations += TaskRunner.calibrationsRun();
            return java.util.concurrent.CompletableFuture.completedFuture(out);
        }

        @Override
        public void close() {
            local.close();
        }
    }

    @Test
    void tablesHaveAxisColumnsPairedImprovementAndNoTiming() throws IOException {
        SweepPlan plan = plan(tmp, TINY);
        run(plan, tmp.resolve("out"), 2);
        List<String> table = Files.readAllLines(tmp.resolve("out/table.csv"));
        assertThat(table.get(0)).startsWith("observations.noise,system,operator").doesNotContain("msPerCycle")
                .contains("improvementPairedPercent", "climatologyRmse");
        assertThat(table).hasSize(5);
        assertThat(table.get(2)).startsWith("1.0,lorenz63,linear").contains(",4dvar,");
        assertThat(Files.readString(tmp.resolve("out/seeds.csv"))).doesNotContain("msPerCycle");
        assertThat(Files.readAllLines(tmp.resolve("out/timing.csv"))).hasSize(15);
        assertThat(tmp.resolve("out/figures/rmse-vs-observations.noise.png")).isRegularFile();
        assertThat(Files.readString(tmp.resolve("out/RESULTS.md"))).contains("| observations.noise |", "4dvar");
    }

    @Test
    void resumeWithoutPartialIsRefused() throws IOException {
        SweepPlan plan = plan(tmp, TINY);
        try (SweepEngine e = new LocalEngine(new EngineOptions(1, null, tmp.toString()))) {
            assertThatThrownBy(() -> Sweep.run(plan, e, tmp.resolve("x"), false, true,
                    new SweepProgress(ProgressListener.SILENT, null), "test"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume: no unfinished sweep");
        }
    }

    @Test
    void badSweepFilesAreRefusedNamingThePath() throws IOException {
        assertRefused(TINY.replace("\"observations.noise\": [1.0, 2.0]", "\"observations.nosie\": [1.0]"),
                "observations.nosie");
        assertRefused(TINY.replace("[1.0, 2.0]}", "[]}"), "axes.observations.noise = []");
        assertRefused(TINY.replace("[1.0, 2.0]}", "[1.0, \"loud\"]}"), "observations.noise");
        assertRefused(TINY.replace("{\"window\": 1}", "{\"window\": 1, \"prior.name\": \"nosuchprior\"}"),
                "nosuchprior");
        assertRefused(TINY.replace("\"baseline\": \"3dvar\"", "\"baseline\": \"5dvar\""), "baseline = 5dvar");
        assertRefused(TINY.replace("\"seeds\": 2", "\"seeds\": 1"), "seeds = 1");
    }

    private void assertRefused(String json, String expected) throws IOException {
        assertThatThrownBy(() -> plan(tmp, json).validate(SweepPlan.quietOptions(tmp)))
                .isInstanceOf(ConfigException.class).hasMessageContaining(expected);
    }

    static void assertSameTables(Path a, Path b) throws IOException {
        for (String f : List.of("table.csv", "seeds.csv")) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
