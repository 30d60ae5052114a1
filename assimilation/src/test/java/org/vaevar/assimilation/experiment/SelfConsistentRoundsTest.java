package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.RoundSamples;
import org.vaevar.models.lorenz.Lorenz96;

/** A round is kept only when it lowers the tuning RMSE; its samples are centred and mixed as configured. */
class SelfConsistentRoundsTest {

    private static TwinSetting.Tuned tuned(double rmse) {
        return new TwinSetting.Tuned(PluginConfig.of("gaussian", "inflation", 1.0), PluginConfig.of("variational"),
                new TuningTarget(TuningTarget.PRIOR, "inflation"), List.of(new ExperimentResult.TuningPoint(1.0, rmse)),
                false);
    }

    /** Steps whose tunings give the given RMSEs in turn; the errors are the context's samples shifted by +1. */
    private static SelfConsistentRounds.Steps steps(double... rmse) {
        Iterator<Double> next = java.util.Arrays.stream(rmse).boxed().iterator();
        return new SelfConsistentRounds.Steps() {
            @Override
            public TwinSetting.Tuned tune(ExperimentPriorContext context) {
                return tuned(next.next());
            }

            @Override
            public BackgroundErrorSamples errors(TwinSetting.Tuned t, ExperimentPriorContext context,
                                                 List<Double> runRmse) {
                BackgroundErrorSamples s = context.backgroundErrors();
                double[][] b = new double[s.size()][];
                double[][] x = new double[s.size()][];
                for (int k = 0; k < s.size(); k++) {
                    b[k] = s.background(k);
                    x[k] = s.truth(k);
                    for (int i = 0; i < x[k].length; i++) {
                        x[k][i] += 1;
                    }
                }
                runRmse.add(1.0);
                return new BackgroundErrorSamples(b, x);
            }
        };
    }

    private static ExperimentPriorContext start() {
        return TestContexts.withSyntheticSamples(new Lorenz96(8, 8.0, 0.01), 50, 0.5, 3);
    }

    @Test
    void aRoundThatDoesNotLowerTheRmseIsDroppedAndEndsTheRounds() {
        ExperimentPriorContext start = start();
        TwinSetting.Tuned first = tuned(2.0);
        SelfConsistentRounds.Result r = SelfConsistentRounds.run(3, RoundSamples.NEW, start, first, steps(2.0, 1.0));
        assertThat(r.rounds()).hasSize(1);
        assertThat(r.rounds().get(0).kept()).isFalse();
        assertThat(r.tuned()).isSameAs(first);
        assertThat(r.context()).isSameAs(start);
    }

    @Test
    void roundsThatHelpAreKeptUpToTheLimit() {
        ExperimentPriorContext start = start();
        SelfConsistentRounds.Result r = SelfConsistentRounds.run(2, RoundSamples.NEW, start, tuned(2.0),
                steps(1.5, 1.2, 0.1));
        assertThat(r.rounds()).extracting(SelfConsistentRounds.Round::tuningRmse).containsExactly(1.5, 1.2);
        assertThat(r.keptRounds()).isEqualTo(2);
        assertThat(SelfConsistentRounds.bestRmse(r.tuned())).isEqualTo(1.2);
        // Two rounds of +1: the kept context's corrections are the start's plus 2.
        assertThat(r.context().backgroundErrors().correction(0)[0])
                .isEqualTo(start.backgroundErrors().correction(0)[0] + 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.rounds().get(0).meanCorrection()).isGreaterThan(0.5);
    }

    @Test
    void centringRemovesTheMeanCorrectionAndMixingKeepsThePreviousSamples() {
        ExperimentPriorContext start = start();
        SelfConsistentRounds.Result r = SelfConsistentRounds.run(1, RoundSamples.CENTRED_MIXED, start, tuned(2.0),
                steps(1.0));
        BackgroundErrorSamples s = r.context().backgroundErrors();
        assertThat(s.size()).isEqualTo(100);
        double[][] second = new double[50][];
        double[][] secondTruth = new double[50][];
        for (int k = 0; k < 50; k++) {
            second[k] = s.background(50 + k);
            secondTruth[k] = s.truth(50 + k);
        }
        assertThat(SelfConsistentRounds.meanCorrection(new BackgroundErrorSamples(second, secondTruth)))
                .isLessThan(1e-12);
        assertThat(s.background(0)).containsExactly(start.backgroundErrors().background(0));
    }

    /** A climatological B ignores the samples: its rounds rebuild the same prior, so none can help. */
    @Test
    void aPriorThatIgnoresItsSamplesKeepsNoRound() {
        TwinSetting setting = Vaevar.setting(ExperimentTest.shortened("l96-3dvar", "calibration.rounds=2",
                "calibration.scaleGrid=[1.0]", "prior={\"name\":\"gaussian\",\"covariance\":\"climatology\"}",
                "tuning.grid=[0.05,0.1]"), ExperimentTest.OPTIONS);
        SelfConsistentRounds.Result r = setting.refine(PluginConfig.of("variational"),
                setting.config().prior(), setting.config().tuning(), 1);
        assertThat(r.rounds()).hasSize(1);
        assertThat(r.rounds().get(0).kept()).isFalse();
        assertThat(r.rounds().get(0).tuningRmse()).isEqualTo(r.initialRmse());
    }
}
