package org.vaevar.assimilation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void everyShippedPresetIsIndexedAndReads() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("../experiments"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        assertThat(Presets.names()).as("experiments/presets.txt lists every preset file")
                .containsExactlyInAnyOrderElementsOf(files);
        for (String name : files) {
            ExperimentConfig c = Presets.load(name);
            assertThat(c.name()).isEqualTo(name);
            assertThat(c.description()).isNotBlank();
        }
    }

    @Test
    void overridesAnyFieldByItsDottedPath() {
        ExperimentConfig c = Presets.load("l96-3dvar", List.of("observations.noise=0.5", "model.forcing=7.5",
                "window=3", "tuning.grid=[1, 2]", "prior.covariance=circulant", "stopping.maxIterations=17"));
        assertThat(c.observations().noise()).isEqualTo(0.5);
        assertThat(c.model().parameters()).containsEntry("forcing", 7.5);
        assertThat(c.window()).isEqualTo(3);
        assertThat(c.tuning().grid()).containsExactly(1.0, 2.0);
        assertThat(c.prior().parameters()).containsEntry("covariance", "circulant");
        assertThat(c.stopping().maxIterations()).isEqualTo(17);
    }

    @Test
    void theTuningSearchBudgetAndSeedsAreReadAndBadValuesNamed() {
        ExperimentConfig c = Presets.load("l63-sakov2012", List.of("tuning.search=adaptive", "tuning.budget=9",
                "tuning.seeds=2", "tuning.grid=[0.25,0.5,1,2]", "tuning.rangeFactor=100"));
        assertThat(c.tuning().adaptive()).isTrue();
        assertThat(c.tuning().budget()).isEqualTo(9);
        assertThat(c.tuning().seeds()).isEqualTo(2);
        assertThat(c.tuning().rangeFactor()).isEqualTo(100.0);
        assertThat(ConfigReader.read(c.toMap()).tuning()).isEqualTo(c.tuning());
        // The defaults: the grid search, its budget the grid size, one seed; written as before.
        ExperimentConfig plain = Presets.load("l63-sakov2012");
        assertThat(plain.tuning().search()).isEqualTo(TuningConfig.Search.GRID);
        assertThat(plain.tuning().budget()).isEqualTo(plain.tuning().grid().size());
        assertThat(plain.tuning().seeds()).isEqualTo(1);
        assertThat(plain.tuning().toMap()).containsOnlyKeys("parameter", "grid", "cycles", "spinupCycles");
        Map<String, String> bad = Map.of(
                "tuning.search=golden", "tuning.search = golden: must be grid or adaptive",
                "tuning.budget=7", "tuning.budget = 7: the grid search evaluates the",
                "tuning.seeds=0", "tuning.seeds = 0: must be at least 1");
        bad.forEach((set, message) -> assertThatThrownBy(() -> Presets.load("l63-sakov2012", List.of(set)))
                .as(set).isInstanceOf(ConfigException.class).hasMessageContaining(message));
        Map<List<String>, String> adaptive = Map.of(
                List.of("tuning.budget=3", "tuning.grid=[0.5,1,2,4]"),
                "tuning.budget = 3: must be at least the 4 values of the coarse grid tuning.grid",
                List.of("tuning.grid=[0.5,1,2,4]"), "tuning.budget: required with tuning.search = adaptive",
                List.of("tuning.budget=6", "tuning.grid=[0,1,2]"), "tuning.grid = [0.0, 1.0, 2.0]: must be positive",
                List.of("tuning.budget=6", "tuning.grid=[2,1]"), "must be strictly increasing",
                List.of("tuning.budget=6", "tuning.grid=[1]"), "needs a coarse grid of at least two values",
                List.of("tuning.budget=6", "tuning.grid=[1,2]", "tuning.rangeFactor=0.5"),
                "tuning.rangeFactor = 0.5: must be finite and at least 1");
        adaptive.forEach((sets, message) -> {
            List<String> all = new java.util.ArrayList<>(List.of("tuning.search=adaptive"));
            all.addAll(sets);
            assertThatThrownBy(() -> Presets.load("l63-sakov2012", all)).as(sets.toString())
                    .isInstanceOf(ConfigException.class).hasMessageContaining(message);
        });
    }

    @Test
    void theObservationErrorIsGivenAsStandardDeviationOrVariance() {
        ExperimentConfig c = Presets.load("l63-3dvar", List.of("observations.noise=null", "observations.variance=2.25"));
        assertThat(c.observations().noise()).isEqualTo(1.5);
        assertThatThrownBy(() -> Presets.load("l63-3dvar", List.of("observations.variance=2")))
                .hasMessage("observations.noise and observations.variance are both given: give one");
        assertThatThrownBy(() -> Presets.load("l63-3dvar", List.of("observations.noise=null",
                "observations.variance=-1"))).hasMessage("observations.variance = -1.0: must be positive");
    }

    @Test
    void aTruthModelWithoutNameInheritsTheForecastModel() {
        ExperimentConfig c = Presets.load("l96-3dvar", List.of("truthModel.forcing=8.5"));
        assertThat(c.perfectModel()).isFalse();
        assertThat(c.truthModel().name()).isEqualTo("lorenz96");
        assertThat(c.truthModel().parameters()).containsEntry("forcing", 8.5).containsEntry("n", 40);
        assertThat(c.model().parameters()).containsEntry("forcing", 8.0);
    }

    @Test
    void refusesUnknownFieldsNamingThePathAndTheKnownOnes() {
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("observations.nosie=1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown config field 'observations.nosie'; known in observations: ")
                .hasMessageContaining("noise");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("cylces=10")))
                .hasMessageStartingWith("unknown config field 'cylces'");
    }

    @Test
    void refusesBadValuesNamingTheField() {
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("observations.noise=-1")))
                .hasMessage("observations.noise = -1.0: must be positive");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("window=0")))
                .hasMessage("window = 0: must be at least 1");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("cycles=ten")))
                .hasMessage("cycles = ten: must be an integer");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("observations.noise=NaN")))
                .hasMessage("observations.noise = NaN: must be finite");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("spinupCycles=5000")))
                .hasMessageContaining("spinupCycles = 5000");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("model")))
                .hasMessageContaining("expected path=value");
    }

    @Test
    void theBindingKeepsTheStrictNumbersAndNamesEverySection() {
        // Integers: written as a whole double or as text they read; a fraction is refused, never truncated.
        assertThat(Presets.load("l96-3dvar", List.of("cycles=1e3")).cycles()).isEqualTo(1000);
        assertThat(Presets.load("l96-3dvar", List.of("cycles=\"1200\"")).cycles()).isEqualTo(1200);
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("window=2.5")))
                .hasMessage("window = 2.5: must be an integer");
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("cycles=3000000000")))
                .hasMessage("cycles = 3000000000: too large: must be at most 2147483647");
        // Lists as --set gives them, and a null keeps the default as an absent field does.
        assertThat(Presets.load("l96-3dvar", List.of("calibration.scaleGrid=0.5, 1")).calibration().scaleGrid())
                .containsExactly(0.5, 1.0);
        assertThat(Presets.load("l96-3dvar", List.of("window=null")).window()).isEqualTo(1);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("stopping=3", "stopping = 3: must be an object");
        bad.put("prior=vae", "prior = vae: must be an object");
        bad.put("prior.name=null", "prior.name is missing");
        bad.put("stopping.maxIterations=0", "stopping.maxIterations = 0: must be positive");
        bad.put("calibration.scaleGrid=[1,x]", "calibration.scaleGrid = [1,x]: must be a list of finite numbers");
        bad.put("calibration.nmcLeads=[1.5,2]", "calibration.nmcLeads = 1.5: must be whole numbers");
        bad.put("calibration.source=foo", "calibration.source = foo: unknown; one of 3dvar, window, method, nmc");
        bad.put("expected={\"rmse\":1}", "expected.tolerance = NaN: must be positive and finite");
        bad.put("tuning.grid=[]", "tuning.grid: must not be empty");
        bad.forEach((set, message) -> assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of(set))).as(set)
                .isInstanceOf(ConfigException.class).hasMessage(message));
        // The known fields of a section in the order its record declares them.
        assertThatThrownBy(() -> Presets.load("l96-3dvar", List.of("stopping.foo=1"))).hasMessage("unknown config "
                + "field 'stopping.foo'; known in stopping: maxIterations, maxEvaluations, gradientTolerance, "
                + "relativeCostTolerance");
    }

    @Test
    void unknownPresetListsTheKnownOnes() {
        assertThatThrownBy(() -> Presets.load("l96-5dvar")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown preset 'l96-5dvar'; known: ").hasMessageContaining("l96-3dvar");
    }

    @Test
    void aJsonSyntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> ConfigReader.parseTree("{\n  \"seed\": 1,\n  \"model\": {\"name\" \"x\"}\n}", "f.json"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("f.json:3:");
    }

    @Test
    void roundTripsThroughItsMap() {
        ExperimentConfig c = Presets.load("l63-4dvar", List.of("truthModel.rho=30"));
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) ConfigReader.parseTree(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(c.toMap()).toString(), "round trip");
        assertThat(ConfigReader.read(tree)).isEqualTo(c);
    }
}
