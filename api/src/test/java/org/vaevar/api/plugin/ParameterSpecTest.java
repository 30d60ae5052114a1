package org.vaevar.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private final ParameterSpec spec = ParameterSpec.of("demo",
            Parameter.integer("n", 40, "grid points").atLeast(4),
            Parameter.real("dt", 0.05, "step").positive(),
            Parameter.flag("conditional", false, "condition on xb"),
            Parameter.text("activation", "tanh", "activation").oneOf("tanh", "relu"),
            Parameter.integers("components", null, "observed components"),
            Parameter.text("file", null, "model file"));

    @Test
    void fillsDefaults() {
        Parameters p = spec.defaults();
        assertThat(p.integer("n")).isEqualTo(40);
        assertThat(p.real("dt")).isEqualTo(0.05);
        assertThat(p.flag("conditional")).isFalse();
        assertThat(p.text("activation")).isEqualTo("tanh");
        assertThat(p.optionalIntegers("components")).isEmpty();
        assertThat(p.optionalText("file")).isEmpty();
    }

    @Test
    void convertsJsonValuesAndCommandLineStrings() {
        Parameters p = spec.bind(Map.of("n", "100", "dt", 0.01, "conditional", "true",
                "components", "0, 2,4", "file", "a.vae"));
        assertThat(p.integer("n")).isEqualTo(100);
        assertThat(p.real("dt")).isEqualTo(0.01);
        assertThat(p.flag("conditional")).isTrue();
        assertThat(p.integers("components")).containsExactly(0, 2, 4);
        assertThat(p.optionalText("file")).contains("a.vae");
        assertThat(spec.bind(Map.of("components", List.of(1, 3))).integers("components")).containsExactly(1, 3);
        assertThat(spec.bind(Map.of("n", 12.0)).integer("n")).isEqualTo(12);
    }

    @Test
    void aProviderRefusesParametersBoundForAnotherPlugin() {
        Parameters p = spec.defaults();
        assertThat(p.requireBoundFor("demo")).isSameAs(p);
        assertThatThrownBy(() -> p.requireBoundFor("lorenz96")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lorenz96 parameters: bound for 'demo'; bind them with lorenz96's own parameter spec");
    }

    @Test
    void tellsGivenParametersFromDefaults() {
        Parameters p = spec.bind(Map.of("n", 40));
        assertThat(p.isGiven("n")).isTrue();
        assertThat(p.isGiven("dt")).isFalse();
        assertThat(p.real("dt")).isEqualTo(0.05);
    }

    @Test
    void refusesBadValuesByName() {
        assertThatThrownBy(() -> spec.bind(Map.of("n", 3))).isInstanceOf(InvalidParameterException.class)
                .hasMessage("demo.n = 3: must be at least 4");
        assertThatThrownBy(() -> spec.bind(Map.of("dt", 0.0))).hasMessage("demo.dt = 0.0: must be positive");
        assertThatThrownBy(() -> spec.bind(Map.of("dt", "NaN"))).hasMessage("demo.dt = NaN: must be finite");
        assertThatThrownBy(() -> spec.bind(Map.of("dt", Double.POSITIVE_INFINITY)))
                .hasMessage("demo.dt = Infinity: must be finite");
        assertThatThrownBy(() -> spec.bind(Map.of("n", "forty"))).hasMessage("demo.n = forty: must be an integer");
        assertThatThrownBy(() -> spec.bind(Map.of("n", 4.5))).hasMessage("demo.n = 4.5: must be an integer");
        assertThatThrownBy(() -> spec.bind(Map.of("conditional", "maybe")))
                .hasMessage("demo.conditional = maybe: must be true or false");
        assertThatThrownBy(() -> spec.bind(Map.of("activation", "sigmoid")))
                .hasMessage("demo.activation = sigmoid: must be one of [tanh, relu]");
    }

    @Test
    void refusesUnknownNamesListingTheKnownOnes() {
        assertThatThrownBy(() -> spec.bind(Map.of("N", 40))).isInstanceOf(InvalidParameterException.class)
                .hasMessage("demo.N: unknown parameter; known: n, dt, conditional, activation, components, file");
    }

    @Test
    void refusesADefaultThatBreaksItsOwnRule() {
        ParameterSpec broken = ParameterSpec.of("broken", Parameter.integer("n", 2, "grid").atLeast(4));
        assertThatThrownBy(broken::defaults).hasMessage("broken.n = 2: must be at least 4");
    }

    @Test
    void refusesDuplicateDeclarations() {
        assertThatThrownBy(() -> ParameterSpec.of("dup", Parameter.flag("a", true, "x"), Parameter.flag("a", false, "y")))
                .hasMessageContaining("'a' declared twice");
    }

    @Test
    void aRuleOverSeveralParametersRunsWhenBindingAfterTheirOwnRules() {
        ParameterSpec window = ParameterSpec.of("w", Parameter.integer("kernel", 5, "k").positive(),
                Parameter.integer("window", 0, "w").nonNegative()).checkTogether(p -> {
                    if (p.integer("window") != 0 && p.integer("window") < p.integer("kernel")) {
                        throw new InvalidParameterException("w", "window", p.integer("window"),
                                "must be at least the kernel size " + p.integer("kernel"));
                    }
                });
        assertThat(window.bind(Map.of("window", 5)).integer("window")).isEqualTo(5);
        assertThat(window.defaults().integer("window")).isZero();
        assertThatThrownBy(() -> window.bind(Map.of("window", 3)))
                .hasMessage("w.window = 3: must be at least the kernel size 5");
        assertThatThrownBy(() -> window.bind(Map.of("window", -1))).hasMessage("w.window = -1: must be non-negative");
        assertThat(window.parameters()).extracting(Parameter::name).containsExactly("kernel", "window");
    }
}
