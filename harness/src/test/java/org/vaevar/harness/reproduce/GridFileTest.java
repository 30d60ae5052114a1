package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ConfigText;
import org.vaevar.harness.io.Json;

/** A comparison-grid file is checked before anything runs; each refusal names the file and the dotted path. */
class GridFileTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discover(GridFileTest.class.getClassLoader());
    private static final Path SHIPPED = Path.of("..", GridFile.SHIPPED);

    @Test
    void theShippedFileIsTheClasspathGrid() {
        ComparisonGrid fromFile = GridFile.read(SHIPPED, REGISTRY);
        ComparisonGrid fromJar = GridFile.shipped(REGISTRY);
        for (Mode mode : Mode.values()) {
            assertThat(fromFile.settings(mode)).as(mode.id()).isEqualTo(fromJar.settings(mode));
            assertThat(fromFile.schedule(mode)).as(mode.id()).isEqualTo(fromJar.schedule(mode));
        }
        assertThat(fromFile.settings(Mode.FULL)).extracting(SettingSpec::id).doesNotHaveDuplicates().hasSize(22);
    }

    @Test
    void aChangedCopyChangesWhatRuns(@TempDir Path tmp) throws IOException {
        Map<String, Object> g = ConfigText.readObject(SHIPPED);
        object(object(object(g, "modes"), "smoke"), "schedule").put("evaluationCycles", 30);
        object(object(g, "gaussian"), "covariances").put("lorenz96", List.of("samples", "climatology"));
        setting(g, 10).put("interval", 7);
        Path file = tmp.resolve("changed.json");
        Json.write(file, g);
        ComparisonGrid changed = GridFile.read(file, REGISTRY);
        assertThat(changed.schedule(Mode.SMOKE).evaluationCycles()).isEqualTo(30);
        SettingSpec l96 = changed.settings(Mode.SMOKE).get(1);
        assertThat(changed.methods(l96, null).get(0).candidates()).extracting(MethodSpec.Candidate::label)
                .containsExactly("B samples", "B climatology");
        assertThat(changed.settings(Mode.FULL).get(10).id()).isEqualTo("l96-d5-e2-linear");
        assertThat(changed.settings(Mode.FULL).get(10).obsInterval()).isEqualTo(7);
    }

    @Test
    void aRepeatedSettingIdIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> setting(g, 3).put("id", "l63-d8-all-linear"),
                "settings[3].id = \"l63-d8-all-linear\": another setting has this id");
    }

    @Test
    void anUnknownFieldIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> setting(g, 3).put("intervall", 8), "settings[3].intervall: unknown field; known: ");
    }

    @Test
    void anEmptySettingsListIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> g.put("settings", List.of()), "settings = []: must not be empty");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> setting(g, 3).put("interval", "x"),
                "settings[3].interval = \"x\": must be a positive integer");
    }

    @Test
    void anUnknownPluginInACandidateIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> object(g, "gaussian").put("prior", "gausian"),
                "gaussian.prior = \"gausian\": unknown prior plugin gausian; known: ");
        refused(tmp, g -> object(object(object(object(g, "ensembleReference"), "systems"), "lorenz96"), "method")
                .put("name", "lektf"), "ensembleReference.systems.lorenz96.method.name = \"lektf\": unknown");
    }

    @Test
    void theShippedGridChoosesBetweenTwoSourcesExceptInSmoke() {
        ComparisonGrid g = GridFile.read(SHIPPED, REGISTRY);
        for (Mode mode : List.of(Mode.FULL, Mode.QUICK)) {
            assertThat(g.schedule(mode).sources().names()).as(mode.id()).containsExactly("window", "ensemble");
            assertThat(g.schedule(mode).sources().ensembleInflation()).isEqualTo(1.02);
        }
        assertThat(g.schedule(Mode.SMOKE).sources().names()).containsExactly("3dvar");
    }

    @Test
    void theEnsembleSourceSamplesTheSettingsReferenceMethodAtTheGivenInflation() {
        ComparisonGrid g = GridFile.read(SHIPPED, REGISTRY);
        Schedule quick = g.schedule(Mode.QUICK);
        var method = g.ensemble().systems().get("lorenz96").method();
        var c = quick.calibration("ensemble", method);
        assertThat(c.source()).isEqualTo(org.vaevar.assimilation.config.SampleSource.METHOD);
        assertThat(c.method()).isEqualTo(method.with("inflation", 1.02));
        assertThat(quick.calibration("window", method).source())
                .isEqualTo(org.vaevar.assimilation.config.SampleSource.WINDOW);
        assertThat(quick.calibration()).isEqualTo(quick.calibration("window", method));
    }

    @Test
    void aBadSourcesEntryIsRefusedNamingItsPath(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> object(g, "calibration").put("sources", List.of("window", "x")),
                "calibration.sources[1] = \"x\": must be one of 3dvar, window, nmc, ensemble");
        refused(tmp, g -> object(g, "calibration").put("sources", List.of()),
                "calibration.sources = []: must not be empty");
        refused(tmp, g -> object(g, "calibration").put("sources", List.of("window", "ensemble", "window")),
                "calibration.sources[2] = \"window\": names source window twice");
        refused(tmp, g -> object(g, "calibration").put("source", "window"),
                "calibration.sources = [");
    }

    @Test
    void aModeNamingAnUnknownSettingIsRefused(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> object(object(g, "modes"), "quick").put("settings", List.of("l63-d25-all-linaer")),
                "modes.quick.settings[0] = \"l63-d25-all-linaer\": not the id of a setting");
    }

    @Test
    void aScheduleTheRunCannotUseIsRefusedNamingItsMode(@TempDir Path tmp) throws IOException {
        refused(tmp, g -> object(object(object(g, "modes"), "smoke"), "schedule").put("evaluationSpinup", 30),
                "modes.smoke.schedule: evaluationCycles = 24, evaluationSpinup = 30");
    }

    /** Writes the shipped grid changed by {@code change} and checks the reader refuses it with {@code message}. */
    private static void refused(Path tmp, Consumer<Map<String, Object>> change, String message) throws IOException {
        Map<String, Object> g = ConfigText.readObject(SHIPPED);
        change.accept(g);
        Path file = tmp.resolve("grid.json");
        Json.write(file, g);
        assertThatThrownBy(() -> GridFile.read(file, REGISTRY)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> setting(Map<String, Object> g, int i) {
        return ((List<Map<String, Object>>) g.get("settings")).get(i);
    }
}
