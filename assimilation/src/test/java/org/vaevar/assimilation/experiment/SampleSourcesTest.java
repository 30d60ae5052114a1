package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.SampleSource;

/** Every calibration.source gives samples of the right shape and count, the same for one seed. */
class SampleSourcesTest {

    /** Short runs: one scale, one tuning value; 300 calibration cycles, 30 of spin-up, one sample run. */
    private static ExperimentConfig config(String... more) {
        List<String> o = new java.util.ArrayList<>(List.of("tuning.grid=[1.0]", "calibration.scaleGrid=[1.0]"));
        o.addAll(List.of(more));
        return ExperimentTest.shortened("l96-3dvar", o.toArray(String[]::new));
    }

    private static Calibration.Outcome calibrate(int window, String... more) {
        return Vaevar.setting(config(more), ExperimentTest.OPTIONS).calibration(window);
    }

    private static void assertSameSamples(BackgroundErrorSamples a, BackgroundErrorSamples b) {
        assertThat(b.size()).isEqualTo(a.size());
        for (int k = 0; k < a.size(); k++) {
            assertThat(b.background(k)).containsExactly(a.background(k));
            assertThat(b.truth(k)).containsExactly(a.truth(k));
        }
    }

    @Test
    void everySourceGivesOneSamplePerCycleAfterSpinUpTheSameForOneSeed() {
        for (String source : List.of("3dvar", "window", "nmc")) {
            Calibration.Outcome a = calibrate(3, "calibration.source=" + source);
            Calibration.Outcome b = calibrate(3, "calibration.source=" + source);
            assertThat(a.sampleSource()).isEqualTo(SampleSource.of(source));
            assertThat(a.samples().size()).as(source).isEqualTo(270);
            assertThat(a.samples().dimension()).isEqualTo(40);
            assertSameSamples(a.samples(), b.samples());
        }
        Calibration.Outcome m = calibrate(1, "calibration.source=method",
                "calibration.method={\"name\":\"etkf\",\"size\":10,\"inflation\":1.05}");
        assertThat(m.samples().size()).isEqualTo(270);
        assertThat(m.source()).startsWith("method etkf");
    }

    @Test
    void windowSamplesAreTheWindowsOwnAndWindowOneIsTodaysProtocol() {
        TwinSetting setting = Vaevar.setting(config("calibration.source=window"), ExperimentTest.OPTIONS);
        Calibration.Outcome threeD = Vaevar.setting(config(), ExperimentTest.OPTIONS).calibration(3);
        Calibration.Outcome one = setting.calibration(1);
        Calibration.Outcome three = setting.calibration(3);
        // Steps 1-2 are shared; window 1 is the 3dvar source bit for bit, window 3 collects 4D-Var's errors.
        assertSameSamples(threeD.samples(), one.samples());
        assertThat(three.looseRmseAnalysis()).isEqualTo(one.looseRmseAnalysis());
        assertThat(three.window()).isEqualTo(3);
        assertThat(three.samples().background(5)).isNotEqualTo(one.samples().background(5));
        assertThat(setting.priorContext(3).backgroundErrors().background(5))
                .containsExactly(three.samples().background(5));
        assertThat(setting.priorContext(1).backgroundErrors().background(5))
                .containsExactly(one.samples().background(5));
    }

    @Test
    void nmcSamplesAreForecastDifferencesThatNeverReadTheTruth() {
        // forecast(x, L) = 2^L x: at cycle c the short (lead 1) forecast is 2 a_{c-1}, the long (lead 3) 8 a_{c-3}.
        NmcCollector nmc = new NmcCollector(3, 1, 3, (x, lead) -> {
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= Math.pow(2, lead);
            }
            return y;
        });
        for (int c = 0; c < 6; c++) {
            double[] analysis = {c, -c};
            // A null truth: reading it would throw.
            nmc.cycle(new CycleObserver.Cycle(c, c, null, null, analysis, analysis, null, c, new double[] {c},
                    List.of(), null));
        }
        BackgroundErrorSamples s = nmc.samples();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.truth(0)).containsExactly(4.0, -4.0);
        assertThat(s.background(0)).containsExactly(0.0, 0.0);
        assertThat(s.correction(2)).containsExactly(2 * 4.0 - 8 * 2.0, -(2 * 4.0 - 8 * 2.0));
    }

    @Test
    void nmcSamplesDifferFromTheTruthErrors() {
        Calibration.Outcome truthErrors = calibrate(1);
        Calibration.Outcome nmc = calibrate(1, "calibration.source=nmc", "calibration.nmcLeads=[1,3]");
        assertThat(nmc.samples().size()).isEqualTo(truthErrors.samples().size());
        assertThat(nmc.sampleRunRmseAnalysis()).isEqualTo(truthErrors.sampleRunRmseAnalysis());
        assertThat(nmc.samples().truth(0)).isNotEqualTo(truthErrors.samples().truth(0));
    }

    @Test
    void badSourcesAreNamed() {
        assertThatThrownBy(() -> config("calibration.source=ensemble")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.source = ensemble").hasMessageContaining("3dvar, window, method, nmc");
        assertThatThrownBy(() -> config("calibration.source=method")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.source = method").hasMessageContaining("calibration.method");
        assertThatThrownBy(() -> config("calibration.source=nmc", "calibration.method={\"name\":\"etkf\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("calibration.source = nmc");
        assertThatThrownBy(() -> config("calibration.nmcLeads=[2,1]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.nmcLeads = [2, 1]");
        assertThatThrownBy(() -> config("calibration.nmcLeads=[1.5,2]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.nmcLeads");
        assertThatThrownBy(() -> config("calibration.rounds=-1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.rounds");
        assertThatThrownBy(() -> config("calibration.roundSamples=all")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.roundSamples = all");
        // calibration.method alone keeps its meaning.
        assertThat(config("calibration.method={\"name\":\"etkf\"}").calibration().source())
                .isEqualTo(SampleSource.METHOD);
        assertThat(config().calibration().source()).isEqualTo(SampleSource.THREE_D_VAR);
    }
}
