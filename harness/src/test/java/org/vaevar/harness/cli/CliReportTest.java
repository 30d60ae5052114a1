package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaevar.harness.cli.CliOutputSafetyTest.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.harness.cli.CliOutputSafetyTest.Outcome;

/** What a run reports beyond its RMSE: climatology, tracking, stop reasons, warnings, explicit values. */
@SuppressWarnings("unchecked")
class CliReportTest {

    @TempDir
    Path tmp;

    private Map<String, Object> summary(Path dir) {
        try {
            return ConfigText.readObject(dir.resolve("summary.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void summaryHasTheClimatologyRmseTrackingAndStopReasonsAndTheTerminalShowsThem() {
        Path dir = tmp.resolve("a");
        Outcome o = run("l63-3dvar", dir);
        assertThat(o.exit()).as(o.err()).isZero();
        Map<String, Object> s = summary(dir);
        Map<String, Object> rmse = (Map<String, Object>) s.get("rmse");
        double climatology = ((Number) rmse.get("climatology")).doubleValue();
        assertThat(climatology).isBetween(5.0, 12.0);
        double ratio = ((Number) rmse.get("climatologyRatio")).doubleValue();
        assertThat(ratio).isCloseTo(((Number) rmse.get("analysis")).doubleValue() / climatology,
                org.assertj.core.api.Assertions.within(1e-12)).isLessThan(org.vaevar.harness.report.RunChecks.TRACKING_RATIO);
        assertThat(s).containsEntry("tracks", true);
        Map<String, Object> min = (Map<String, Object>) s.get("minimization");
        Map<String, Object> reasons = (Map<String, Object>) min.get("stopReasons");
        assertThat(reasons.values().stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(40);
        assertThat(o.out()).contains("rmse clim", "a/clim", "tracks", "minimizer stop reasons: ");
    }

    @Test
    void aMethodThatDoesNotTrackIsSaidSoPlainly() {
        Path dir = tmp.resolve("lost");
        // An absurd observation error: the analysis follows nothing.
        Outcome o = run("l63-3dvar", dir, "--set", "observations.noise=1000", "--set", "prior.inflation=1e-6");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(summary(dir)).containsEntry("tracks", false);
        assertThat(o.out()).contains("does NOT track the truth").contains("of the climatological mean's (tracking"
                + " needs below 0.7)");
        assertThat(o.err()).contains("vaevar: warning: l63-3dvar does not track the truth");
    }

    @Test
    void manyUnconvergedCyclesATunedValueAtTheGridEdgeAndExplicitValuesAreWarnedAbout() {
        Path dir = tmp.resolve("w");
        Outcome o = run("l63-3dvar", dir, "--set", "stopping.maxIterations=1", "--set", "tuning.grid=[0.7,1.4]");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.err()).contains("did not converge", "MAX_ITERATIONS", "at an edge of its grid");
        assertThat((List<String>) summary(dir).get("warnings")).anyMatch(w -> w.contains("did not converge"));

        Path explicit = tmp.resolve("explicit");
        Outcome e = run("l63-3dvar", explicit, "--set", "prior.inflation=3");
        assertThat(e.exit()).as(e.err()).isZero();
        Map<String, Object> s = summary(explicit);
        assertThat((Map<String, Object>) s.get("prior")).containsEntry("inflation", 3);
        Map<String, Object> tuning = (Map<String, Object>) s.get("tuning");
        assertThat(tuning).containsEntry("parameter", "inflation").containsKey("off");
        assertThat(e.out()).contains("inflation 3, untuned");
        assertThat(e.err()).contains("tuning of inflation is off: prior.inflation = 3 was given explicitly");
    }

    @Test
    void theProgressLineShowsTheRunningMeanAfterSpinUpLabelledAsSuch() {
        List<String> statuses = new ArrayList<>();
        ExperimentResult r = Vaevar.run(Presets.load("l63-3dvar", List.of("cycles=40", "spinupCycles=10",
                        "calibration.cycles=100", "calibration.spinupCycles=20", "calibration.runs=1")).withTuning(null),
                new RunOptions(tmp, (task, done, total, status) -> {
                    if (task.equals("l63-3dvar")) {
                        statuses.add(status);
                    }
                }));
        assertThat(statuses.get(0)).isEqualTo("spin-up");
        String last = statuses.get(statuses.size() - 1);
        assertThat(last).isEqualTo(String.format(java.util.Locale.ROOT, "mean rmse a %.3f",
                r.run().meanRmseAnalysis()));
    }

    @Test
    void aVaeStoppedByItsEpochCapIsWarnedAboutAndTheRunThatTrainedItSaysTrained() throws IOException {
        Path dir = tmp.resolve("vae");
        Outcome o;
        String home = System.getProperty("vaevar.home");
        System.setProperty("vaevar.home", tmp.resolve("home").toString()); // a cache of its own
        try {
            o = run("l63-vae3dvar", dir, "--set", "prior.epochs=2", "--set", "prior.width=8",
                    "--set", "prior.learningRate=0.01");
        } finally {
            if (home == null) {
                System.clearProperty("vaevar.home");
            } else {
                System.setProperty("vaevar.home", home);
            }
        }
        assertThat(o.exit()).as(o.err()).isZero();
        Map<String, Object> prior = (Map<String, Object>) summary(dir).get("prior");
        Map<String, Object> training = (Map<String, Object>) prior.get("training");
        if (training.get("bestEpoch").equals(training.get("epochsRun"))) {
            assertThat(o.err()).contains("best epoch is its last (2)", "prior.epochs");
        }
        assertThat(prior).containsEntry("source", "trained");
    }
}
