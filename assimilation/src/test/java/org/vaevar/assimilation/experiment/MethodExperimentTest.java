package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;

/** Ensemble methods in experiments: config errors, tuning the method's scalar, calibration from an ensemble. */
class MethodExperimentTest {

    private static ExperimentConfig etkf(String... more) {
        List<String> overrides = new java.util.ArrayList<>(List.of("cycles=300", "spinupCycles=50"));
        overrides.addAll(List.of(more));
        return Presets.load("l96-sakov2008-etkf", overrides);
    }

    @Test
    void badMethodInputIsRefusedNamingTheSection() {
        assertThatThrownBy(() -> Vaevar.run(etkf("method.size=1"), ExperimentTest.OPTIONS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("method: etkf.size = 1: must be at least 2");
        assertThatThrownBy(() -> Vaevar.run(Presets.load("l63-sakov2012-etkf", List.of("method.name=letkf")),
                ExperimentTest.OPTIONS))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("method: letkf needs a model with a spatial grid");
        assertThatThrownBy(() -> Vaevar.run(etkf("method.name=enfk"), ExperimentTest.OPTIONS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("method: unknown assimilation method 'enfk'");
    }

    @Test
    void theMethodsInflationIsTunedByItsDeclaredNameAndByPath() {
        ExperimentResult r = Vaevar.run(etkf("tuning.parameter=method.inflation", "tuning.grid=[1.0,1.02]",
                "tuning.cycles=200", "tuning.spinupCycles=50"), ExperimentTest.OPTIONS);
        assertThat(r.tuning()).hasSize(2);
        assertThat(r.tunedLabel()).isEqualTo("method.inflation");
        assertThat(r.tuning().stream().mapToDouble(ExperimentResult.TuningPoint::rmseAnalysis).min().orElseThrow())
                .isEqualTo(r.tuning().stream().filter(p -> p.value() == ((Number) r.tunedValue()).doubleValue())
                        .findFirst().orElseThrow().rmseAnalysis());
        // A bare name means the method's scalar for an ensemble; no name means the declared one: same choice.
        ExperimentResult bare = Vaevar.run(etkf("tuning.parameter=inflation", "tuning.grid=[1.0,1.02]",
                "tuning.cycles=200", "tuning.spinupCycles=50"), ExperimentTest.OPTIONS);
        assertThat(bare.tunedValue()).isEqualTo(r.tunedValue());
        assertThat(bare.tuning()).isEqualTo(r.tuning());
        assertThat(r.calibration()).isNull(); // an ensemble needs no calibration
    }

    @Test
    void anEnsembleCanMakeTheCalibrationSamples() {
        ExperimentConfig c = Presets.load("l96-sakov2008", List.of("cycles=150", "spinupCycles=30",
                "calibration.cycles=300", "calibration.spinupCycles=50", "calibration.runs=1",
                "calibration.method={\"name\":\"etkf\",\"size\":30,\"inflation\":1.04,\"rotation\":true}", "tuning.grid=[4.0,16.0]"));
        ExperimentResult r = Vaevar.run(c, ExperimentTest.OPTIONS);
        assertThat(r.calibration().method().name()).isEqualTo("etkf");
        assertThat(r.calibration().samples().size()).isEqualTo(250);
        assertThat(r.summary().get("calibration").toString()).contains("samplesFrom=method etkf");
        // The ETKF's background errors are far smaller than 3D-Var's own, so their B needs a large inflation.
        assertThat(r.calibration().sampleRunRmseAnalysis().get(0)).isLessThan(0.3);
        assertThat(r.run().meanRmseAnalysis()).isLessThan(r.config().observations().noise());
    }
}
