package org.vaevar.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.harness.sweep.EngineOptions;
import org.vaevar.harness.sweep.Sweep;
import org.vaevar.harness.sweep.SweepEngine;
import org.vaevar.harness.sweep.SweepEngines;
import org.vaevar.harness.sweep.SweepFile;
import org.vaevar.harness.sweep.SweepPlan;
import org.vaevar.harness.sweep.SweepProgress;

class SparkEngineTest {

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

    /** Two noise levels × a small VAE-3D-Var (its prior trained in a task of its own), tuned, two seeds. */
    static final String VAE = """
            {"name": "tiny-vae", "base": "l63-vae3dvar",
             "set": {"cycles": 30, "spinupCycles": 5, "climatologySamples": 200, "burnInSteps": 500,
                     "calibration": {"runs": 1, "cycles": 60, "spinupCycles": 10},
                     "prior": {"name": "vae", "architecture": "mlp", "conditional": true, "width": 8,
                               "epochs": 5, "patience": 2},
                     "tuning": {"grid": [0.5, 2.0], "cycles": 12, "spinupCycles": 2}},
             "axes": {"observations.noise": [1.0, 2.0]},
             "methods": [{"name": "vae", "set": {"window": 1}}],
             "baseline": "vae", "seeds": 2, "masterSeed": 5}
                        """;

    @TempDir
    Path tmp;

    @Test
    void aLearnedPriorTrainedOnSparkGivesTheBytesOfTheLocalEngine() throws IOException {
        Path f = tmp.resolve("vae.json");
        Files.writeString(f, VAE);
        SweepPlan plan = SweepPlan.of(SweepFile.read(f));
        run(plan, SweepEngines.create("local", new EngineOptions(1, null, tmp.resolve("c1").toString())), "one");
        Sweep.Written s = run(plan, SweepEngines.create("spark", new EngineOptions(2, "local[2]",
                tmp.resolve("c2").toString())), "spark");
        assertThat(s.ran()).isEqualTo(2 * (1 + 1 + 1 + 2));
        assertThat(tmp.resolve("spark/tasks/p001-vae-train.json")).isRegularFile();
        for (String file : List.of("table.csv", "seeds.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(file)));
        }
    }

    @Test
    void sparkLocalGivesTheBytesOfTheLocalEngineWithOneAndTwoThreads() throws IOException {
        Path f = tmp.resolve("tiny.json");
        Files.writeString(f, TINY);
        SweepPlan plan = SweepPlan.of(SweepFile.read(f));
        String cache = tmp.resolve("cache").toString();
        Sweep.Written one = run(plan, SweepEngines.create("local", new EngineOptions(1, null, cache)), "one");
        run(plan, SweepEngines.create("local", new EngineOptions(2, null, cache)), "two");
        SweepEngine spark = SweepEngines.create("spark", new EngineOptions(2, "local[2]", cache));
        assertThat(spark).isInstanceOf(SparkEngine.class);
        assertThat(spark.description()).isEqualTo("spark local[2]");
        Sweep.Written s = run(plan, spark, "spark");
        assertThat(s.ran()).isEqualTo(14);
        assertThat(one.rows()).hasSize(4).allMatch(r -> r.row().complete());
        for (String file : List.of("table.csv", "seeds.csv")) {
            byte[] expected = Files.readAllBytes(tmp.resolve("one").resolve(file));
            assertThat(Files.readAllBytes(tmp.resolve("two").resolve(file))).as(file).isEqualTo(expected);
            assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(file))).as(file).isEqualTo(expected);
        }
        assertThat(Files.readString(tmp.resolve("spark/RESULTS.md"))).contains("spark local[2]");
    }

    private Sweep.Written run(SweepPlan plan, SweepEngine engine, String out) throws IOException {
        try (engine) {
            return Sweep.run(plan, engine, tmp.resolve(out), false, false,
                    new SweepProgress(ProgressListener.SILENT, null), "test");
        }
    }
}
