package org.vaevar.assimilation.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Minimizer;
import org.vaevar.api.plugin.MinimizerProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;

/** Plugins name the config section in every refusal; Guice hands out the one registry it was given. */
class PluginsTest {

    private static final PluginRegistry DISCOVERED = PluginRegistry.discover();
    private final Plugins plugins = new Plugins(DISCOVERED);

    /** L-BFGS under another name that keeps the parameters it is handed (it does not check who bound them). */
    private static final class RecordingMinimizer implements MinimizerProvider {
        private static final ParameterSpec SPEC = ParameterSpec.of("recording",
                Parameter.integer("history", 3, "correction pairs kept").atLeast(1));
        final List<Parameters> received = new ArrayList<>();

        @Override public String name() { return "recording"; }
        @Override public String description() { return "L-BFGS that records its parameters"; }
        @Override public ParameterSpec parameters() { return SPEC; }
        @Override public Minimizer create(Parameters parameters) {
            received.add(parameters);
            return DISCOVERED.minimizer("lbfgs", Map.of("history", parameters.integer("history")));
        }
    }

    @Test
    void anUnknownNameNamesTheSectionAndListsTheKnownOnes() {
        assertThatThrownBy(() -> plugins.minimizer("minimizer", PluginConfig.of("bfgs")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("minimizer: unknown minimizer 'bfgs'; known: cg, lbfgs");
        assertThatThrownBy(() -> plugins.priorProvider("calibration.samplePrior", PluginConfig.of("gausian")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("calibration.samplePrior: unknown prior 'gausian'; known: gaussian");
    }

    @Test
    void aBadParameterNamesTheSectionAndTheParameter() {
        assertThatThrownBy(() -> plugins.model("truthModel", PluginConfig.of("lorenz96", "n", 3)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("truthModel: lorenz96.n = 3: must be at least 4");
        assertThatThrownBy(() -> plugins.validate("observations.operator", PluginKind.OBSERVATION_OPERATOR,
                PluginConfig.of("linear", "evry", 2)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("observations.operator: linear.evry: unknown parameter; known: ");
        // refused by the provider's factory (c1 < c2 is checked there), still named by section
        assertThatThrownBy(() -> plugins.minimizer("minimizer", PluginConfig.of("lbfgs", "c1", 0.6, "c2", 0.5)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("minimizer: lbfgs.c2 = 0.5: must exceed c1 = 0.6");
    }

    @Test
    void anotherPluginsParametersAreRefusedBeforeTheProviderIsCalled() {
        RecordingMinimizer recording = new RecordingMinimizer();
        Plugins withRecording = new Plugins(DISCOVERED.with(recording));
        assertThatThrownBy(() -> withRecording.minimizer("minimizer", PluginConfig.of("recording", "c2", 0.5)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("minimizer: recording.c2: unknown parameter; known: history");
        assertThat(recording.received).isEmpty();
        withRecording.minimizer("minimizer", PluginConfig.of("recording", "history", "5"));
        assertThat(recording.received).singleElement().satisfies(p -> {
            assertThat(p.plugin()).isEqualTo("recording");
            assertThat(p.integer("history")).isEqualTo(5);
        });
    }

    @Test
    void guiceCreatesTheConfiguredPluginFromTheRegistryItIsGiven() {
        RecordingMinimizer recording = new RecordingMinimizer();
        PluginRegistry registry = DISCOVERED.with(recording);
        Injector injector = Guice.createInjector(new PluginModule(registry), new ExperimentModule(
                Presets.load("l96-3dvar", List.of("minimizer.name=recording", "minimizer.history=4")),
                new RunOptions(Path.of("target", "test-cache"), ProgressListener.SILENT)));
        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(registry);
        assertThat(injector.getInstance(Plugins.class)).isSameAs(injector.getInstance(Plugins.class));
        assertThat(injector.getInstance(Minimizer.class).name()).isEqualTo("lbfgs");
        assertThat(recording.received).singleElement().satisfies(p -> assertThat(p.integer("history")).isEqualTo(4));
    }
}
