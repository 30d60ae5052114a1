package org.vaevar.priors.gaussian;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.contract.BackgroundPriorContract;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

/** The contract kit on the Gaussian prior, one nested class per covariance kind, each built by the provider. */
class GaussianPriorContractTest {

    static GaussianPrior build(Map<String, ?> raw, FakePriorContext context) {
        GaussianPriorProvider p = new GaussianPriorProvider();
        return (GaussianPrior) p.create(p.parameters().bind(raw), context);
    }

    /**
     * The transform is affine, so {@code linear()} is true. The kit's check for linear maps bounds
     * max over ε of ‖T(v+εdv) − T(v) − εT'dv‖ / (ε‖T'dv‖) by 1e-10; at ε = 1e-11 that measures the rounding of
     * T(v) = xb + μ + L v itself (≈ u‖T(v)‖ / ε ≈ 1e-5 for T(v) of order 1), not any nonlinearity, and fails for
     * every affine map with a value of order 1. T' = L depends on neither v nor xb, so we run the kit with
     * xb = −μ (the offset xb + μ is then exactly 0) and at controls of size 1e-8 (so ‖T(v)‖ ≈ 1e-8 and its
     * rounding ≈ 1e-24, far below ε‖L dv‖; not exactly 0, where ∇P = 0 would void the kit's penalty check, whose
     * central difference is exact for a quadratic anyway). The check then tests what it means to: T(v + εdv) −
     * T(v) = εL dv. The transform at random xb and v of order 1 is checked against hand computations in
     * GaussianPriorTest.
     */
    abstract static class AffinePriorContract extends BackgroundPriorContract {
        private GaussianPrior prior;

        abstract GaussianPrior build();

        @Override protected final BackgroundPrior prior() {
            if (prior == null) {
                prior = build();
            }
            return prior;
        }

        @Override protected boolean linear() {
            return true;
        }

        @Override protected double[] background(SplittableRandom random) {
            double[] mu = ((GaussianPrior) prior()).meanCorrection();
            for (int i = 0; i < mu.length; i++) {
                mu[i] = -mu[i];
            }
            return mu;
        }

        @Override protected double[] point(SplittableRandom random, DifferentiableMap map) {
            return gaussian(random, map.inputDimension(), 1e-8);
        }
    }

    @Nested
    class Samples extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of(), FakePriorContext.synthetic(6, 40, 0, 0.0, 1));
        }
    }

    @Nested
    class SamplesFewerThanDimensionWithSampleMean extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("mean", "sample", "inflation", 1.7, "regularization", 1e-3),
                    FakePriorContext.synthetic(8, 5, 0, 0.5, 2));
        }
    }

    @Nested
    class Climatology extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "climatology", "inflation", 0.3),
                    FakePriorContext.synthetic(6, 0, 60, 0.0, 3));
        }
    }

    @Nested
    class Diagonal extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "diagonal", "variance", 2.5),
                    new FakePriorContext(7, null, null));
        }
    }

    @Nested
    class Circulant extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "circulant", "mean", "sample"),
                    FakePriorContext.synthetic(10, 30, 0, -0.3, 4));
        }
    }

    @Nested
    class Provider extends PluginProviderContract {
        @Override protected PluginProvider provider() {
            return new GaussianPriorProvider();
        }

        @Override protected PluginKind kind() {
            return PluginKind.PRIOR;
        }
    }
}
