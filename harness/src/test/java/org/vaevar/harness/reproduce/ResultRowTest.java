package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.harness.io.CsvTable;

/** Rows from hand-made outcomes: statistics, the improvement, and divergence reported, never dropped. */
class ResultRowTest {

    private static final SettingSpec SETTING = StandIn.grid().settings(Mode.SMOKE).get(0);
    private static final LearnedPrior LEARNED = StandIn.learnedPrior();
    private static final MethodSpec THREE_D = StandIn.grid().methods(SETTING, LEARNED).get(0);
    private static final MethodSpec LEARNED_3D = StandIn.grid().methods(SETTING, LEARNED).get(2);

    private static TuningChoice choice() {
        return new TuningChoice("B samples", PluginConfig.of("gaussian", "inflation", 1.0), 1.0, 0.5, false,
                List.of());
    }

    private static SeedRun run(int i, double rmseA) {
        return new SeedRun(i, 100 + i, 24, rmseA, 2 * rmseA, 1.5, -1, null);
    }

    @Test
    void improvementIsTheRatioOfMeansAndThePairedOnePerSeed() {
        MethodOutcome gauss = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.6), run(1, 0.9), run(2, 0.3)), null);
        MethodOutcome learned = new MethodOutcome(SETTING, LEARNED_3D, choice(), null, false,
                List.of(run(0, 0.4), run(1, 0.6), run(2, 0.3)), null);
        ResultRow g = ResultRow.of(gauss, null, null);
        ResultRow l = ResultRow.of(learned, gauss, null);
        assertThat(g.improvementPercent()).isNull();
        assertThat(g.analysis().mean()).isCloseTo(0.6, within(1e-15));
        // Means 0.6 and 13/30: 100 · (0.6 / (1.3/3) − 1) = 38.4615...
        assertThat(l.improvementPercent()).isCloseTo(100 * (0.6 / (1.3 / 3) - 1), within(1e-12));
        // Per seed: +50 %, +50 %, 0 %: mean 33.33 %, s = 28.8675, half-width 4.302653 · 28.8675 / √3 = 71.7109.
        assertThat(l.pairedImprovement().mean()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(l.pairedImprovement().halfWidth95()).isCloseTo(71.7109, within(1e-4));
        assertThat(l.background().mean()).isCloseTo(2 * 1.3 / 3, within(1e-15));
    }

    @Test
    void aDivergedSeedMakesTheRowDivergedWithItsCycle() {
        MethodOutcome o = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.6), SeedRun.diverged(1, 101, 24, 17, "diverged: ..."), run(2, 0.3)), null);
        ResultRow r = ResultRow.of(o, null, null);
        assertThat(r.diverged()).isTrue();
        assertThat(r.complete()).isFalse();
        assertThat(r.note()).isEqualTo("1 of 3 seeds diverged: seed 1 at cycle 17");
        CsvTable csv = ResultTables.table(List.of(r));
        assertThat(csv.get(0, "rmseAnalysis")).isEmpty();
        assertThat(csv.get(0, "rmseAnalysisCi95")).isEmpty();
        assertThat(csv.get(0, "diverged")).isEqualTo("true");
        assertThat(csv.get(0, "seeds")).isEqualTo("3");
        assertThat(csv.get(0, "note")).contains("cycle 17");
        assertThat(ResultTables.markdown(List.of(r), false)).contains("**diverged**: 1 of 3 seeds diverged");
    }

    @Test
    void aLearnedRowAgainstADivergedReferenceHasNoImprovementButItsOwnNumbers() {
        MethodOutcome gauss = new MethodOutcome(SETTING, THREE_D, null, "tuning diverged for every value", false,
                List.of(), null);
        MethodOutcome learned = new MethodOutcome(SETTING, LEARNED_3D, choice(), null, false,
                List.of(run(0, 0.4), run(1, 0.6)), null);
        ResultRow g = ResultRow.of(gauss, null, null);
        ResultRow l = ResultRow.of(learned, gauss, null);
        assertThat(g.diverged()).isTrue();
        assertThat(g.note()).isEqualTo("tuning diverged for every value");
        assertThat(l.complete()).isTrue();
        assertThat(l.improvementPercent()).isNull();
        assertThat(Summary.comparison(List.of(g, l), "standin-3dvar", "3dvar"))
                .contains("in 0 of 0 settings").contains("It completed where 3dvar diverged: " + SETTING.label());
    }

    @Test
    void theSummaryCountsWinsAndPairedIntervals() {
        // 4D-Var better on every seed by 25 % to 50 %: a win whose paired interval is above zero.
        MethodSpec fourD = StandIn.grid().methods(SETTING, null).get(1);
        MethodOutcome threeD = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.6), run(1, 0.9), run(2, 0.3)), null);
        MethodOutcome four = new MethodOutcome(SETTING, fourD, choice(), null, false,
                List.of(run(0, 0.4), run(1, 0.6), run(2, 0.24)), null);
        String s = Summary.comparison(List.of(ResultRow.of(threeD, null, null), ResultRow.of(four, null, null)),
                "4dvar", "3dvar");
        // Gain of the means: 0.6 / (1.24/3) − 1 = +45.2 %.
        assertThat(s).contains("in 1 of 1 settings where both completed and 3dvar tracks the truth (1 with the 95 % "
                + "interval of the paired "
                + "per-seed improvement above zero, 0 with it below zero)").contains("Largest gain: +45.2 %")
                .contains("No losses.");
    }

    @Test
    void aGainOverABaselineThatDoesNotTrackIsNoGain() {
        MethodOutcome gauss = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.6), run(1, 0.9), run(2, 0.3)), null);
        MethodOutcome learned = new MethodOutcome(SETTING, LEARNED_3D, choice(), null, false,
                List.of(run(0, 0.4), run(1, 0.6), run(2, 0.3)), null);
        // Climatology RMSE 0.8: the Gaussian's ratio 0.6 / 0.8 = 0.75 is not below 0.7, the learned one's 0.54 is.
        ResultRow g = ResultRow.of(gauss, null, null, 0.8, 0, 1);
        ResultRow l = ResultRow.of(learned, gauss, null, 0.8, 0, 1);
        assertThat(g.trackingRatio()).isCloseTo(0.75, within(1e-12));
        assertThat(g.tracks()).isFalse();
        assertThat(l.tracks()).isTrue();
        assertThat(l.referenceTracks()).isFalse();
        assertThat(l.improvementVerdict()).isEqualTo(ResultRow.BASELINE_DOES_NOT_TRACK);
        CsvTable csv = ResultTables.table(List.of(g, l));
        assertThat(csv.getDouble(0, "climatologyRatio")).isCloseTo(0.75, within(1e-12));
        assertThat(csv.get(0, "tracks")).isEqualTo("false");
        assertThat(csv.get(1, "improvementVerdict")).isEqualTo(ResultRow.BASELINE_DOES_NOT_TRACK);
        String md = ResultTables.markdown(List.of(g, l), false);
        assertThat(md).contains("| baseline does not track |").doesNotContain("+38.5");
        assertThat(Summary.comparison(List.of(g, l), "standin-3dvar", "3dvar")).contains("in 0 of 0 settings")
                .contains("Baseline does not track").contains(SETTING.label() + " (3dvar RMSE / climatology 0.75)");

        // With a climatology RMSE of 2 both track, and the gain is a gain again (its paired interval spans zero).
        ResultRow tracked = ResultRow.of(learned, gauss, null, 2.0, 0, 1);
        assertThat(tracked.improvementVerdict()).isEqualTo("not significant");
        assertThat(Summary.comparison(List.of(ResultRow.of(gauss, null, null, 2.0, 0, 1), tracked),
                "standin-3dvar", "3dvar")).contains("in 1 of 1 settings").doesNotContain("Baseline does not track");
    }

    @Test
    void aRowOverReplicationsIsTheMeanOfTheirMeansWithAnIntervalOverThem() {
        MethodOutcome g0 = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.6), run(1, 0.8)), null);
        MethodOutcome l0 = new MethodOutcome(SETTING, LEARNED_3D, choice(), null, false,
                List.of(run(0, 0.5), run(1, 0.5)), null);
        MethodOutcome g1 = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.4), run(1, 0.6)), null);
        MethodOutcome l1 = new MethodOutcome(SETTING, LEARNED_3D, choice(), null, false,
                List.of(run(0, 0.6), run(1, 0.4)), null);
        ResultRow g = ResultRow.over(List.of(ResultRow.of(g0, null, null, 4, 0, 11),
                ResultRow.of(g1, null, null, 6, 1, 12)));
        ResultRow l = ResultRow.over(List.of(ResultRow.of(l0, g0, null, 4, 0, 11),
                ResultRow.of(l1, g1, null, 6, 1, 12)));
        // Replication means 0.7 and 0.5: mean 0.6, s = 0.1414, half-width 12.7062 · 0.1414 / √2 = 1.2706.
        assertThat(g.analysis().mean()).isCloseTo(0.6, within(1e-15));
        assertThat(g.analysis().halfWidth95()).isCloseTo(12.7062 * 0.1, within(1e-4));
        assertThat(g.intervalOver()).isEqualTo("replications");
        assertThat(g.climatologyRmse()).isEqualTo(5.0);
        // Paired per replication: 0.7 / 0.5 − 1 = +40 %, 0.5 / 0.5 − 1 = 0 %: mean +20 %; of the means 0.6/0.5 − 1.
        assertThat(l.pairedImprovement().mean()).isCloseTo(20, within(1e-9));
        assertThat(l.pairedImprovement().halfWidth95()).isCloseTo(12.7062 * 20, within(1e-2));
        assertThat(l.improvementPercent()).isCloseTo(20, within(1e-9));
        assertThat(l.replications()).hasSize(2);
        assertThat(l.replications().get(1).masterSeed()).isEqualTo(12);
        assertThat(ResultTables.replications(List.of(g, l)).rowCount()).isEqualTo(4);

        // A replication that diverged makes the whole row diverged, naming it.
        MethodOutcome d1 = new MethodOutcome(SETTING, THREE_D, choice(), null, false,
                List.of(run(0, 0.4), SeedRun.diverged(1, 101, 24, 5, "diverged")), null);
        ResultRow d = ResultRow.over(List.of(ResultRow.of(g0, null, null, 4, 0, 11),
                ResultRow.of(d1, null, null, 6, 1, 12)));
        assertThat(d.complete()).isFalse();
        assertThat(d.diverged()).isTrue();
        assertThat(d.note()).isEqualTo("replication 1: 1 of 2 seeds diverged: seed 1 at cycle 5");
    }

    @Test
    void intervalsPrintToTheDecimalsOfTheMean() {
        assertThat(ResultTables.plusMinus(1.019, 0.03116)).isEqualTo("1.019 ± 0.031");
        assertThat(ResultTables.plusMinus(0.3238, 0.008238)).isEqualTo("0.3238 ± 0.0082");
        assertThat(ResultTables.plusMinus(2.206, 0.3157)).isEqualTo("2.206 ± 0.316");
        assertThat(ResultTables.plusMinus(0.5, Double.NaN)).isEqualTo("0.5000");
    }
}
