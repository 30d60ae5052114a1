package org.vaevar.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

    /**
     * A provider that trusts what it is handed (it does not call {@link Parameters#requireBoundFor}) and keeps it,
     * so a test can see what the registry gave it.
     */
    private static final class TrustingMinimizer implements MinimizerProvider {
        private final String name;
        private final ParameterSpec spec;
        final List<Parameters> received = new ArrayList<>();

        TrustingMinimizer(String name, Parameter<?>... parameters) {
            this.name = name;
            this.spec = ParameterSpec.of(name, parameters);
        }

        @Override public String name() { return name; }
        @Override public String description() { return "keeps its parameters"; }
        @Override public ParameterSpec parameters() { return spec; }
        @Override public Minimizer create(Parameters parameters) {
            received.add(parameters);
            return null;
        }
    }

    @Test
    void listsNamesByKindSorted() {
        PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.MINIMIZER,
                List.of(new FakeMinimizer("lbfgs"), new FakeMinimizer("cg"))));
        assertThat(r.names(PluginKind.MINIMIZER)).containsExactly("cg", "lbfgs");
        assertThat(r.names(PluginKind.MODEL)).isEmpty();
        assertThat(r.lookup(PluginKind.MINIMIZER, "cg")).isEqualTo(new FakeMinimizer("cg"));
    }

    @Test
    void answersAnUnknownNameWithTheKnownOnes() {
        PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.MINIMIZER,
                List.of(new FakeMinimizer("lbfgs"), new FakeMinimizer("cg"))));
        assertThatThrownBy(() -> r.minimizer("bfgs", Map.of())).isInstanceOf(UnknownPluginException.class)
                .hasMessage("unknown minimizer 'bfgs'; known: cg, lbfgs");
        assertThatThrownBy(() -> r.bind(PluginKind.MINIMIZER, "bfgs", Map.of()))
                .hasMessage("unknown minimizer 'bfgs'; known: cg, lbfgs");
        assertThatThrownBy(() -> r.model("lorenz96", Map.of()))
                .hasMessage("unknown model 'lorenz96'; known: (none on the classpath)");
    }

    @Test
    void bindsWithTheNamedProvidersOwnSpec() {
        TrustingMinimizer a = new TrustingMinimizer("a", Parameter.integer("history", 5, "pairs kept").atLeast(1));
        TrustingMinimizer b = new TrustingMinimizer("b", Parameter.real("step", 1.0, "first step").positive());
        PluginRegistry r = PluginRegistry.of(Map.of(PluginKind.MINIMIZER, List.of(a, b)));

        r.minimizer("a", Map.of("history", "3"));
        assertThat(a.received).singleElement().satisfies(p -> {
            assertThat(p.plugin()).isEqualTo("a");
            assertThat(p.integer("history")).isEqualTo(3);
        });
        // b's parameter is not a's: refused by a's spec before a is called, naming a's known parameters
        assertThatThrownBy(() -> r.minimizer("a", Map.of("step", 0.5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("a.step: unknown parameter; known: history");
        assertThatThrownBy(() -> r.minimizer("a", Map.of("history", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("a.history = 0");
        assertThat(a.received).hasSize(1);
        assertThat(b.received).isEmpty();

        // and the other way round: a's parameter is not b's
        assertThatThrownBy(() -> r.minimizer("b", Map.of("history", 3)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("b.history: unknown parameter; known: step");
        r.minimizer("b", Map.of("step", 0.5));
        assertThat(b.received).singleElement().satisfies(p -> {
            assertThat(p.plugin()).isEqualTo("b");
            assertThat(p.real("step")).isEqualTo(0.5);
        });
        assertThat(r.bind(PluginKind.MINIMIZER, "b", Map.of()).plugin()).isEqualTo("b");
    }

    @Test
    void refusesAProviderWhoseSpecIsAnotherPlugins() {
        MinimizerProvider misnamed = new MinimizerProvider() {
            @Override public String name() { return "lbfgs"; }
            @Override public String description() { return "declares cg's parameters"; }
            @Override public ParameterSpec parameters() { return ParameterSpec.of("cg"); }
            @Override public Minimizer create(Parameters parameters) { throw new UnsupportedOperationException(); }
        };
        assertThatThrownBy(() -> PluginRegistry.of(Map.of(PluginKind.MINIMIZER, List.of(misnamed))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("minimizer plugin 'lbfgs'").hasMessageContaining("parameter spec of 'cg'");
    }

    @Test
    void withAddsProvidersUnderTheirKindAndRefusesATakenName() {
        PluginRegistry base = PluginRegistry.of(Map.of(PluginKind.MINIMIZER, List.of(new FakeMinimizer("lbfgs"))));
        PluginRegistry more = base.with(new FakeMinimizer("cg"));
        assertThat(more.names(PluginKind.MINIMIZER)).containsExactly("cg", "lbfgs");
        assertThat(base.names(PluginKind.MINIMIZER)).containsExactly("lbfgs");
        assertThatThrownBy(() -> base.with(new FakeMinimizer("lbfgs")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two minimizer plugins are named 'lbfgs'");
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
