package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PluginKind;

/** Bad input is refused naming the field; the providers are discovered and declare their tunable scalar. */
class ParametersTest {

    @Test
    void theThreeMethodsAreDiscoveredAndTuneTheirInflation() {
        for (String name : new String[] {"enkf", "etkf", "letkf"}) {
            AssimilationMethodProvider p = Fixtures.PLUGINS.methodProvider(name);
            assertThat(p.tunableParameter()).contains("inflation");
            assertThat(p.usesPrior()).isFalse();
        }
        assertThat(Fixtures.PLUGINS.names(PluginKind.METHOD)).contains("enkf", "etkf", "letkf");
    }

    @Test
    void sizeInflationAndRadiusAreChecked() {
        assertThatThrownBy(() -> bind("etkf", Map.of("size", 1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("etkf.size = 1: must be at least 2");
        assertThatThrownBy(() -> bind("letkf", Map.of("inflation", 0)))
                .hasMessageContaining("letkf.inflation = 0: must be positive");
        assertThatThrownBy(() -> bind("letkf", Map.of("inflation", "Infinity")))
                .hasMessageContaining("letkf.inflation = Infinity: must be finite");
        assertThatThrownBy(() -> bind("letkf", Map.of("radius", -1.0)))
                .hasMessageContaining("letkf.radius = -1.0: must be positive");
        assertThat(bind("letkf", Map.of("radius", "Infinity")).real("radius")).isInfinite();
        assertThatThrownBy(() -> bind("enkf", Map.of("solver", "fast")))
                .hasMessageContaining("enkf.solver = fast: must be one of [commons, native]");
    }

    @Test
    void letkfRefusesAModelWithoutAGridNamingTheField() {
        var model = Fixtures.lorenz63();
        ObservationOperator h = Fixtures.operator("linear", 1, 3);
        assertThatThrownBy(() -> Fixtures.PLUGINS.method("letkf", Map.of(),
                Fixtures.context(model, h, DiagonalObservationError.ofStandardDeviation(1, 3), 25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letkf.radius").hasMessageContaining("model lorenz63 has none");
    }

    private static Parameters bind(String method, Map<String, ?> raw) {
        return Fixtures.PLUGINS.bind(PluginKind.METHOD, method, raw);
    }
}
