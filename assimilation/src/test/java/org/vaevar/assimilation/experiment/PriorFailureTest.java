package org.vaevar.assimilation.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.Minimizer;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.method.VariationalMethod;

/** A prior that cannot be used at some background fails its run as a divergence at that cycle, with its reason. */
class PriorFailureTest {

    @Test
    void aPriorRefusingABackgroundEndsTheRunAsADivergenceAtThatCycle() {
        PluginRegistry plugins = PluginRegistry.discover();
        DynamicalModel model = plugins.model("lorenz63", Map.of());
        ObservationOperator h = plugins.observationOperator("linear", Map.of(), 3);
        DiagonalObservationError r = DiagonalObservationError.ofStandardDeviation(1.0, 3);
        BackgroundPrior gaussian = plugins.prior("gaussian", Map.of("covariance", "diagonal", "variance", 4.0),
                TestContexts.withSyntheticSamples(model, 10, 1.0, 1));
        BackgroundPrior failsAtCycleThree = new BackgroundPrior() {
            private int calls;
            @Override public String name() { return "flaky"; }
            @Override public int stateDimension() { return 3; }
            @Override public int controlDimension() { return 3; }
            @Override public ControlTransform at(double[] background) {
                if (calls++ == 3) {
                    throw new IllegalStateException("undefined at this background");
                }
                return gaussian.at(background);
            }
        };
        Minimizer lbfgs = plugins.minimizer("lbfgs", Map.of());
        CycledAssimilation ok = new CycledAssimilation(
                new VariationalMethod(model, h, r, gaussian, lbfgs, StoppingCriteria.defaults(), 10, 1, 1.0));
        CycledAssimilation flaky = new CycledAssimilation(
                new VariationalMethod(model, h, r, failsAtCycleThree, lbfgs, StoppingCriteria.defaults(), 10, 1, 1.0));
        TwinData data = new TwinFactory(model, h, r, 10, 500, 1.0).create(3, 10);
        assertThat(ok.run(data, 10, 2).cycleCount()).isEqualTo(10);
        assertThatThrownBy(() -> flaky.run(data, 10, 2))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("the prior flaky failed at cycle 3").hasMessageContaining("undefined at this background")
                .satisfies(e -> assertThat(((DivergenceException) e).cycle()).isEqualTo(3));
    }
}
