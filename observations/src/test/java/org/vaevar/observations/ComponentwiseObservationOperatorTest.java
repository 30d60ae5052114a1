package org.vaevar.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Linearization;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;

/** Values and explicit Jacobians against hand-written formulas, independent of the contract kit. */
class ComponentwiseObservationOperatorTest {

    private static final double[] X = {0.5, -1.25, 2.0, 3.5, -0.75, 0.0, 1.5};
    private static final int[] SELECTED = {5, 0, 3};

    private static void assertOperator(ObservationOperator h, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        assertThat(h.stateDimension()).isEqualTo(X.length);
        assertThat(h.observationDimension()).isEqualTo(SELECTED.length);
        double[] y = h.apply(X);
        Linearization lin = h.linearize(X);
        for (int j = 0; j < SELECTED.length; j++) {
            double xi = X[SELECTED[j]];
            assertThat(y[j]).as("y[%d]", j).isCloseTo(f.applyAsDouble(xi), within(1e-15));
            // Row j of H' applied to unit vectors e_k: h'(x_i) at k = i, 0 elsewhere.
            for (int k = 0; k < X.length; k++) {
                double[] e = new double[X.length];
                e[k] = 1;
                double expected = k == SELECTED[j] ? df.applyAsDouble(xi) : 0.0;
                assertThat(lin.apply(e)[j]).as("H'[%d][%d]", j, k).isCloseTo(expected, within(1e-15));
            }
            // Column j of H'ᵀ: the adjoint scatters dy_j to component i only.
            double[] ej = new double[SELECTED.length];
            ej[j] = 1;
            double[] back = lin.applyAdjoint(ej);
            for (int k = 0; k < X.length; k++) {
                double expected = k == SELECTED[j] ? df.applyAsDouble(xi) : 0.0;
                assertThat(back[k]).as("H'ᵀ[%d][%d]", k, j).isCloseTo(expected, within(1e-15));
            }
        }
    }

    private static ObservationOperator listed(String name) {
        return PluginRegistry.discover().observationOperator(name, Map.of("components", "5,0,3"), X.length);
    }

    @Test
    void linearSelects() {
        assertOperator(listed("linear"), s -> s, s -> 1.0);
        assertThat(listed("linear").apply(X)).containsExactly(0.0, 0.5, 3.5);
    }

    @Test
    void arctanAppliesArctanWithSlopeOneOverOnePlusSquare() {
        assertOperator(listed("arctan"), Math::atan, s -> 1 / (1 + s * s));
        // arctan(1) = π/4 exactly, arctan(0) = 0.
        var h = new ArctanObservationOperator(ComponentSelection.of(2, 1, 0));
        assertThat(h.apply(new double[] {0.0, 1.0})).containsExactly(Math.PI / 4, 0.0);
        assertThat(h.linearize(new double[] {0.0, 1.0}).apply(new double[] {1.0, 1.0}))
                .containsExactly(0.5, 1.0);
    }

    @Test
    void quadraticSquaresWithSlopeTwoX() {
        assertOperator(listed("quadratic"), s -> s * s, s -> 2 * s);
        assertThat(listed("quadratic").apply(X)).containsExactly(0.0, 0.25, 12.25);
    }

    @Test
    void inputsOfTheWrongDimensionAreRefused() {
        ObservationOperator h = listed("quadratic");
        assertThatThrownBy(() -> h.apply(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quadratic state has 3 entries; expected 7");
        Linearization lin = h.linearize(X);
        assertThatThrownBy(() -> lin.apply(new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 entries; expected 7");
        assertThatThrownBy(() -> lin.applyAdjoint(new double[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 7 entries; expected 3");
    }

    @Test
    void applyDoesNotModifyItsArgument() {
        double[] x = X.clone();
        listed("quadratic").linearize(x).applyAdjoint(new double[] {1, 2, 3});
        assertThat(x).containsExactly(X);
    }

    @Test
    void allThreeAreDiscoveredByName() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.names(PluginKind.OBSERVATION_OPERATOR)).contains("linear", "arctan", "quadratic");
        assertThat(registry.observationOperator("arctan", Map.of(), 4).name()).isEqualTo("arctan");
    }
}
