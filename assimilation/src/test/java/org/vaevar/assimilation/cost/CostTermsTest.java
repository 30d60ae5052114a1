package org.vaevar.assimilation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.CostTerms;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.util.Vectors;
import org.vaevar.assimilation.experiment.TestContexts;

/** J = Jb + Σ Jo,k as reported terms, and timing decorators that change no number. */
class CostTermsTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();
    private static final int INTERVAL = 5;
    private static final double WEIGHT = 1.3;
    private static final double NOISE = 0.7;

    private record Setup(DynamicalModel model, ObservationOperator h, DiagonalObservationError error,
                         ControlTransform transform, List<double[]> ys) {

        ObservationWindow window(ObservationOperator operator) {
            return new ObservationWindow(operator, error, ys, INTERVAL);
        }
    }

    private static Setup setup(int window) {
        DynamicalModel model = PLUGINS.model("lorenz96", Map.of());
        int n = model.dimension();
        ObservationOperator h = PLUGINS.observationOperator("arctan", Map.of("every", 2), n);
        SplittableRandom random = new SplittableRandom(3);
        double[] truth = model.forecast(model.randomState(random), 1000);
        BackgroundPrior prior = PLUGINS.prior("gaussian", Map.of("covariance", "samples", "inflation", 0.5),
                TestContexts.withSyntheticSamples(model, 300, 1.0, 5));
        double[] xb = truth.clone();
        for (int i = 0; i < n; i++) {
            xb[i] += random.nextGaussian();
        }
        var error = DiagonalObservationError.ofStandardDeviation(NOISE, h.observationDimension());
        List<double[]> ys = new ArrayList<>();
        double[] x = truth;
        for (int j = 0; j < window; j++) {
            if (j > 0) {
                x = model.forecast(x, INTERVAL);
            }
            ys.add(Vectors.plusScaled(h.apply(x), 1.0, error.sample(random)));
        }
        return new Setup(model, h, error, prior.at(xb), ys);
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 3})
    void theTermsAddUpToTheCostAndEachIsWhatItsFormulaSays(int window) {
        Setup s = setup(window);
        StrongConstraintCost cost = new StrongConstraintCost(s.transform(), s.model(), s.window(s.h()), WEIGHT);
        double[] v = s.transform().initialControl();
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.1 * Math.sin(i);
        }
        CostTerms b = cost.terms(v, cost.value(v));

        // Jb = ½‖v‖² for the Gaussian prior.
        assertThat(b.jb()).isCloseTo(0.5 * Vectors.dot(v, v), within(1e-12));
        // Jo = λ Σ_k ½ ‖H(x_k) − y_k‖² / σ², x_0 = T(v), x_k = M(x_{k−1}).
        double jo = 0;
        double[] x = s.transform().apply(v);
        for (int k = 0; k < window; k++) {
            if (k > 0) {
                x = s.model().forecast(x, INTERVAL);
            }
            double[] d = Vectors.minus(s.h().apply(x), s.ys().get(k));
            jo += WEIGHT * 0.5 * Vectors.dot(d, d) / (NOISE * NOISE);
        }
        assertThat(b.jo()).isCloseTo(jo, within(1e-9 * jo));
        assertThat(b.observations()).isEqualTo(window * s.h().observationDimension());
        assertThat(b.joPerObservation()).isCloseTo(jo / b.observations(), within(1e-9 * jo));
        assertThat(b.total()).isCloseTo(cost.value(v), within(1e-12 * cost.value(v)));
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 3})
    void timingDecoratorsChangeNoNumberAndChargeEveryComponent(int window) {
        Setup s = setup(window);
        CostTimer timer = new CostTimer();
        StrongConstraintCost plain = new StrongConstraintCost(s.transform(), s.model(), s.window(s.h()), WEIGHT);
        StrongConstraintCost timed = new StrongConstraintCost(TimedComponents.transform(s.transform(), timer),
                TimedComponents.model(s.model(), timer), s.window(TimedComponents.operator(s.h(), timer)), WEIGHT);
        double[] v = s.transform().initialControl();
        v[0] += 0.3;
        double[] g1 = new double[v.length];
        double[] g2 = new double[v.length];
        assertThat(timed.valueAndGradient(v, g2)).isEqualTo(plain.valueAndGradient(v, g1));
        assertThat(g2).isEqualTo(g1);
        assertThat(timed.value(v)).isEqualTo(plain.value(v));

        assertThat(timer.priorNanos()).isPositive();
        assertThat(timer.observationNanos()).isPositive();
        if (window > 1) {
            assertThat(timer.modelNanos()).isPositive();
            assertThat(timer.adjointNanos()).isPositive();
        } else {
            assertThat(timer.modelNanos()).isZero();
            assertThat(timer.adjointNanos()).isZero();
        }
    }
}
