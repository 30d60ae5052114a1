package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.method.CycleOutcome;
import org.vaevar.api.method.InitialEnsemble;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.util.Seeds;

/** The hybrid's limits: β = 1 without localisation is the ETKF's (Kalman) mean update; bad input is refused. */
class HybridMethodTest {

    private static final int N = 12;
    private static final StoppingCriteria TIGHT = StoppingCriteria.defaults().withMaxIterations(500)
            .withMaxEvaluations(1000).withGradientTolerance(1e-12).withRelativeCostTolerance(0);

    private final DynamicalModel model = Fixtures.lorenz96(N);
    private final ObservationOperator h = Fixtures.operator("linear", 2, N);
    private final DiagonalObservationError r = Fixtures.unequalR(h.observationDimension());
    private final double[] y = Fixtures.observation(h.observationDimension(), 11);

    private AssimilationMethod hybrid(Map<String, Object> parameters) {
        MethodContext context = HybridFixtures.context(model, h, r, 1, HybridFixtures.staticPrior(N, 3), TIGHT);
        return Fixtures.PLUGINS.method("hybrid", parameters, context);
    }

    @Test
    void betaOneWithoutLocalisationIsTheKalmanMeanUpdateOfTheEnsemble() {
        int size = 8;
        long seed = 42;
        double[] xb = Fixtures.observation(N, 3); // any state
        CycleOutcome out = hybrid(Map.of("size", size, "beta", 1.0)).start(xb, seed).cycle(List.of(y));

        // The same initial members, re-centred on xb as the hybrid does, through the dense Kalman update.
        Ensemble e = new Ensemble(size, N, h.observationDimension());
        InitialEnsemble.draw(xb, 1.0, Seeds.stream(seed, InitialEnsemble.PURPOSE), e.members);
        double[] mean = e.meanOfMembers();
        for (double[] x : e.members) {
            for (int i = 0; i < N; i++) {
                x[i] = xb[i] + (x[i] - mean[i]);
            }
        }
        KalmanReference kalman = new KalmanReference(e.members, h, r, y);
        RealVector analysis = new ArrayRealVector(out.analysisStart());
        // L-BFGS stops where J no longer changes in double precision, which leaves the argmin within ~√ε of the
        // exact minimiser (here 1e-9 relative): the bound is that, not the 1e-12 of a closed form.
        assertThat(analysis.getDistance(kalman.mean) / kalman.mean.getNorm()).as("%s", out.diagnostics())
                .isLessThan(1e-8);
        // and it moved: the update is not the background
        assertThat(analysis.getDistance(new ArrayRealVector(xb))).isGreaterThan(0.1);
        assertThat(out.analysisSpread()).isLessThan(out.backgroundSpread());
    }

    @Test
    void theSameSeedGivesTheSameRunAndLocalisationChangesIt() {
        List<double[]> window = List.of(y);
        double[] xb = Fixtures.observation(N, 3);
        CycleOutcome a = hybrid(Map.of("size", 6, "beta", 0.5, "radius", 2.0)).start(xb, 1).cycle(window);
        CycleOutcome b = hybrid(Map.of("size", 6, "beta", 0.5, "radius", 2.0)).start(xb, 1).cycle(window);
        CycleOutcome c = hybrid(Map.of("size", 6, "beta", 0.5)).start(xb, 1).cycle(window);
        assertThat(a.nextBackground()).containsExactly(b.nextBackground());
        assertThat(a.analysisStart()).isNotEqualTo(c.analysisStart());
    }

    @Test
    void aRadiusWithoutAGridIsRefusedNamingTheParameter() {
        DynamicalModel l63 = Fixtures.lorenz63();
        ObservationOperator h3 = Fixtures.operator("linear", 1, 3);
        DiagonalObservationError r3 = Fixtures.unequalR(3);
        MethodContext context = HybridFixtures.context(l63, h3, r3, 1, HybridFixtures.staticPrior(3, 1), TIGHT);
        assertThatThrownBy(() -> Fixtures.PLUGINS.method("hybrid", Map.of("radius", 2.0), context))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("hybrid.radius = 2.0: model lorenz63 has no spatial grid");
        assertThatThrownBy(() -> Fixtures.PLUGINS.bind(PluginKind.METHOD, "hybrid", Map.of("beta", 1.5)))
                .hasMessageContaining("hybrid.beta = 1.5");
    }
}
