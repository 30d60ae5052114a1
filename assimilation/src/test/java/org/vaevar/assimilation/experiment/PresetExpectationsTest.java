package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;

/** Every preset with an {@code expected} block gives that analysis RMSE for its own seed and cycles. */
class PresetExpectationsTest {

    static Stream<String> presetsWithExpectations() {
        return Presets.names().stream().filter(n -> Presets.load(n).expected() != null);
    }

    @ParameterizedTest
    @MethodSource("presetsWithExpectations")
    void presetGivesItsExpectedRmse(String preset) {
        assertExpectedRmse(preset, Presets.load(preset));
    }

    static Stream<String> ensemblePresetsWithExpectations() {
        return presetsWithExpectations().filter(n -> Presets.load(n).method() != null
                && SOLVED.contains(Presets.load(n).method().name()));
    }

    private static final List<String> SOLVED = List.of("enkf", "etkf", "letkf");

    /** The native solvers change the runs by rounding only, so each ensemble preset keeps its expected RMSE. */
    @ParameterizedTest
    @MethodSource("ensemblePresetsWithExpectations")
    void ensemblePresetWithTheNativeSolverGivesItsExpectedRmse(String preset) {
        ExperimentConfig config = Presets.load(preset);
        assertExpectedRmse(preset, config.withMethod(config.method().with("solver", "native")));
    }

    private static void assertExpectedRmse(String preset, ExperimentConfig loaded) {
        ExperimentConfig config = loaded;
        if (config.expected().cycles() > 0) {
            config = config.withCycles(config.expected().cycles(),
                    Math.min(config.spinupCycles(), config.expected().cycles() / 10));
        }
        double rmse = Vaevar.run(config, ExperimentTest.OPTIONS).run().meanRmseAnalysis();
        assertThat(rmse).as(preset).isCloseTo(config.expected().rmse(),
                org.assertj.core.data.Offset.offset(config.expected().tolerance()));
    }

    @org.junit.jupiter.api.Test
    void theEnsembleAndSakovPresetsCarryExpectations() {
        List<String> named = presetsWithExpectations().toList();
        assertThat(named).contains("l63-sakov2012-etkf", "l63-sakov2012-enkf", "l96-sakov2008-etkf",
                "l96-sakov2008-enkf", "l96-sakov2008-letkf", "l63-sakov2012", "l96-sakov2008");
    }
}
