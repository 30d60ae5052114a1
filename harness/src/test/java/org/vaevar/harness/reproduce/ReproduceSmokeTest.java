package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.harness.cli.Main;
import org.vaevar.harness.io.CsvTable;
import org.vaevar.harness.io.RunDirectory;
import org.vaevar.harness.report.RunChecks;

/** {@code vaevar reproduce --smoke} end to end, and the outcome's independence of the thread count. */
class ReproduceSmokeTest {

    private static final Path CACHE = Path.of("target", "test-cache");

    @Test
    void smokeRunWritesTheTablesFiguresAndPage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("smoke");
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        // A home of its own, so that its trained-prior cache is empty: priors another build trained under the same
        // key must not stand in for this build's training in the comparison with the recorded tables.
        String home = System.getProperty("vaevar.home");
        System.setProperty("vaevar.home", tmp.resolve("home").toString());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("reproduce", "--smoke", "--out", out.toString(), "--seeds", "3", "--threads", "2",
                    "--replications", "1", "--publish", tmp.resolve("published").toString(), "--quiet");
        } finally {
            System.setOut(saved);
            if (home == null) {
                System.clearProperty("vaevar.home");
            } else {
                System.setProperty("vaevar.home", home);
            }
        }
        assertThat(code).isZero();
        for (String f : List.of("table.csv", "table.md", "seeds.csv", "plan.json", "RESULTS.md",
                "figures/rmse-lorenz63.png", "figures/rmse-lorenz96.png", "figures/error-shape.png",
                "figures/trajectories.png")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("smoke",
                    "published", "home"); // no partial left
        }
        for (String f : List.of("RESULTS.md", "table.csv", "seeds.csv", "plan.json", "figures/rmse-lorenz63.png")) {
            assertThat(tmp.resolve("published").resolve(f)).as(f).hasSameBinaryContentAs(out.resolve(f));
        }

        // The same numbers as recorded before the grid became a file (msPerCycle is a wall-clock measurement).
        for (String f : List.of("table.csv", "seeds.csv")) {
            RecordedGridTest.compare(RecordedGridTest.RECORDED.resolve("smoke-" + f),
                    withoutColumn(Files.readString(out.resolve(f)), "msPerCycle"));
        }

        CsvTable table = CsvTable.read(out.resolve("table.csv"));
        assertThat(table.columns().subList(0, ResultTables.COLUMNS.size())).isEqualTo(ResultTables.COLUMNS);
        boolean vae = PluginRegistry.discover(getClass().getClassLoader()).names(PluginKind.PRIOR).contains("vae");
        List<String> expected = new ArrayList<>(List.of("3dvar", "4dvar"));
        if (vae) {
            expected.addAll(List.of("vae-3dvar", "vae-4dvar"));
        }
        List<String> methods = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            methods.add(table.get(r, "method"));
        }
        List<String> expectedAll = new ArrayList<>(expected);
        expectedAll.add("etkf"); // the ensemble reference of the Lorenz 63 setting
        expectedAll.addAll(expected); // two smoke settings, same variational methods in each
        expectedAll.add("letkf");
        assertThat(methods).isEqualTo(expectedAll);
        Map<String, Double> climatology = climatologyRmse(out.resolve("plan.json"));
        for (int r = 0; r < table.rowCount(); r++) {
            String where = "row " + r + " (" + table.get(r, "setting") + " " + table.get(r, "method") + ")";
            assertThat(table.get(r, "diverged")).as(where).isEqualTo("false");
            assertThat(table.getLong(r, "seeds")).as(where).isEqualTo(3);
            double rmse = table.getDouble(r, "rmseAnalysis");
            double ci = table.getDouble(r, "rmseAnalysisCi95");
            assertThat(rmse).as(where).isPositive().isFinite();
            assertThat(ci).as(where).isPositive().isFinite();
            assertThat(table.getDouble(r, "rmseBackground")).as(where).isPositive().isFinite();
            assertThat(table.getDouble(r, "msPerCycle")).as(where).isPositive().isFinite();
            if (table.get(r, "method").startsWith("vae-")) {
                assertThat(table.getDouble(r, "improvementPercent")).as(where).isFinite();
            } else {
                assertThat(table.get(r, "improvementPercent")).as(where).isEmpty();
            }
            boolean ensemble = table.get(r, "method").endsWith("etkf");
            assertThat(table.get(r, ResultTables.FAMILY_COLUMN)).as(where).isEqualTo(ensemble ? "ensemble"
                    : table.get(r, "method").startsWith("vae-") ? "learned" : "gaussian");
            if (ensemble) {
                // The reference tracks the truth: its analysis RMSE is well below the climatological mean's.
                assertThat(rmse).as(where).isLessThan(0.5 * climatology.get(table.get(r, "setting")));
                assertThat(table.get(r, "tunedParameter")).as(where).isEqualTo("inflation");
                assertThat(StandIn.grid().schedule(Mode.SMOKE).ensembleGrid()).as(where)
                        .contains(table.getDouble(r, "tunedValue"));
                assertThat(table.get(r, "prior")).as(where).startsWith("N ");
            }
        }
        assertThat(CsvTable.read(out.resolve("seeds.csv")).rowCount()).isEqualTo(3 * table.rowCount());
        String page = Files.readString(out.resolve("RESULTS.md"));
        assertThat(page).contains("./vaevar reproduce --smoke --out").contains("## Summary")
                .contains("![rmse-lorenz63.png](figures/rmse-lorenz63.png)")
                .contains("- Best variational method against the ensemble reference")
                .contains("## Against the ensemble reference").contains("| etkf (reference) |")
                .contains("| letkf (reference) |");
        // The protocol states the search the schedule ran, with its budget and seeds.
        Schedule smoke = StandIn.grid().schedule(Mode.SMOKE);
        assertThat(page).contains("by the same log-scale search with a budget of " + smoke.tuningBudget()
                        + " evaluations per candidate, on " + smoke.tuningSeeds() + " tuning seeds")
                .contains("tuned by a grid search over the " + smoke.ensembleGrid().size() + " values");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("run directory: " + out.toAbsolutePath());
    }

    /**
     * 1 thread and 2 threads give the same table.csv, byte for byte, except msPerCycle (a wall-clock
     * measurement), and so does a run interrupted after some work items and resumed. The plan has two
     * replications and a stand-in learned prior with an ablation, so the replication, improvement and ablation
     * columns are covered too.
     */
    @Test
    void theTablesDoNotDependOnTheThreadCountNorOnAnInterruption(@TempDir Path tmp) throws IOException {
        Plan plan = StandIn.smokePlan(2).withReplications(2);
        ReproductionResult one = Reproduction.run(plan, 1, CACHE, ProgressListener.SILENT);
        ReproductionResult two = Reproduction.run(plan, 2, CACHE, ProgressListener.SILENT);
        ReproductionFiles.writeFiles(one, Files.createDirectories(tmp.resolve("one")), MachineInfo.current(), "test");
        ReproductionFiles.writeFiles(two, Files.createDirectories(tmp.resolve("two")), MachineInfo.current(), "test");

        // Interrupted after 20 recorded items (as if killed), then the same call continues in the partial directory.
        Path out = tmp.resolve("resumed");
        ReproductionFiles.Output output = new ReproductionFiles.Output(out, false, null, "test", false, null);
        assertThatThrownBy(() -> ReproductionFiles.run(plan, 2, CACHE, ProgressListener.SILENT, output, 20))
                .isInstanceOf(WorkStore.Interrupted.class);
        assertThat(out).doesNotExist();
        Path partial = RunDirectory.findPartial(out, ReproductionFiles.REPRODUCE_FILE).orElseThrow();
        try (var items = Files.list(partial.resolve(WorkStore.DIRECTORY))) {
            assertThat(items.count()).isGreaterThanOrEqualTo(20);
        }
        // Resumed on 1 thread, and stopped again after its last item, before the tables were written.
        ReproductionFiles.Output resume = new ReproductionFiles.Output(out, false, null, "test", true, null);
        assertThatThrownBy(() -> ReproductionFiles.run(plan, 1, CACHE, ProgressListener.SILENT, resume, 0))
                .isInstanceOf(WorkStore.Interrupted.class);
        // Every item is recorded now: the last resume reuses them all and recalibrates only the figure setting.
        ReproductionFiles.Written w = ReproductionFiles.run(plan, 1, CACHE, ProgressListener.SILENT, resume);
        int items = 2 * 2 * 6 * (1 + 2); // replications × settings × methods (with the ablation) × (tuning + seeds)
        assertThat(w.resumed()).isTrue();
        assertThat(w.reused()).isEqualTo(items);
        assertThat(w.recorded()).isZero();
        assertThat(out.resolve(WorkStore.DIRECTORY)).doesNotExist(); // the complete directory holds results only

        for (String file : List.of("table.csv", "ablations.csv", "seeds.csv", "replications.csv")) {
            String a = withoutColumn(Files.readString(tmp.resolve("one").resolve(file)), "msPerCycle");
            String b = withoutColumn(Files.readString(tmp.resolve("two").resolve(file)), "msPerCycle");
            String c = withoutColumn(Files.readString(out.resolve(file)), "msPerCycle");
            assertThat(b).as(file + ", 2 threads").isEqualTo(a);
            assertThat(c).as(file + ", interrupted and resumed").isEqualTo(a);
        }
        assertThat(Files.readString(out.resolve("plan.json"))).isEqualTo(Files.readString(tmp.resolve("one")
                .resolve("plan.json")));

        CsvTable table = CsvTable.read(tmp.resolve("one").resolve("table.csv"));
        CsvTable replications = CsvTable.read(tmp.resolve("one").resolve("replications.csv"));
        assertThat(table.rowCount()).isEqualTo(2 * 5); // 3dvar, 4dvar, standin-3dvar, standin-4dvar, the ensemble
        assertThat(replications.rowCount()).isEqualTo(2 * table.rowCount());
        assertThat(CsvTable.read(tmp.resolve("one").resolve("seeds.csv")).rowCount())
                .isEqualTo(2 * 2 * 6 * 2); // replications × settings × methods × seeds
        double t1 = SeedStatistics.tQuantile975(1);
        for (int r = 0; r < table.rowCount(); r++) {
            String setting = table.get(r, "setting");
            String method = table.get(r, "method");
            assertThat(table.get(r, "intervalOver")).isEqualTo("replications");
            assertThat(table.getLong(r, "replications")).isEqualTo(2);
            // The row over replications is the mean of the replications' means, its interval over replications.
            double[] means = new double[2];
            double[] gains = new double[2];
            for (int k = 0; k < 2; k++) {
                int row = rowOf(replications, setting, method, k);
                assertThat(replications.getLong(row, "replicationSeed")).isEqualTo(plan.replicationSeed(k));
                assertThat(replications.get(row, "intervalOver")).isEqualTo("seeds");
                means[k] = replications.getDouble(row, "rmseAnalysis");
                gains[k] = method.startsWith("standin-") ? replications.getDouble(row, "improvementPercent") : 0;
            }
            assertThat(means[0]).isNotEqualTo(means[1]); // each replication calibrated, tuned and ran on its own
            double mean = (means[0] + means[1]) / 2;
            assertThat(table.getDouble(r, "rmseAnalysis")).isCloseTo(mean, within(1e-12 * mean));
            assertThat(table.getDouble(r, "rmseAnalysisCi95")).isCloseTo(t1 * Math.abs(means[0] - means[1]) / 2,
                    within(1e-9 * mean));
            double ratio = table.getDouble(r, "rmseAnalysis") / table.getDouble(r, "climatologyRmse");
            assertThat(table.getDouble(r, "climatologyRatio")).isCloseTo(ratio, within(1e-12));
            assertThat(table.get(r, "tracks")).isEqualTo(String.valueOf(ratio < RunChecks.TRACKING_RATIO));
            if (method.startsWith("standin-")) {
                // The improvement follows from the two RMSE columns of the same table; paired per replication.
                String reference = method.substring("standin-".length());
                int ref = rowOf(table, setting, reference);
                double expected = 100 * (table.getDouble(ref, "rmseAnalysis") / table.getDouble(r, "rmseAnalysis") - 1);
                assertThat(table.getDouble(r, "improvementPercent")).isCloseTo(expected,
                        within(1e-9 * Math.max(1, Math.abs(expected))));
                assertThat(table.getDouble(r, "improvementPairedPercent")).isCloseTo((gains[0] + gains[1]) / 2,
                        within(1e-9 * Math.max(1, Math.abs(expected))));
                boolean referenceTracks = table.get(ref, "tracks").equals("true");
                assertThat(table.get(r, "improvementVerdict").equals(ResultRow.BASELINE_DOES_NOT_TRACK))
                        .isEqualTo(!referenceTracks);
            } else {
                assertThat(table.get(r, "improvementPercent")).isEmpty();
                assertThat(table.get(r, "improvementVerdict")).isEmpty();
            }
        }
        CsvTable ablations = CsvTable.read(tmp.resolve("one").resolve("ablations.csv"));
        assertThat(ablations.rowCount()).isEqualTo(2);
        assertThat(ablations.get(0, "ablation")).isEqualTo("covariance=diagonal");
        assertThat(ablations.getDouble(0, "changeVsFullPercent")).isFinite();
        String page = Files.readString(tmp.resolve("one").resolve("RESULTS.md"));
        assertThat(page).contains("interval over replications").contains("Seeds.derive(" + plan.masterSeed()
                + ", \"replication/\" + r)").contains(Long.toString(plan.replicationSeed(1)))
                .contains("## Per replication").contains("<summary>Replication 1 (master seed "
                        + plan.replicationSeed(1) + ")</summary>");
    }

    private static int rowOf(CsvTable t, String setting, String method, int replication) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.get(r, "setting").equals(setting) && t.get(r, "method").equals(method)
                    && t.getLong(r, "replication") == replication) {
                return r;
            }
        }
        throw new AssertionError("no row " + setting + " " + method + " replication " + replication);
    }

    @Test
    void badReplicationResumeAndPublishOptionsAreRefusedBeforeAnyWork(@TempDir Path tmp) throws IOException {
        assertThat(Main.execute("reproduce", "--smoke", "--out", tmp.resolve("a").toString(), "--replications", "0",
                "--quiet")).isEqualTo(2);
        assertThat(Main.execute("reproduce", "--smoke", "--out", tmp.resolve("b").toString(), "--resume",
                "--quiet")).isEqualTo(2);
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("table.csv"), "hand-written");
        assertThat(Main.execute("reproduce", "--smoke", "--out", tmp.resolve("c").toString(), "--publish",
                docs.toString(), "--quiet")).isEqualTo(2);
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("docs"); // no run, no partial
        }
        assertThat(docs.resolve("table.csv")).hasContent("hand-written");
    }

    /** Each setting's climatology RMSE, as plan.json records it. */
    private static Map<String, Double> climatologyRmse(Path planJson) throws IOException {
        Map<String, Double> out = new java.util.HashMap<>();
        for (var setting : new com.fasterxml.jackson.databind.ObjectMapper().readTree(planJson.toFile())
                .get("replicationRuns").get(0).get("settings")) {
            out.put(setting.get("id").asText(), setting.get("calibration").get("climatologyRmse").asDouble());
        }
        return out;
    }

    private static int rowOf(CsvTable t, String setting, String method) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.get(r, "setting").equals(setting) && t.get(r, "method").equals(method)) {
                return r;
            }
        }
        throw new AssertionError("no row " + setting + " " + method);
    }

    /** The CSV text with one column blanked (header kept, so the column positions still compare). */
    static String withoutColumn(String csv, String column) {
        CsvTable t = CsvTable.parse(csv, "csv");
        CsvTable out = new CsvTable(t.columns());
        for (List<String> row : t.rows()) {
            List<Object> cells = new ArrayList<>(row);
            cells.set(t.columns().indexOf(column), null);
            out.addRow(cells);
        }
        return out.toCsv();
    }
}
