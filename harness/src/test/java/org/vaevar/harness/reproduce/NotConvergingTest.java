package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.api.StopReason;
import org.vaevar.api.method.CostTerms;
import org.vaevar.api.method.MethodDiagnostics;
import org.vaevar.assimilation.experiment.CycleRecord;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.RunStatistics;

/** The results page flags a method whose minimisations did not converge in more than a tenth of its cycles. */
class NotConvergingTest {

    private static final SettingSpec L63 = StandIn.grid().settings(Mode.SMOKE).get(0);

    private static ResultRow row(String method, double... notConverged) {
        MethodSpec m = StandIn.grid().methods(L63, StandIn.learnedPrior()).stream()
                .filter(s -> s.name().equals(method)).findFirst().orElseThrow();
        List<SeedRun> runs = new ArrayList<>();
        for (int i = 0; i < notConverged.length; i++) {
            runs.add(new SeedRun(i, 100 + i, 24, 0.5, 1.0, 1.0, -1, null, notConverged[i]));
        }
        TuningChoice c = new TuningChoice(m.candidates().get(0).label(),
                m.candidates().get(0).prior().with(m.tunedParameter(), 1.0), 1.0, 0.5, false, List.of());
        return ResultRow.of(new MethodOutcome(L63, m, c, null, false, runs, null), null, null);
    }

    @Test
    void aMethodAboveATenthIsNamedWithItsShare() {
        String s = Summary.notConverging(List.of(row("3dvar", 0.0, 0.05), row("4dvar", 0.3, 0.5),
                row("etkf", Double.NaN, Double.NaN)));
        assertThat(s).startsWith("1 method–setting pair did not converge").contains("4dvar in " + L63.label())
                .contains("40 % of cycles").doesNotContain("3dvar in").doesNotContain("etkf");
    }

    @Test
    void nothingIsSaidWhenEveryMethodConverges() {
        assertThat(Summary.notConverging(List.of(row("3dvar", 0.1, 0.0), row("4dvar", 0.0, 0.0)))).isNull();
    }

    @Test
    void theShareCountsOnlyCyclesThatMinimised() {
        List<CycleRecord> cycles = List.of(cycle(0, StopReason.GRADIENT_TOLERANCE), cycle(1, StopReason.MAX_ITERATIONS),
                cycle(2, StopReason.COST_STAGNATION), cycle(3, StopReason.LINE_SEARCH_FAILED), cycle(4, null));
        assertThat(Reproduction.notConvergedShare(new RunResult(RunStatistics.of(0, cycles), null))).isEqualTo(0.5);
        assertThat(Reproduction.notConvergedShare(new RunResult(RunStatistics.of(0, List.of(cycle(0, null))), null))).isNaN();
    }

    private static CycleRecord cycle(int c, StopReason reason) {
        MethodDiagnostics d = reason == null ? MethodDiagnostics.NONE
                : new MethodDiagnostics(3, 4, 2.0, 1.0, reason, CostTerms.NONE, CostTerms.NONE);
        return new CycleRecord(c, c, 1.0, 0.5, 0.5, Double.NaN, Double.NaN, d);
    }
}
