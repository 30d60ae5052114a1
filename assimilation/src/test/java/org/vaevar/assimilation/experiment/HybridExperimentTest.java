package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;

/**
 * The hybrid method in experiments: at β = 0 it is the variational method with the same static B (the ensemble
 * cycles alongside but carries no weight), the same seed gives the same run, and a localisation radius on a model
 * without a grid is a config error.
 */
class HybridExperimentTest {

    private static ExperimentConfig l96(String... more) {
        List<String> overrides = new ArrayList<>(List.of("cycles=80", "spinupCycles=20", "tuning=null",
                "prior.inflation=0.7", "calibration.runs=1", "calibration.cycles=300", "calibration.spinupCycles=50"));
        overrides.addAll(List.of(more));
        return Presets.load("l96-3dvar", overrides);
    }

    @Test
    void betaZeroIsTheVariationalMethodWithTheSameStaticB() {
        for (int window : new int[] {1, 3}) {
            List<CycleRecord> plain = ExperimentTest.records(l96("window=" + window));
            List<CycleRecord> hybrid = ExperimentTest.records(l96("window=" + window,
                    "method={\"name\":\"hybrid\",\"size\":10,\"beta\":0.0,\"radius\":4.0}"));
            assertThat(hybrid).hasSameSizeAs(plain);
            for (int c = 0; c < plain.size(); c++) {
                assertThat(hybrid.get(c).rmseAnalysis()).as("window %d cycle %d", window, c)
                        .isCloseTo(plain.get(c).rmseAnalysis(), org.assertj.core.data.Offset.offset(1e-12));
                assertThat(hybrid.get(c).rmseBackground())
                        .isCloseTo(plain.get(c).rmseBackground(), org.assertj.core.data.Offset.offset(1e-12));
            }
            assertThat(hybrid.get(hybrid.size() - 1).spreadAnalysis()).isFinite(); // the ensemble did cycle
        }
    }

    @Test
    void theEnsembleWeightChangesTheAnalysisAndASeedFixesIt() {
        ExperimentConfig c = l96("method={\"name\":\"hybrid\",\"size\":10,\"beta\":0.5,\"radius\":4.0}");
        List<CycleRecord> a = ExperimentTest.records(c);
        List<CycleRecord> b = ExperimentTest.records(c);
        assertThat(a).isEqualTo(b);
        List<CycleRecord> plain = ExperimentTest.records(l96());
        assertThat(a.get(a.size() - 1).rmseAnalysis()).isNotEqualTo(plain.get(plain.size() - 1).rmseAnalysis());
    }

    @Test
    void aRadiusOnLorenz63IsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Vaevar.run(Presets.load("l63-3dvar", List.of("tuning=null", "prior.inflation=1",
                "method={\"name\":\"hybrid\",\"radius\":2.0}")), ExperimentTest.OPTIONS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hybrid.radius = 2.0");
    }
}
