package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.PluginRegistry;

/** Twin data made as the run asks for it is the same world, however much of it is held. */
class TwinDataTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();
    private static final DynamicalModel L63 = PLUGINS.model("lorenz63", Map.of());
    private static final ObservationOperator H = PLUGINS.observationOperator("linear", Map.of(), 3);
    private static final TwinFactory TWINS = new TwinFactory(L63, H, DiagonalObservationError.ofStandardDeviation(1.0, 3),
            2, 100, 1.0);

    /** Enough observation times that only the latest {@link TwinData#KEPT} are held. */
    private static final int LARGE = (int) (TwinData.HELD_DOUBLES / 6) + 1000;

    @Test
    void aWorldTooLargeToHoldGivesTheSameNumbersAsOneHeldWhole() {
        TwinData held = TWINS.create(5, 3000);
        TwinData streamed = TWINS.create(5, LARGE);
        assertThat(streamed.initialBackground()).containsExactly(held.initialBackground());
        for (int k = 0; k < 3000; k++) {
            assertThat(streamed.truth(k)).containsExactly(held.truth(k));
            assertThat(streamed.observation(k)).containsExactly(held.observation(k));
        }
        // Going back before the held times regenerates the same world from its start.
        double[] late = streamed.truth(2999).clone();
        assertThat(streamed.truth(7)).containsExactly(held.truth(7));
        assertThat(streamed.observation(1500)).containsExactly(held.observation(1500));
        assertThat(streamed.truth(2999)).containsExactly(late);
    }

    @Test
    void timesOutsideTheWorldAreRefused() {
        TwinData d = TWINS.create(5, 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.truth(10))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("observation time 10 of 10");
    }
}
