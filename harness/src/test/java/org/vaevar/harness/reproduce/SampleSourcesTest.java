package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.TwinData;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * Every prior that learns from samples chooses its sample source on the tuning seeds: one candidate per source,
 * each tuned on its own source's samples, evaluated on the same data whatever the source.
 */
class SampleSourcesTest {

    private static final ComparisonGrid GRID = StandIn.grid();
    private static final CalibrationSources TWO = new CalibrationSources(List.of("3dvar", "ensemble"), 1.02);

    /** The smoke schedule's Lorenz 63 setting with the given sources, the stand-in learned prior, 2 seeds. */
    private static Plan plan(CalibrationSources sources, boolean learned) {
        Schedule schedule = GRID.schedule(Mode.SMOKE).withSources(sources);
        return Plan.of(GRID, Mode.SMOKE, schedule, List.of(GRID.settings(Mode.SMOKE).get(0)),
                Plan.DEFAULT_MASTER_SEED, 2, learned ? StandIn.learnedPrior() : null, null, learned,
                Set.of(GRID.settings(Mode.SMOKE).get(0).id()));
    }

    @Test
    void everySampleBasedAndLearnedCandidateExistsOncePerSource() {
        SettingSpec l96 = GRID.settings(Mode.SMOKE).get(1);
        List<MethodSpec> methods = GRID.methods(l96, StandIn.learnedPrior(), TWO);
        assertThat(methods.get(0).candidates()).extracting(MethodSpec.Candidate::label).containsExactly(
                "B samples, 3dvar samples", "B samples, ensemble samples", "B circulant, 3dvar samples",
                "B circulant, ensemble samples", "B climatology");
        assertThat(methods.get(0).candidates()).extracting(MethodSpec.Candidate::source)
                .containsExactly("3dvar", "ensemble", "3dvar", "ensemble", null);
        assertThat(methods.get(2).candidates()).extracting(MethodSpec.Candidate::label)
                .containsExactly("standin, 3dvar samples", "standin, ensemble samples");
        assertThat(methods.get(4).isEnsemble()).isTrue();
        assertThat(methods.get(4).candidates()).hasSize(1).allSatisfy(c -> assertThat(c.source()).isNull());
        assertThat(ComparisonGrid.ablations(l96, StandIn.learnedPrior(), TWO).get(0).candidates())
                .extracting(MethodSpec.Candidate::source).containsExactly("3dvar", "ensemble");
        // One source: the candidates and their labels as before.
        assertThat(GRID.methods(l96, null).get(0).candidates()).extracting(MethodSpec.Candidate::label)
                .containsExactly("B samples", "B circulant", "B climatology");
    }

