package org.vaevar.assimilation.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.contract.DerivativeChecks;
import org.vaevar.api.contract.Tolerances;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.util.Vectors;
import org.vaevar.assimilation.experiment.TestContexts;

/**
 * The whole-cost gradient check (docs/DESIGN.md §4) for 3D-Var (K = 1) and 4D-Var (K = 3) with every observation
 * operator, on both Lorenz models, with the Gaussian and with the VAE prior: the gradient by the adjoint sweep
 * matches central differences to 1e-6 at the best ε.
 */
class CostGradientTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    static Stream<Arguments> setups() {
        List<Arguments> all = new ArrayList<>();
        for (String model : List.of("lorenz63", "lorenz96")) {
            for (String operator : PLUGINS.names(org.vaevar.api.plugin.PluginKind.OBSERVATION_OPERATOR)) {
                for (int window : new int[] {1, 3}) {
                    all.add(Arguments.of(model, operator, window));
                }
            }
        }
        return all.stream();
    }

    /** Small VAE priors, trained once per model for a few epochs: the check needs a decoder, not a good one. */
    private static final java.util.Map<String, BackgroundPrior> VAES = new java.util.concurrent.ConcurrentHashMap<>();

    private static BackgroundPrior vae(DynamicalModel model, String modelName) {
        return VAES.computeIfAbsent(modelName, name -> PLUGINS.prior("vae", name.equals("lorenz96")
                        ? Map.of("architecture", "conv", "channels", 4, "conditional", true, "epochs", 2,
                                "cache", false)
                        : Map.of("width", 16, "conditional", true, "epochs", 2, "cache", false),
                TestContexts.withSyntheticSamples(model, 200, 1.0, 9)));
    }

    @ParameterizedTest(name = "{0} {1} window {2}")
    @MethodSource("setups")
    void gradientOfTheWholeCostIsExact(String modelName, String operatorName, int window) {
        checkWholeCost(modelName, operatorName, window, false);
    }

    /** VAE-3D-Var and VAE-4D-Var: the decoder's adjoint inside the whole cost (MLP on L63, convolution on L96). */
    @ParameterizedTest(name = "vae {0} {1} window {2}")
    @MethodSource("setups")
    void gradientOfTheWholeVaeCostIsExact(String modelName, String operatorName, int window) {
        checkWholeCost(modelName, operatorName, window, true);
    }

    private static void checkWholeCost(String modelName, String operatorName, int window, boolean vae) {
        DynamicalModel model = PLUGINS.model(modelName, Map.of());
        int n = model.dimension();
        ObservationOperator h = PLUGINS.observationOperator(operatorName, Map.of("every", 2), n);
        SplittableRandom random = new SplittableRandom(11);
        double[] truth = model.forecast(model.randomState(random), 1000);
        BackgroundPrior prior = vae ? vae(model, modelName) : PLUGINS.prior("gaussian",
                Map.of("covariance", "samples", "inflation", 0.5), TestContexts.withSyntheticSamples(model, 300, 1.0, 5));
        double[] xb = Vectors.plusScaled(truth, 1.0, gaussian(random, n, 1.0));
        List<double[]> ys = new ArrayList<>();
        double[] x = truth;
        int interval = 5;
        var error = DiagonalObservationError.ofStandardDeviation(0.7, h.observationDimension());
        for (int j = 0; j < window; j++) {
            if (j > 0) {
                x = model.forecast(x, interval);
            }
            ys.add(Vectors.plusScaled(h.apply(x), 1.0, error.sample(random)));
        }
        ControlTransform t = prior.at(xb);
        DifferentiableFunction cost = new StrongConstraintCost(t, model, new ObservationWindow(h, error, ys, interval),
                1.3);
        for (int trial = 0; trial < 3; trial++) {
            var check = DerivativeChecks.gradient(cost, gaussian(random, cost.dimension(), 0.5),
                    gaussian(random, cost.dimension(), 1.0));
            assertThat(check.bestError()).as("trial %d%n%s", trial, check.table())
                    .isLessThan(Tolerances.standard().gradient());
        }
    }

    /**
     * The structured B of large domains inside the whole cost, at n = 4000: the circulant B applied by FFT and the
     * localised sample B as a modulated ensemble (no n×n matrix), 3D-Var and 4D-Var.
     */
    @ParameterizedTest(name = "n 4000 covariance {0} window {1}")
    @org.junit.jupiter.params.provider.CsvSource({"circulant, 1", "circulant, 3", "localised, 1", "localised, 3"})
    void gradientOfTheWholeCostIsExactWithStructuredBAtN4000(String covariance, int window) {
        DynamicalModel model = PLUGINS.model("lorenz96", Map.of("n", 4000));
        int n = model.dimension();
        ObservationOperator h = PLUGINS.observationOperator("arctan", Map.of("every", 2), n);
        Map<String, Object> b = covariance.equals("circulant") ? Map.of("covariance", "circulant", "inflation", 0.5)
                : Map.of("covariance", "samples", "localisation", 8.0, "inflation", 0.5);
        BackgroundPrior prior = PLUGINS.prior("gaussian", b, TestContexts.withSyntheticSamples(model, 40, 1.0, 5));
        SplittableRandom random = new SplittableRandom(13);
        double[] truth = model.forecast(model.randomState(random), 500);
        double[] xb = Vectors.plusScaled(truth, 1.0, gaussian(random, n, 1.0));
        var error = DiagonalObservationError.ofStandardDeviation(0.7, h.observationDimension());
        List<double[]> ys = new ArrayList<>();
        double[] x = truth;
        for (int j = 0; j < window; j++) {
            if (j > 0) {
                x = model.forecast(x, 5);
            }
            ys.add(Vectors.plusScaled(h.apply(x), 1.0, error.sample(random)));
        }
        DifferentiableFunction cost = new StrongConstraintCost(prior.at(xb), model,
                new ObservationWindow(h, error, ys, 5), 1.0);
        var check = DerivativeChecks.gradient(cost, gaussian(random, cost.dimension(), 0.5),
                gaussian(random, cost.dimension(), 1.0));
        assertThat(check.bestError()).as("%s", check.table()).isLessThan(Tolerances.standard().gradient());
    }

    private static double[] gaussian(SplittableRandom r, int n, double s) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s * r.nextGaussian();
        }
        return v;
    }
}
