package org.vaevar.priors.gaussian;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.contract.BackgroundPriorContract;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;

/** The contract kit on the Gaussian prior, one nested class per covariance kind, each built by the provider. */
class GaussianPriorContractTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    static GaussianPrior build(Map<String, ?> raw, FakePriorContext context) {
        return (GaussianPrior) PLUGINS.prior("gaussian", raw, context);
    }

    /** The transform is affine: the kit requires its Taylor remainder to be rounding only. */
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
    class CirculantByFftAtN40 extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "circulant", "inflation", 0.8),
                    FakePriorContext.stationary(40, 200, 0, 0.0, 2.0, 41));
        }
    }

    @Nested
    class CirculantByFftAtN4000 extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "circulant", "mean", "sample"),
                    FakePriorContext.stationary(4000, 50, 0, 0.2, 5.0, 42));
        }
    }

    @Nested
    class CirculantClimatologyOddN extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "circulant-climatology", "inflation", 0.1),
                    FakePriorContext.stationary(41, 0, 300, 0.0, 1.5, 43));
        }
    }

    @Nested
    class LocalisedDense extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("localisation", 4.0, "regularization", 0),
                    FakePriorContext.synthetic(40, 15, 0, 0.0, 44));
        }
    }

    @Nested
    class LocalisedModulatedAtN40 extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("localisation", 4.0, "localisationMethod", "modulated",
                    "mean", "sample", "inflation", 2.0), FakePriorContext.synthetic(40, 15, 0, 0.3, 45));
        }
    }

    @Nested
    class LocalisedModulatedAtN4000 extends AffinePriorContract {
        @Override GaussianPrior build() {
            return GaussianPriorContractTest.build(Map.of("covariance", "climatology", "localisation", 10.0),
                    FakePriorContext.stationary(4000, 0, 12, 0.0, 3.0, 46));
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
