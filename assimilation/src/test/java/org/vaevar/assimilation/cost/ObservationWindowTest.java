package org.vaevar.assimilation.cost;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.PluginRegistry;

class ObservationWindowTest {

    private final ObservationOperator h = PluginRegistry.discover().observationOperator("linear", Map.of(), 3);
    private final DiagonalObservationError r = DiagonalObservationError.ofStandardDeviation(1, 3);

    @Test
    void refusesNonFiniteObservationsNamingTheEntry() {
        assertThatThrownBy(() -> new ObservationWindow(h, r, List.of(new double[] {1, Double.NaN, 2}), 1))
                .hasMessage("observation y_0[1] = NaN: must be finite");
        assertThatThrownBy(() -> new ObservationWindow(h, r,
                List.of(new double[] {1, 2, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY}), 5))
                .hasMessage("observation y_1[2] = Infinity: must be finite");
    }

    @Test
    void refusesWronglySizedObservations() {
        assertThatThrownBy(() -> new ObservationWindow(h, r, List.of(new double[] {1, 2}), 1))
                .hasMessage("observation y_0 has 2 entries; expected 3");
    }

    @Test
    void refusesAnErrorOfAnotherDimension() {
        assertThatThrownBy(() -> new ObservationWindow(h, DiagonalObservationError.ofStandardDeviation(1, 2),
                List.of(new double[] {1, 2, 3}), 1)).hasMessageContaining("dimension 2");
    }

    @Test
    void refusesNegativeNoise() {
        assertThatThrownBy(() -> DiagonalObservationError.ofStandardDeviation(-0.5, 3))
                .hasMessage("observation noise standard deviation = -0.5: must be positive and finite");
    }
}
