package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;

/** The provider contract for "lorenz63", plus its parameters: defaults, conversion, and refusals by name. */
class Lorenz63ProviderTest extends PluginProviderContract {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private final Lorenz63Provider provider = new Lorenz63Provider();

    @Override
    protected PluginProvider provider() {
        return provider;
    }

    @Override
    protected PluginKind kind() {
        return PluginKind.MODEL;
    }

    @Test
    void defaultsAreTheStandardSetting() {
        DynamicalModel m = PLUGINS.model("lorenz63", Map.of());
        assertThat(m).isInstanceOf(Lorenz63.class);
        Lorenz63 l = (Lorenz63) m;
        assertThat(l.name()).isEqualTo("lorenz63");
        assertThat(l.dimension()).isEqualTo(3);
        assertThat(l.sigma()).isEqualTo(10.0);
        assertThat(l.rho()).isEqualTo(28.0);
        assertThat(l.beta()).isEqualTo(8.0 / 3.0);
        assertThat(l.timeStep()).isEqualTo(0.01);
    }

    @Test
    void bindsJsonNumbersAndCommandLineStrings() {
        Lorenz63 l = (Lorenz63) PLUGINS.model("lorenz63", Map.of("sigma", "12", "rho", 99.96,
                "beta", "2.5", "dt", "0.005"));
        assertThat(l.sigma()).isEqualTo(12.0);
        assertThat(l.rho()).isEqualTo(99.96);
        assertThat(l.beta()).isEqualTo(2.5);
        assertThat(l.timeStep()).isEqualTo(0.005);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("sigma", 0.0, "lorenz63.sigma = 0.0: must be positive"),
                Arguments.of("sigma", -10.0, "lorenz63.sigma = -10.0: must be positive"),
                Arguments.of("sigma", Double.NaN, "lorenz63.sigma = NaN: must be finite"),
                Arguments.of("sigma", Double.POSITIVE_INFINITY, "lorenz63.sigma = Infinity: must be finite"),
                Arguments.of("rho", Double.NaN, "lorenz63.rho = NaN: must be finite"),
                Arguments.of("rho", "Infinity", "lorenz63.rho = Infinity: must be finite"),
                Arguments.of("rho", Double.NEGATIVE_INFINITY, "lorenz63.rho = -Infinity: must be finite"),
                Arguments.of("rho", "twenty-eight", "lorenz63.rho = twenty-eight: must be a real number"),
                Arguments.of("beta", 0.0, "lorenz63.beta = 0.0: must be positive"),
                Arguments.of("beta", -1.0, "lorenz63.beta = -1.0: must be positive"),
                Arguments.of("beta", Double.NaN, "lorenz63.beta = NaN: must be finite"),
                Arguments.of("dt", 0.0, "lorenz63.dt = 0.0: must be positive"),
                Arguments.of("dt", -0.01, "lorenz63.dt = -0.01: must be positive"),
                Arguments.of("dt", Double.NaN, "lorenz63.dt = NaN: must be finite"),
                Arguments.of("dt", Double.POSITIVE_INFINITY, "lorenz63.dt = Infinity: must be finite"),
                Arguments.of("dt", Double.NEGATIVE_INFINITY, "lorenz63.dt = -Infinity: must be finite"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badParameters")
    void refusesBadValuesByName(String name, Object value, String message) {
        assertThatThrownBy(() -> PLUGINS.model("lorenz63", Map.of(name, value)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(message);
    }

    @Test
    void refusesParametersBoundForAnotherPlugin() {
        var other = new Lorenz96Provider().parameters().defaults();
        assertThatThrownBy(() -> provider.create(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lorenz63").hasMessageContaining("lorenz96");
    }

    @Test
    void theConstructorRefusesWhatTheSpecRefuses() {
        assertThatThrownBy(() -> new Lorenz63(0, 28, 8.0 / 3, 0.01))
                .hasMessage("lorenz63.sigma = 0.0: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz63(10, Double.NaN, 8.0 / 3, 0.01))
                .hasMessage("lorenz63.rho = NaN: must be finite");
        assertThatThrownBy(() -> new Lorenz63(10, 28, -1, 0.01))
                .hasMessage("lorenz63.beta = -1.0: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz63(10, 28, 8.0 / 3, 0))
                .hasMessage("lorenz63.dt = 0.0: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz63(10, 28, 8.0 / 3, Double.POSITIVE_INFINITY))
                .hasMessage("lorenz63.dt = Infinity: must be positive and finite");
    }

    @Test
    void refusesNonFiniteStatesWhereTheyEnter() {
        DynamicalModel m = Lorenz63.standard();
        assertThatThrownBy(() -> m.forecast(new double[] {1, Double.NaN, 20}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lorenz63")
                .hasMessageContaining("[1] = NaN");
        assertThatThrownBy(() -> m.linearize(new double[] {1, 2, Double.NEGATIVE_INFINITY}, 1))
                .hasMessageContaining("[2] = -Infinity");
    }
}