    @Test
    void theEvaluationDataAreTheSameWhateverTheSource(@TempDir Path tmp) {
        Plan plan = plan(TWO, false);
        SettingSpec s = plan.settings().get(0).spec();
        RunOptions options = new RunOptions(tmp, ProgressListener.SILENT);
        TwinSetting a = Vaevar.setting(plan.config(s, "3dvar"), options);
        TwinSetting b = Vaevar.setting(plan.config(s, "ensemble"), options);
        assertThat(a.config().calibration()).isNotEqualTo(b.config().calibration());
        for (int i = 0; i < plan.seeds(); i++) {
            TwinData da = a.data(plan.runSeed(i), 20);
            TwinData db = b.data(plan.runSeed(i), 20);
            assertThat(db.initialBackground()).isEqualTo(da.initialBackground());
            for (int k = 0; k < 20; k++) {
                assertThat(db.truth(k)).isEqualTo(da.truth(k));
                assertThat(db.observation(k)).isEqualTo(da.observation(k));
            }
            // The first background a method sees is the same too.
            PluginConfig prior = PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1);
            assertThat(firstBackground(b, prior, plan.runSeed(i))).isEqualTo(firstBackground(a, prior,
                    plan.runSeed(i)));
        }
    }

    private static double[] firstBackground(TwinSetting t, PluginConfig prior, long seed) {
        double[][] first = new double[1][];
        t.evaluate(t.prior("prior", prior), 1, seed, 4, 0, "first", (CycleObserver) c -> {
            if (c.index() == 0) {
                first[0] = c.background().clone();
            }
        });
        return first[0];
    }

    @Test
    void eachCandidateTunesOnItsOwnSourcesSamples(@TempDir Path tmp) throws java.io.IOException {
        ReproductionResult both = Reproduction.run(plan(TWO, false), 2, tmp, ProgressListener.SILENT);
        MethodOutcome threeD = both.first().outcomes().get(0);
        assertThat(threeD.choice().tried()).extracting(TuningChoice.CandidateCurve::candidate).containsExactly(
                "B samples, 3dvar samples", "B samples, ensemble samples", "B climatology");
        // Each source's curve is the curve of a run with that source alone.
        for (String source : TWO.names()) {
            ReproductionResult alone = Reproduction.run(plan(CalibrationSources.single(source), false), 2, tmp,
                    ProgressListener.SILENT);
            assertThat(points(both.first().outcomes().get(0).choice(), "B samples, " + source + " samples"))
                    .as(source).isEqualTo(points(alone.first().outcomes().get(0).choice(), "B samples"));
        }
        // The two sources' samples differ, and so do their tuning curves.
        assertThat(points(threeD.choice(), "B samples, 3dvar samples"))
                .isNotEqualTo(points(threeD.choice(), "B samples, ensemble samples"));
        assertThat(both.first().calibrations()).extracting(CalibrationSummary::source)
                .containsExactly("3dvar", "ensemble");
        // The chosen source is in the prior column, the page says how sources are chosen, plan.json lists them.
        Path dir = tmp.resolve("run");
        ReproductionFiles.writeFiles(both, java.nio.file.Files.createDirectories(dir), MachineInfo.current(), "test");
        String table = java.nio.file.Files.readString(dir.resolve("table.csv"));
        assertThat(table).contains("," + threeD.choice().candidate());
        String page = java.nio.file.Files.readString(dir.resolve("RESULTS.md"));
        assertThat(page).contains("Each prior chooses its source of samples on the tuning seeds, among the same "
                + "sources (3dvar, ensemble)")
                .contains("One row per setting and sample source (3dvar, ensemble)");
        String plan = java.nio.file.Files.readString(dir.resolve("plan.json"));
        assertThat(plan).contains("\"sampleSources\" : [ \"3dvar\", \"ensemble\" ]").contains("\"calibrations\"");
    }

    @Test
    void twoSourcesGiveTheSameResultsOnOneAndTwoThreads(@TempDir Path tmp) {
        Plan plan = plan(TWO, false);
        ReproductionResult one = Reproduction.run(plan, 1, tmp, ProgressListener.SILENT);
        ReproductionResult two = Reproduction.run(plan, 2, tmp, ProgressListener.SILENT);
        for (int k = 0; k < one.first().outcomes().size(); k++) {
            MethodOutcome a = one.first().outcomes().get(k);
            MethodOutcome b = two.first().outcomes().get(k);
            assertThat(b.choice()).isEqualTo(a.choice());
            assertThat(b.runs()).extracting(SeedRun::rmseAnalysis)
                    .isEqualTo(a.runs().stream().map(SeedRun::rmseAnalysis).toList());
        }
        assertThat(two.first().calibrations()).isEqualTo(one.first().calibrations());
    }

    @Test
    void aResumedRunWithTwoSourcesTakesEveryItemFromItsStore(@TempDir Path tmp) throws java.io.IOException {
        Plan plan = plan(TWO, false);
        ReproductionResult first = Reproduction.run(plan, 2, tmp, ProgressListener.SILENT, WorkStore.open(tmp));
        WorkStore again = WorkStore.open(tmp);
        ReproductionResult resumed = Reproduction.run(plan, 2, tmp, ProgressListener.SILENT, again);
        // Every tuning and evaluation item comes from the store: methods × (tuning + seeds).
        int methods = plan.settings().get(0).allMethods().size();
        assertThat(again.reused()).isEqualTo(methods * (1 + plan.seeds()));
        for (int k = 0; k < methods; k++) {
            MethodOutcome a = first.first().outcomes().get(k);
            MethodOutcome b = resumed.first().outcomes().get(k);
            assertThat(b.choice()).isEqualTo(a.choice());
            assertThat(b.runs()).extracting(SeedRun::rmseAnalysis)
                    .isEqualTo(a.runs().stream().map(SeedRun::rmseAnalysis).toList());
        }
        assertThat(resumed.first().calibrations()).isEqualTo(first.first().calibrations());
    }

    private static List<ExperimentResult.TuningPoint> points(TuningChoice c, String candidate) {
        return c.tried().stream().filter(x -> x.candidate().equals(candidate)).findFirst().orElseThrow().points();
    }
}
