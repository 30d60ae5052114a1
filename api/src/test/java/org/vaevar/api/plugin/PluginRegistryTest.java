package org.vaevar.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Minimizer;

class PluginRegistryTest {

    private record FakeMinimizer(String name) implements MinimizerProvider {
        @Override public String description() { return "fake"; }
        @Override public ParameterSpec parameters() { return ParameterSpec.of(name); }
        @Override public Minimizer create(Parameters parameters) { throw new UnsupportedOperationException(); }
    }

    @Test
    void listsNamesByKindSorted() {
        PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.MINIMIZER,
                List.of(new FakeMinimizer("lbfgs"), new FakeMinimizer("cg"))));
        assertThat(r.names(PluginKind.MINIMIZER)).containsExactly("cg", "lbfgs");
        assertThat(r.names(PluginKind.MODEL)).isEmpty();
        assertThat(r.minimizer("cg")).isEqualTo(new FakeMinimizer("cg"));
    }

    @Test
    void answersAnUnknownNameWithTheKnownOnes() {
        PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.MINIMIZER,
                List.of(new FakeMinimizer("lbfgs"), new FakeMinimizer("cg"))));
        assertThatThrownBy(() -> r.minimizer("bfgs")).isInstanceOf(UnknownPluginException.class)
                .hasMessage("unknown minimizer 'bfgs'; known: cg, lbfgs");
        assertThatThrownBy(() -> r.model("lorenz96")).hasMessage("unknown model 'lorenz96'; known: (none on the classpath)");
    }

    @Test
    void refusesDuplicateNamesAtStartUp() {
        assertThatThrownBy(() -> PluginRegistry.of(Map.of(PluginKind.MINIMIZER,
                List.of(new FakeMinimizer("lbfgs"), new FakeMinimizer("lbfgs")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two minimizer plugins are named 'lbfgs'");
    }

    @Test
    void discoveryOnTheApiAloneFindsNothing() {
        PluginRegistry r = PluginRegistry.discover(PluginRegistryTest.class.getClassLoader());
        for (PluginKind kind : PluginKind.values()) {
            assertThat(r.names(kind)).as(kind.label()).isEmpty();
        }
    }
}
