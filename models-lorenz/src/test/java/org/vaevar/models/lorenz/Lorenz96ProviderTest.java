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

/** The provider contract for "lorenz96", plus its parameters: defaults, conversion, and refusals by name. */
class Lorenz96ProviderTest extends PluginProviderContract {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private final Lorenz96Provider provider = new Lorenz96Provider();

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
        DynamicalModel m = PLUGINS.model("lorenz96", Map.of());
        assertThat(m).isInstanceOf(Lorenz96.class);
        assertThat(m.name()).isEqualTo("lorenz96");
        assertThat(m.dimension()).isEqualTo(40);
        assertThat(((Lorenz96) m).forcing()).isEqualTo(8.0);
        assertThat(m.timeStep()).isEqualTo(0.05);
    }

    @Test
    void bindsJsonNumbersAndCommandLineStrings() {
        DynamicalModel m = PLUGINS.model("lorenz96", Map.of("n", "10000", "forcing", "10",
                "dt", "0.01"));
        assertThat(m.dimension()).isEqualTo(10000);
        assertThat(((Lorenz96) m).forcing()).isEqualTo(10.0);
        assertThat(m.timeStep()).isEqualTo(0.01);
        assertThat(PLUGINS.model("lorenz96", Map.of("n", 4.0)).dimension()).isEqualTo(4);
    }

    @Test
    void isFoundByNameInTheRegistry() {
        assertThat(PLUGINS.names(PluginKind.MODEL)).contains("lorenz96", "lorenz63");
        assertThat(PLUGINS.lookup(PluginKind.MODEL, "lorenz96")).isInstanceOf(Lorenz96Provider.class);
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("n", 3, "lorenz96.n = 3: must be at least 4"),
                Arguments.of("n", 0, "lorenz96.n = 0: must be at least 4"),
                Arguments.of("n", -40, "lorenz96.n = -40: must be at least 4"),
                Arguments.of("n", 40.5, "lorenz96.n = 40.5: must be an integer"),
                Arguments.of("n", "40.5", "lorenz96.n = 40.5: must be an integer"),
                Arguments.of("n", "forty", "lorenz96.n = forty: must be an integer"),
                Arguments.of("n", Double.NaN, "lorenz96.n = NaN: must be an integer"),
                Arguments.of("n", Double.POSITIVE_INFINITY, "lorenz96.n = Infinity: must be an integer"),
                Arguments.of("n", Double.NEGATIVE_INFINITY, "lorenz96.n = -Infinity: must be an integer"),
                Arguments.of("n", 99999999999L, "lorenz96.n = 99999999999: too large: must be between"
                        + " -2147483648 and 2147483647"),
                Arguments.of("n", "3e9", "lorenz96.n = 3e9: too large: must be between -2147483648 and 2147483647"),
                Arguments.of("dt", 0.0, "lorenz96.dt = 0.0: must be positive"),
                Arguments.of("dt", -0.05, "lorenz96.dt = -0.05: must be positive"),
                Arguments.of("dt", Double.NaN, "lorenz96.dt = NaN: must be finite"),
                Arguments.of("dt", "NaN", "lorenz96.dt = NaN: must be finite"),
                Arguments.of("dt", Double.POSITIVE_INFINITY, "lorenz96.dt = Infinity: must be finite"),
                Arguments.of("dt", "fast", "lorenz96.dt = fast: must be a real number"),
                Arguments.of("forcing", Double.NaN, "lorenz96.forcing = NaN: must be finite"),
                Arguments.of("forcing", Double.POSITIVE_INFINITY, "lorenz96.forcing = Infinity: must be finite"),
                Arguments.of("forcing", Double.NEGATIVE_INFINITY, "lorenz96.forcing = -Infinity: must be finite"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badParameters")
    void refusesBadValuesByName(String name, Object value, String message) {
        assertThatThrownBy(() -> PLUGINS.model("lorenz96", Map.of(name, value)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(message);
    }

    @Test
    void refusesParametersBoundForAnotherPlugin() {
        var other = new Lorenz63Provider().parameters().defaults();
        assertThatThrownBy(() -> provider.create(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lorenz96").hasMessageContaining("lorenz63");
    }

    @Test
    void theConstructorRefusesWhatTheSpecRefuses() {
        assertThatThrownBy(() -> new Lorenz96(3, 8, 0.05)).hasMessage("lorenz96.n = 3: must be at least 4");
        assertThatThrownBy(() -> new Lorenz96(40, Double.NaN, 0.05))
                .hasMessage("lorenz96.forcing = NaN: must be finite");
        assertThatThrownBy(() -> new Lorenz96(40, Double.NEGATIVE_INFINITY, 0.05))
                .hasMessage("lorenz96.forcing = -Infinity: must be finite");
        assertThatThrownBy(() -> new Lorenz96(40, 8, 0.0))
                .hasMessage("lorenz96.dt = 0.0: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz96(40, 8, -0.01))
                .hasMessage("lorenz96.dt = -0.01: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz96(40, 8, Double.NaN))
                .hasMessage("lorenz96.dt = NaN: must be positive and finite");
        assertThatThrownBy(() -> new Lorenz96(40, 8, Double.POSITIVE_INFINITY))
                .hasMessage("lorenz96.dt = Infinity: must be positive and finite");
    }

    @Test
    void refusesNonFiniteStatesWhereTheyEnter() {
        DynamicalModel m = Lorenz96.standard();
        double[] x = new double[40];
        x[17] = Double.NaN;
        assertThatThrownBy(() -> m.forecast(x, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lorenz96").hasMessageContaining("[17] = NaN");
        x[17] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> m.linearize(x, 1)).hasMessageContaining("[17] = Infinity");
        assertThatThrownBy(() -> m.forecast(new double[39], 1)).hasMessageContaining("39 entries; expected 40");
    }
}
