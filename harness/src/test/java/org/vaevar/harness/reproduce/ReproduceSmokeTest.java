package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code vaevar reproduce --smoke} end to end, and the outcome's independence of the thread count. */
class ReproduceSmokeTest {

    private static final Path CACHE = Path.of("target", "test-cache");

    @Test
    void smokeRunWritesTheTablesFiguresAndPage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("smoke");
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute("reproduce", "--smoke", "--out", out.toString(), "--seeds", "3", "--threads", "2",
                    "--quiet");
        } finally {
            System.setOut(saved);
        }
        assertThat(code).isZero();
        for (String f : List.of("table.csv", "table.md", "seeds.csv", "plan.json", "RESULTS.md",
                "figures/rmse-lorenz63.png", "figures/rmse-lorenz96.png", "figures/error-shape.png",
                "figures/trajectories.png")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(out.resolve(f))).as(f).isPositive();
        }
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("smoke"); // no partial left
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
                assertThat(PaperGrid.schedule(Mode.SMOKE).ensembleGrid()).as(where)
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
        Schedule smoke = PaperGrid.schedule(Mode.SMOKE);
        assertThat(page).contains("by the same log-scale search with a budget of " + smoke.tuningBudget()
                        + " evaluations per candidate, on " + smoke.tuningSeeds() + " tuning seeds")
                .contains("tuned by a grid search over the " + smoke.ensembleGrid().size() + " values");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("run directory: " + out.toAbsolutePath());
    }

    /**
     * 1 thread and 2 threads give the same table.csv, byte for byte, except msPerCycle (a wall-clock
     * measurement). The plan includes a stand-in learned prior with an ablation, so the improvement and ablation
     * columns are covered too.
     */
    @Test
    void theTableDoesNotDependOnTheThreadCount(@TempDir Path tmp) throws IOException {
        Plan plan = StandIn.smokePlan(3);
        ReproductionResult one = Reproduction.run(plan, 1, CACHE, ProgressListener.SILENT);
        ReproductionResult two = Reproduction.run(plan, 2, CACHE, ProgressListener.SILENT);
        ReproductionFiles.writeFiles(one, Files.createDirectories(tmp.resolve("one")), MachineInfo.current(), "test");
        ReproductionFiles.writeFiles(two, Files.createDirectories(tmp.resolve("two")), MachineInfo.current(), "test");
        for (String file : List.of("table.csv", "ablations.csv", "seeds.csv")) {
            String a = withoutColumn(Files.readString(tmp.resolve("one").resolve(file)), "msPerCycle");
            String b = withoutColumn(Files.readString(tmp.resolve("two").resolve(file)), "msPerCycle");
            assertThat(b).as(file).isEqualTo(a);
        }
        CsvTable table = CsvTable.read(tmp.resolve("one").resolve("table.csv"));
        assertThat(table.rowCount()).isEqualTo(2 * 5); // 3dvar, 4dvar, standin-3dvar, standin-4dvar, the ensemble
        for (int r = 0; r < table.rowCount(); r++) {
            String method = table.get(r, "method");
            if (method.startsWith("standin-")) {
                // The improvement follows from the two RMSE columns of the same table.
                String reference = method.substring("standin-".length());
                int ref = rowOf(table, table.get(r, "setting"), reference);
                double expected = 100 * (table.getDouble(ref, "rmseAnalysis") / table.getDouble(r, "rmseAnalysis") - 1);
                assertThat(table.getDouble(r, "improvementPercent")).isCloseTo(expected,
                        org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected))));
            } else {
                assertThat(table.get(r, "improvementPercent")).isEmpty();
            }
        }
        CsvTable ablations = CsvTable.read(tmp.resolve("one").resolve("ablations.csv"));
        assertThat(ablations.rowCount()).isEqualTo(2);
        assertThat(ablations.get(0, "ablation")).isEqualTo("covariance=diagonal");
        assertThat(ablations.getDouble(0, "changeVsFullPercent")).isFinite();
    }

    /** Each setting's climatology RMSE, as plan.json records it. */
    private static Map<String, Double> climatologyRmse(Path planJson) throws IOException {
        Map<String, Double> out = new java.util.HashMap<>();
        for (var setting : new com.fasterxml.jackson.databind.ObjectMapper().readTree(planJson.toFile())
                .get("settings")) {
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
