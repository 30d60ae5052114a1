package org.vaevar.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.ObservationOperatorProvider;

class ComponentSelectionTest {

    private static ComponentSelection fromRaw(Map<String, ?> raw, int n) {
        ObservationOperatorProvider p = new LinearObservationOperatorProvider();
        return ComponentSelection.from(p.parameters().bind(raw), n);
    }

    @Test
    void defaultSelectsEveryComponentInOrder() {
        assertThat(fromRaw(Map.of(), 5).indices()).containsExactly(0, 1, 2, 3, 4);
        assertThat(ComponentSelection.all(3).indices()).containsExactly(0, 1, 2);
    }

    @Test
    void everyKthFromAnOffsetStopsBelowN() {
        assertThat(fromRaw(Map.of("every", 3, "offset", 1), 10).indices()).containsExactly(1, 4, 7);
        assertThat(fromRaw(Map.of("every", 3, "offset", 0), 10).indices()).containsExactly(0, 3, 6, 9);
        assertThat(fromRaw(Map.of("every", "2"), 5).indices()).containsExactly(0, 2, 4);
        assertThat(fromRaw(Map.of("every", 40, "offset", 39), 40).indices()).containsExactly(39);
        assertThat(fromRaw(Map.of("every", 100), 40).indices()).containsExactly(0);
    }

    @Test
    void anExplicitListKeepsItsOrderAndOverridesEvery() {
        ComponentSelection s = fromRaw(Map.of("components", "5, 0,2", "every", 2, "offset", 1), 7);
        assertThat(s.indices()).containsExactly(5, 0, 2);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.index(0)).isEqualTo(5);
        assertThat(s.stateDimension()).isEqualTo(7);
        assertThat(fromRaw(Map.of("components", java.util.List.of(3, 1)), 4).indices()).containsExactly(3, 1);
    }

    @Test
    void anIndexOutOfRangeIsRefusedNamingItAndTheDimension() {
        assertThatThrownBy(() -> fromRaw(Map.of("components", "0,2,7"), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.components = [0, 2, 7]")
                .hasMessageContaining("component 7")
                .hasMessageContaining("dimension 5");
        assertThatThrownBy(() -> fromRaw(Map.of("components", "-1"), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("component -1");
        assertThatThrownBy(() -> ComponentSelection.of(4, 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("components = [1, 4]")
                .hasMessageContaining("dimension 4");
    }

    @Test
    void anEmptySelectionIsRefused() {
        assertThatThrownBy(() -> fromRaw(Map.of("components", "[]"), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.components = []")
                .hasMessageContaining("empty")
                .hasMessageContaining("dimension 5");
        assertThatThrownBy(() -> ComponentSelection.of(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void duplicatesAreRefused() {
        assertThatThrownBy(() -> fromRaw(Map.of("components", "1,3,1"), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.components = [1, 3, 1]")
                .hasMessageContaining("component 1 is listed twice");
    }

    @Test
    void badEveryAndOffsetAreRefusedByName() {
        assertThatThrownBy(() -> fromRaw(Map.of("every", 0), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.every = 0");
        assertThatThrownBy(() -> fromRaw(Map.of("offset", -1), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.offset = -1");
        assertThatThrownBy(() -> fromRaw(Map.of("offset", 5), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.offset = 5")
                .hasMessageContaining("dimension 5");
        assertThatThrownBy(() -> fromRaw(Map.of("every", "two"), 5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("linear.every = two");
        assertThatThrownBy(() -> ComponentSelection.every(5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every = 0");
    }

    @Test
    void aNonPositiveStateDimensionIsRefused() {
        assertThatThrownBy(() -> fromRaw(Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state dimension = 0");
    }
}
