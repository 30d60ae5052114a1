package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

class BackgroundExchangeTest {

    /** Two Gaussian 3D-Vars of one twin whose B differ by a factor 16: a clearly worse and a better one. */
    private static final ExperimentConfig BASE = ExperimentTest.shortened("l96-3dvar", "tuning.grid=[1.0]")
            .withTuning(null);

    @Test
    void theDiagonalIsEachRunsOwnAnalysisAndOffDiagonalsUseTheOthersBackgrounds() {
        TwinSetting setting = Vaevar.setting(BASE, ExperimentTest.OPTIONS);
        List<AssimilationMethod> methods = List.of(
                setting.variational(setting.prior("prior", PluginConfig.of("gaussian", "inflation", 1.0)), 1),
                setting.variational(setting.prior("prior", PluginConfig.of("gaussian", "inflation", 16.0)), 1));
        long runSeed = 99;
        List<List<BackgroundExchange.Window>> sources = new java.util.ArrayList<>();
        double[] cycledRmse = new double[2];
        for (int i = 0; i < 2; i++) {
            BackgroundExchange.Recorder recorder = new BackgroundExchange.Recorder(BASE.spinupCycles());
            RunResult r = setting.evaluate(methods.get(i), runSeed, BASE.cycles(), BASE.spinupCycles(), "test",
                    recorder);
            cycledRmse[i] = r.meanRmseAnalysis();
            sources.add(recorder.windows());
            assertThat(recorder.windows()).hasSize(BASE.cycles() - BASE.spinupCycles());
        }
        BackgroundExchange.Result x = BackgroundExchange.exchange(sources, methods, 1);
        // One analysis from the recorded (xb, y) is the cycle's own analysis, to the bit.
        assertThat(x.rmse()[0][0]).isEqualTo(cycledRmse[0]);
        assertThat(x.rmse()[1][1]).isEqualTo(cycledRmse[1]);
        assertThat(x.winShare()[0][0]).isZero();
        // The overinflated B fits the observation noise: worse than the tuned B on either run's backgrounds.
        assertThat(x.rmse()[0][1]).isGreaterThan(x.rmse()[0][0]);
        assertThat(x.rmse()[1][0]).isLessThan(x.rmse()[1][1]);
        assertThat(x.winShare()[1][0]).isGreaterThan(0.5);
    }

    @Test
    void momentsOfGaussianErrorsHaveKurtosisThree() {
        java.util.Random random = new java.util.Random(3);
        List<double[]> b = new java.util.ArrayList<>();
        List<double[]> t = new java.util.ArrayList<>();
        for (int k = 0; k < 20000; k++) {
            b.add(new double[] {0, 0});
            t.add(new double[] {1 + 2 * random.nextGaussian(), -1 + 2 * random.nextGaussian()});
        }
        BackgroundExchange.ErrorMoments m = BackgroundExchange.ErrorMoments.of(b, t);
        // Standard errors at 40 000 draws: sd ≈ 2/√(2·40000) = 0.007, kurtosis ≈ √(24/40000) = 0.025.
        assertThat(m.sd()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.03));
        assertThat(m.kurtosis()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(m.meanAbsBias()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
    }
}
