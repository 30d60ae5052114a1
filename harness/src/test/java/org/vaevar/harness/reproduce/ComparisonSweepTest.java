package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.harness.cli.Main;
import org.vaevar.harness.io.Json;

/** {@code vaevar sweep} on a comparison grid is {@code vaevar reproduce}; a bad grid file is refused before any work. */
class ComparisonSweepTest {

    private static final Path SHIPPED = Path.of("..", GridFile.SHIPPED);

    @Test
    void sweepOfThePaperGridWritesWhatReproduceWrites(@TempDir Path tmp) throws IOException {
        Path reproduced = tmp.resolve("reproduce");
        Path swept = tmp.resolve("sweep");
        assertThat(Main.execute("reproduce", "--smoke", "--out", reproduced.toString(), "--seeds", "2",
                "--threads", "2", "--replications", "1", "--quiet")).isZero();
        assertThat(Main.execute("sweep", SHIPPED.toString(), "--smoke", "--out", swept.toString(), "--seeds", "2",
                "--threads", "2", "--replications", "1", "--quiet")).isZero();
        assertThat(files(swept)).isEqualTo(files(reproduced)).contains("table.csv", "seeds.csv", "plan.json",
                "RESULTS.md", "figures/rmse-lorenz63.png");
        for (String f : List.of("table.csv", "seeds.csv", "replications.csv")) {
            assertThat(ReproduceSmokeTest.withoutColumn(Files.readString(swept.resolve(f)), "msPerCycle")).as(f)
                    .isEqualTo(ReproduceSmokeTest.withoutColumn(Files.readString(reproduced.resolve(f)),
                            "msPerCycle"));
        }
        assertThat(withoutTrainingTime(swept.resolve("plan.json")))
                .isEqualTo(withoutTrainingTime(reproduced.resolve("plan.json")));
    }

    @Test
    void aBadGridFileIsRefusedBeforeAnythingRuns(@TempDir Path tmp) throws IOException {
        Map<String, java.util.function.Consumer<Map<String, Object>>> changes = new java.util.LinkedHashMap<>();
        changes.put("settings[3].intervall: unknown field", g -> GridFileTest.setting(g, 3).put("intervall", 8));
        changes.put("settings = []: must not be empty", g -> g.put("settings", List.of()));
        changes.put("settings[3].interval = \"x\": must be a positive integer",
                g -> GridFileTest.setting(g, 3).put("interval", "x"));
        changes.put("gaussian.prior = \"gausian\": unknown prior plugin",
                g -> GridFileTest.object(g, "gaussian").put("prior", "gausian"));
        Path out = tmp.resolve("out");
        int n = 0;
        for (var change : changes.entrySet()) {
            Map<String, Object> g = ConfigText.readObject(SHIPPED);
            change.getValue().accept(g);
            Path file = tmp.resolve("bad-" + n++ + ".json");
            Json.write(file, g);
            for (String[] args : List.of(
                    new String[] {"reproduce", "--grid", file.toString(), "--smoke", "--out", out.toString(), "-q"},
                    new String[] {"sweep", file.toString(), "--smoke", "--out", out.toString(), "--quiet"})) {
                String err = stderr(() -> assertThat(Main.execute(args)).as(args[0]).isEqualTo(2));
                assertThat(err).as(args[0]).contains(file + ": " + change.getKey());
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).allMatch(f -> f.startsWith("bad-")); // no run
        }
    }

    @Test
    void aComparisonGridDoesNotRunOnSparkAndASweepTakesNoReproduceOptions(@TempDir Path tmp) {
        String err = stderr(() -> assertThat(Main.execute("sweep", SHIPPED.toString(), "--smoke", "--engine",
                "spark", "--out", tmp.resolve("o").toString(), "--quiet")).isEqualTo(2));
        assertThat(err).contains("--engine spark: a comparison grid").contains("does not run on Spark");
        err = stderr(() -> assertThat(Main.execute("sweep", "../experiments/sweeps/l63-noise.json", "--smoke",
                "--out", tmp.resolve("o").toString(), "--quiet")).isEqualTo(2));
        assertThat(err).contains("--smoke: only for a comparison grid");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** plan.json without the training's wall-clock seconds. */
    private static JsonNode withoutTrainingTime(Path planJson) throws IOException {
        JsonNode plan = new ObjectMapper().readTree(planJson.toFile());
        for (JsonNode rep : plan.get("replicationRuns")) {
            for (JsonNode s : rep.get("settings")) {
                if (s.has("calibration")) {
                    ((ObjectNode) s.get("calibration")).remove("learnedPriorTrainingSeconds");
                }
            }
        }
        return plan;
    }

    private static String stderr(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
