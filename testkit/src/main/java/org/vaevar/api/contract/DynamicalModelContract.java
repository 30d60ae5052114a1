package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.DynamicalModel;

/**
 * The contract of a {@link DynamicalModel}: the whole {@link DifferentiableMapContract} for the model over
 * {@link #steps()} steps, linearised about states on the attractor, plus forecast consistency and determinism.
 */
public abstract class DynamicalModelContract extends DifferentiableMapContract {

    protected abstract DynamicalModel model();

    /** Steps of the linearised segment. */
    protected int steps() {
        return 10;
    }

    /** Burn-in steps from {@link DynamicalModel#randomState} before a linearisation point. */
    protected int burnIn() {
        return 500;
    }

    @Override
    protected final DifferentiableMap map() {
        return model().over(steps());
    }

    @Override
    protected double[] point(SplittableRandom random, DifferentiableMap map) {
        DynamicalModel model = model();
        return model.forecast(model.randomState(random), burnIn());
    }

    @Test
    protected void forecastOfZeroStepsIsTheState() {
        DynamicalModel model = model();
        double[] x = point(new SplittableRandom(seed()), null);
        assertThat(model.forecast(x, 0)).containsExactly(x);
    }

    @Test
    protected void forecastsCompose() {
        DynamicalModel model = model();
        double[] x = point(new SplittableRandom(seed()), null);
        double[] direct = model.forecast(x, 7);
        double[] composed = model.forecast(model.forecast(x, 3), 4);
        assertThat(composed).as("M_{0→7}(x) against M_{3→7}(M_{0→3}(x))").containsExactly(direct);
    }

    @Test
    protected void forecastDoesNotModifyItsInput() {
        DynamicalModel model = model();
        double[] x = point(new SplittableRandom(seed()), null);
        double[] copy = x.clone();
        model.forecast(x, 5);
        model.linearize(x, 5);
        assertThat(x).containsExactly(copy);
    }

    @Test
    protected void sameSeedGivesBitIdenticalStates() {
        DynamicalModel model = model();
        double[] a = model.forecast(model.randomState(new SplittableRandom(seed())), 200);
        double[] b = model.forecast(model.randomState(new SplittableRandom(seed())), 200);
        assertThat(a).containsExactly(b);
    }

    @Test
    protected void timeStepIsPositive() {
        assertThat(model().timeStep()).isPositive().isFinite();
        assertThat(model().dimension()).isPositive();
    }
}
