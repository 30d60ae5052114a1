package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.harness.io.Json;

/**
 * The standard plan of each mode at the default master seed is what was recorded before the grid moved into a
 * file: its {@code plan.json} (written by {@link PlanJson}, before any result) and the key of every work item whose
 * input the plan alone fixes. An unfinished run keyed by those inputs therefore continues unchanged.
 *
 * <p>{@code -Dvaevar.record=true} rewrites the recordings under {@code src/test/resources/recorded/}.
 */
class RecordedGridTest {

    static final Path RECORDED = Path.of("src", "test", "resources", "recorded");

    @ParameterizedTest
    @CsvSource({"smoke, false", "smoke, true", "quick, false", "quick, true", "full, true"})
    void theStandardPlanIsTheRecordedOne(String modeId, boolean ablations) throws IOException {
        Mode mode = Mode.valueOf(modeId.toUpperCase(java.util.Locale.ROOT));
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        Plan plan = Plan.standard(GridFile.shipped(registry), mode, Plan.DEFAULT_MASTER_SEED, Plan.DEFAULT_SEEDS,
                ablations, registry).withReplications(Plan.DEFAULT_REPLICATIONS);
        String name = modeId + (ablations ? "-ablations" : "");
        compare(RECORDED.resolve("plan-" + name + ".json"), planJson(plan));
        compare(RECORDED.resolve("work-items-" + name + ".txt"), workItemKeys(plan));
    }

    /** {@code plan.json} as a reproduction of {@code plan} writes it, before any work item has a result. */
    static String planJson(Plan plan) {
        List<ReproductionResult.Replication> reps = new ArrayList<>();
        for (int r = 0; r < Math.max(1, plan.replications()); r++) {
            reps.add(new ReproductionResult.Replication(r, plan.replicationSeed(r), List.of(), List.of(), null));
        }
        return Json.toPrettyString(PlanJson.of(new ReproductionResult(plan, reps, 0, 1)));
    }

    /**
     * One line per work item: replication, setting, method, item and the SHA-256 of its input. An evaluation's
     * input also holds what tuning chose; a fixed stand-in choice (the first candidate untuned) keeps the rest of
     * its input (seeds, cycles, figure setting) under test.
     */
    static String workItemKeys(Plan plan) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < Math.max(1, plan.replications()); r++) {
            Plan rep = plan.replication(r);
            for (Plan.PlannedSetting ps : rep.settings()) {
                CalibrationSources sources = rep.schedule().sources();
                for (String source : sources.names()) {
                    line(sb, r, ps.spec().id(), "-", sources.several() ? "calibration/" + source : "calibration",
                            WorkItems.calibrationInput(rep, r, ps, source));
                }
                for (MethodSpec m : ps.allMethods()) {
                    line(sb, r, ps.spec().id(), m.key(), "tune", WorkItems.tuneInput(rep, r, ps.spec(), m));
                    MethodSpec.Candidate c = m.candidates().get(0);
                    TuningChoice choice = new TuningChoice(c.label(), c.prior(), Double.NaN, Double.NaN, false,
                            List.of(new TuningChoice.CandidateCurve(c.label(),
                                    List.<ExperimentResult.TuningPoint>of(), null)));
                    for (int i = 0; i < rep.seeds(); i++) {
                        line(sb, r, ps.spec().id(), m.key(), "evaluate/" + i,
                                WorkItems.evaluateInput(rep, r, ps.spec(), m, choice, i));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, int r, String setting, String method, String item, Object input) {
        sb.append(r).append(' ').append(setting).append(' ').append(method).append(' ').append(item).append(' ')
                .append(WorkStore.key(input)).append('\n');
    }

    /** Compares {@code actual} with the recording, or rewrites the recording under -Dvaevar.record=true. */
    static void compare(Path recording, String actual) throws IOException {
        if (Boolean.getBoolean("vaevar.record")) {
            Files.createDirectories(recording.getParent());
            Files.writeString(recording, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as(recording.toString()).isEqualTo(Files.readString(recording, StandardCharsets.UTF_8));
    }
}
