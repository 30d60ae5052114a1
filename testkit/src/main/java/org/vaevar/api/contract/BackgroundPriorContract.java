package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableMap;

/**
 * The contract of a {@link BackgroundPrior}: its control transform v ↦ T(v; xb) passes the whole
 * {@link DifferentiableMapContract} about controls near the initial one, its penalty passes the gradient check,
 * and the transform keeps the background it was built for.
 */
public abstract class BackgroundPriorContract extends DifferentiableMapContract {

    protected abstract BackgroundPrior prior();

    /** A background xb to condition on. Default: standard normal entries. */
    protected double[] background(SplittableRandom random) {
        return gaussian(random, prior().stateDimension(), 1.0);
    }

    /** Spread of the controls drawn about the initial control. */
    protected double controlSpread() {
        return 1.0;
    }

    protected final ControlTransform transform() {
        return prior().at(background(new SplittableRandom(seed() ^ 0x5bd1e995L)));
    }

    @Override
    protected final DifferentiableMap map() {
        return transform();
    }

    @Override
    protected double[] point(SplittableRandom random, DifferentiableMap map) {
        double[] v = ((ControlTransform) map).initialControl().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += controlSpread() * random.nextGaussian();
        }
        return v;
    }

    /** Where the penalty's gradient is checked. Default: the initial control plus standard normal entries. */
    protected double[] penaltyPoint(SplittableRandom random, ControlTransform t) {
        double[] v = t.initialControl().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += random.nextGaussian();
        }
        return v;
    }

    @Test
    protected void penaltyGradientIsCorrect() {
        ControlTransform t = transform();
        SplittableRandom random = new SplittableRandom(seed());
        for (int trial = 0; trial < trials(); trial++) {
            var check = DerivativeChecks.gradient(t.penalty(), penaltyPoint(random, t), direction(random, t));
            assertThat(check.bestError()).as("penalty gradient check, trial %d%n%s", trial, check.table())
                    .isLessThan(tolerances().gradient());
        }
    }

    @Test
    protected void transformKeepsItsBackgroundAndDimensions() {
        BackgroundPrior prior = prior();
        double[] xb = background(new SplittableRandom(seed()));
        ControlTransform t = prior.at(xb);
        assertThat(t.background()).containsExactly(xb);
        assertThat(t.inputDimension()).isEqualTo(prior.controlDimension());
        assertThat(t.outputDimension()).isEqualTo(prior.stateDimension());
        assertThat(t.initialControl()).hasSize(prior.controlDimension());
        assertThat(t.penalty().dimension()).isEqualTo(prior.controlDimension());
        double[] x0 = t.apply(t.initialControl());
        assertThat(x0).hasSize(prior.stateDimension());
        assertThat(org.vaevar.api.util.Vectors.allFinite(x0)).as("T(initial control) is finite").isTrue();
    }
}
