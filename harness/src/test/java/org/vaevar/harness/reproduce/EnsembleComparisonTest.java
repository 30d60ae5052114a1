package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.config.PluginConfig;

/** The best variational method against the ensemble reference, from hand-made rows. */
class EnsembleComparisonTest {

    private static final SettingSpec L63 = StandIn.grid().settings(Mode.SMOKE).get(0);
    private static final SettingSpec L96 = StandIn.grid().settings(Mode.SMOKE).get(1);

    private static MethodSpec method(SettingSpec s, String name) {
        return StandIn.grid().methods(s, StandIn.learnedPrior()).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ResultRow row(SettingSpec s, String method, double... rmse) {
        MethodSpec m = method(s, method);
        List<SeedRun> runs = new java.util.ArrayList<>();
        for (int i = 0; i < rmse.length; i++) {
            runs.add(new SeedRun(i, 100 + i, 24, rmse[i], 2 * rmse[i], 1.0, -1, null));
        }
        TuningChoice c = new TuningChoice(m.candidates().get(0).label(),
                m.candidates().get(0).prior().with(m.tunedParameter(), 1.05), 1.05, 0.5, false, List.of());
        return ResultRow.of(new MethodOutcome(s, m, c, null, false, runs, null), null, null);
    }

    private static ResultRow diverged(SettingSpec s, String method) {
        MethodOutcome o = new MethodOutcome(s, method(s, method), null, "tuning diverged for every value", false,
                List.of(), null);
        return ResultRow.of(o, null, null);
    }

    @Test
    void theRatioIsTheBestCompletedVariationalMeanOverTheEnsembleMean() {
        List<ResultRow> rows = List.of(
                row(L63, "3dvar", 0.9, 1.1), row(L63, "4dvar", 0.6, 0.8), diverged(L63, "standin-3dvar"),
                row(L63, "etkf", 0.4, 0.3),
                diverged(L96, "3dvar"), row(L96, "standin-4dvar", 0.2, 0.2), row(L96, "letkf", 0.25, 0.25));
        List<EnsembleComparison.Entry> entries = EnsembleComparison.of(rows);
        assertThat(entries).hasSize(2);
        EnsembleComparison.Entry l63 = entries.get(0);
        assertThat(l63.variational().method().name()).isEqualTo("4dvar");
        assertThat(l63.ensemble().method().name()).isEqualTo("etkf");
        assertThat(l63.ratio()).isCloseTo(0.7 / 0.35, within(1e-12));
        EnsembleComparison.Entry l96 = entries.get(1);
        assertThat(l96.variational().method().name()).isEqualTo("standin-4dvar");
        assertThat(l96.ratio()).isCloseTo(0.8, within(1e-12));
        String statement = EnsembleComparison.statement(entries);
        assertThat(statement).contains("in 1 of 2 settings").contains("4dvar 0.7000 vs etkf 0.3500, ratio 2.00")
                .contains("standin-4dvar 0.2000 vs letkf 0.2500, ratio 0.80");
        assertThat(EnsembleComparison.markdown(entries)).contains("| 2.00 |").contains("| 0.80 |")
                .contains("etkf, N 10, rotation, inflation 1.05");
    }

    @Test
    void aDivergedEnsembleOrNoCompletedVariationalMethodGivesNoRatio() {
        List<ResultRow> rows = List.of(row(L63, "3dvar", 0.9, 1.1), diverged(L63, "etkf"),
                diverged(L96, "3dvar"), diverged(L96, "4dvar"), row(L96, "letkf", 0.25, 0.25));
        List<EnsembleComparison.Entry> entries = EnsembleComparison.of(rows);
        assertThat(entries).allSatisfy(e -> assertThat(e.ratio()).isNaN());
        assertThat(EnsembleComparison.statement(entries)).contains("in 0 of 0 settings")
                .contains("etkf did not complete (tuning diverged for every value)")
                .contains("no variational method completed");
        assertThat(EnsembleComparison.markdown(entries)).contains("**diverged**");
    }

    @Test
    void theEnsembleEntersNoImprovementColumnAndIsMarkedAsReference() {
        ResultRow etkf = row(L63, "etkf", 0.4, 0.3);
        assertThat(etkf.improvementPercent()).isNull();
        assertThat(ResultTables.table(List.of(etkf)).get(0, ResultTables.FAMILY_COLUMN)).isEqualTo("ensemble");
        assertThat(ResultTables.markdown(List.of(etkf), false)).contains("| etkf (reference) |");
        assertThat(etkf.choice().prior()).isEqualTo(PluginConfig.of("etkf", "size", 10, "rotation", true,
                "inflation", 1.05));
    }
}
