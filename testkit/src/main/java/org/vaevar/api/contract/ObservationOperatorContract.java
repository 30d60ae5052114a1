package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.ObservationOperator;

/** The contract of an {@link ObservationOperator}: the whole {@link DifferentiableMapContract} and dimensions. */
public abstract class ObservationOperatorContract extends DifferentiableMapContract {

    protected abstract ObservationOperator operator();

    @Override
    protected final DifferentiableMap map() {
        return operator();
    }

    @Test
    protected void dimensionsAreConsistent() {
        ObservationOperator h = operator();
        assertThat(h.observationDimension()).isPositive().isEqualTo(h.outputDimension());
        assertThat(h.stateDimension()).isPositive().isEqualTo(h.inputDimension());
        assertThat(h.apply(point(new SplittableRandom(seed()), h))).hasSize(h.observationDimension());
    }
}
