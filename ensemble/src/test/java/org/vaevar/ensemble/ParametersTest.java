package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginKind;

/** Bad input is refused naming the field; the providers are discovered and declare their tunable scalar. */
class ParametersTest {

    @Test
    void theThreeMethodsAreDiscoveredAndTuneTheirInflation() {
        for (String name : new String[] {"enkf", "etkf", "letkf"}) {
            AssimilationMethodProvider p = Fixtures.PLUGINS.method(name);
            assertThat(p.tunableParameter()).contains("inflation");
            assertThat(p.usesPrior()).isFalse();
        }
        assertThat(Fixtures.PLUGINS.names(PluginKind.METHOD)).contains("enkf", "etkf", "letkf");
    }

    @Test
    void sizeInflationAndRadiusAreChecked() {
        AssimilationMethodProvider letkf = Fixtures.PLUGINS.method("letkf");
        assertThatThrownBy(() -> Fixtures.PLUGINS.method("etkf").parameters().bind(Map.of("size", 1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("etkf.size = 1: must be at least 2");
        assertThatThrownBy(() -> letkf.parameters().bind(Map.of("inflation", 0)))
                .hasMessageContaining("letkf.inflation = 0: must be positive");
        assertThatThrownBy(() -> letkf.parameters().bind(Map.of("inflation", "Infinity")))
                .hasMessageContaining("letkf.inflation = Infinity: must be finite");
        assertThatThrownBy(() -> letkf.parameters().bind(Map.of("radius", -1.0)))
                .hasMessageContaining("letkf.radius = -1.0: must be positive");
        assertThat(letkf.parameters().bind(Map.of("radius", "Infinity")).real("radius")).isInfinite();
        assertThatThrownBy(() -> Fixtures.PLUGINS.method("enkf").parameters().bind(Map.of("solver", "fast")))
                .hasMessageContaining("enkf.solver = fast: must be one of [commons, native]");
    }

    @Test
    void letkfRefusesAModelWithoutAGridNamingTheField() {
        var model = Fixtures.lorenz63();
        ObservationOperator h = Fixtures.operator("linear", 1, 3);
        AssimilationMethodProvider letkf = Fixtures.PLUGINS.method("letkf");
        assertThatThrownBy(() -> letkf.create(letkf.parameters().defaults(),
                Fixtures.context(model, h, DiagonalObservationError.ofStandardDeviation(1, 3), 25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letkf.radius").hasMessageContaining("model lorenz63 has none");
    }
}
