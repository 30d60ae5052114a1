package org.vaevar.priors.gaussian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginRegistry;

/** Bad parameters and missing or unusable inputs give one clear error naming what is wrong. */
class GaussianPriorProviderTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private GaussianPrior create(Map<String, ?> raw, FakePriorContext context) {
        return (GaussianPrior) PLUGINS.prior("gaussian", raw, context);
    }

    @Test
    void badParameterValuesAreRefusedByName() {
        FakePriorContext context = FakePriorContext.synthetic(3, 10, 10, 0.0, 31);
        assertThatThrownBy(() -> create(Map.of("covariance", "ensemble"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = ensemble: must be one of [samples, climatology,"
                        + " diagonal, circulant, circulant-climatology]");
        assertThatThrownBy(() -> create(Map.of("inflation", 0), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.inflation = 0: must be positive");
        assertThatThrownBy(() -> create(Map.of("inflation", "NaN"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.inflation = NaN: must be finite");
        assertThatThrownBy(() -> create(Map.of("variance", -1.0), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.variance = -1.0: must be positive");
        assertThatThrownBy(() -> create(Map.of("regularization", -0.1), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.regularization = -0.1: must be non-negative");
        assertThatThrownBy(() -> create(Map.of("mean", "biased"), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.mean = biased: must be one of [zero, sample]");
    }

    @Test
    void aMissingCalibrationIsReportedWithThePriorsName() {
        FakePriorContext none = new FakePriorContext(4, null, null);
        for (String kind : new String[] {"samples", "circulant"}) {
            assertThatThrownBy(() -> create(Map.of("covariance", kind), none))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gaussian prior (covariance=" + kind + ") needs background-error samples")
                    .hasMessageContaining("this experiment has no calibration run")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> create(Map.of("covariance", "diagonal", "mean", "sample"), none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs background-error samples");
        for (String kind : new String[] {"climatology", "circulant-climatology"}) {
            assertThatThrownBy(() -> create(Map.of("covariance", kind), none))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("gaussian prior (covariance=" + kind + ") needs a climatology")
                    .hasMessageContaining("this experiment has no climatology run");
        }
        // A diagonal prior with zero mean needs nothing from the experiment.
        assertThat(create(Map.of("covariance", "diagonal"), none).stateDimension()).isEqualTo(4);
    }

    @Test
    void unusableSamplesAreRefused() {
        BackgroundErrorSamples four = FakePriorContext.synthetic(4, 10, 0, 0.0, 32).backgroundErrors();
        assertThatThrownBy(() -> create(Map.of(), new FakePriorContext(5, four, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian: background-error samples have dimension 4 but the state has"
                        + " dimension 5");
        assertThatThrownBy(() -> create(Map.of(), FakePriorContext.withCorrections(new double[][] {{1, 2}})))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = samples: background-error: 1 sample; at least 2 needed");
        assertThatThrownBy(() -> create(Map.of("covariance", "circulant"),
                FakePriorContext.withCorrections(new double[][] {{1, 2}, {1, 2}, {1, 2}})))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = circulant: the estimated covariance is zero");
        assertThatThrownBy(() -> create(Map.of("covariance", "circulant"),
                FakePriorContext.withCorrections(new double[][] {{1, 2}})))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = circulant: background-error: 1 sample; at least 2 needed");
        assertThatThrownBy(() -> create(Map.of("covariance", "circulant-climatology"),
                new FakePriorContext(2, null, new double[][] {{1, 2}, {3, Double.NaN}})))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = circulant-climatology: climatology sample 1[1] = NaN");
    }

    @Test
    void unusableClimatologyIsRefused() {
        double[][] bad = {{1, 2}, {3, 4}, {5, Double.POSITIVE_INFINITY}};
        assertThatThrownBy(() -> create(Map.of("covariance", "climatology"), new FakePriorContext(2, null, bad)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("gaussian.covariance = climatology: climatology sample 2[1] = Infinity");
        assertThatThrownBy(() -> create(Map.of("covariance", "climatology"),
                new FakePriorContext(3, null, new double[][] {{1, 2}, {3, 4}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("climatology states have dimension 2 but the state has dimension 3");
        assertThatThrownBy(() -> create(Map.of("covariance", "climatology"),
                new FakePriorContext(2, null, new double[0][])))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no climatology states");
    }

    @Test
    void isFoundByTheRegistry() {
        assertThat(PLUGINS.priorProvider("gaussian")).isInstanceOf(GaussianPriorProvider.class);
    }
}
