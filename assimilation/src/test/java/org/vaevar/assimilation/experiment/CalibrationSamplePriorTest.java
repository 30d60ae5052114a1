package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.CalibrationConfig;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;

/** The calibration's sample-making prior is configuration, scaled through the scalar its provider declares. */
class CalibrationSamplePriorTest {

    @Test
    void theDefaultIsTheGaussianSampleCovariance() {
        assertThat(ExperimentTest.shortened("l96-3dvar").calibration().samplePrior())
                .isEqualTo(CalibrationConfig.SAMPLE_PRIOR);
    }

    @Test
    void aLocalisedSampleBCalibratesAndChangesTheSamples() {
        ExperimentConfig plain = ExperimentTest.shortened("l96-3dvar", "tuning.grid=[1.0]",
                "calibration.scaleGrid=[0.5,1,2]");
        ExperimentConfig localised = ExperimentTest.shortened("l96-3dvar", "tuning.grid=[1.0]",
                "calibration.scaleGrid=[0.5,1,2]",
                "calibration.samplePrior={\"name\":\"gaussian\",\"covariance\":\"samples\",\"localisation\":4}");
        Calibration.Outcome a = Vaevar.setting(plain, ExperimentTest.OPTIONS).calibration();
        Calibration.Outcome b = Vaevar.setting(localised, ExperimentTest.OPTIONS).calibration();
        // Same loose run (step 1), another B in step 2: the scale curve differs, the samples stay as many.
        assertThat(b.looseRmseAnalysis()).isEqualTo(a.looseRmseAnalysis());
        assertThat(b.scaleRmse()).isNotEqualTo(a.scaleRmse());
        assertThat(b.samples().size()).isEqualTo(a.samples().size());
    }

    @Test
    void aBadSamplePriorIsNamedBeforeAnythingRuns() {
        ExperimentConfig c = ExperimentTest.shortened("l96-3dvar",
                "calibration.samplePrior={\"name\":\"gaussian\",\"localisaton\":4}");
        assertThatThrownBy(() -> Vaevar.setting(c, ExperimentTest.OPTIONS)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("calibration.samplePrior").hasMessageContaining("localisaton");
    }
}
