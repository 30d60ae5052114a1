package org.vaevar.ensemble;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.SpatialGrid;
import org.vaevar.api.contract.BackgroundPriorContract;
import org.vaevar.api.contract.DifferentiableFunctionContract;

/**
 * The contract kit on the hybrid control transform, localised and not: Taylor and adjoint tests of
 * x = xb + √(1−β)(T_s(v) − xb) + √β Σ x'_k ∘ (C^{1/2} α_k), its penalty's gradient, and the whole 3D-Var cost's
 * gradient through it with a nonlinear observation operator (arctan).
 */
class HybridTransformContractTest {

    private static final int N = 12;
    private static final int MEMBERS = 6;

    static HybridControlTransform hybrid(double beta, boolean localised) {
        double[] xb = new double[N];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            xb[i] = 2 + random.nextGaussian();
        }
        LocalisationRoot root = localised
                ? new LocalisationRoot((SpatialGrid) Fixtures.lorenz96(N), N, 2.0) : null;
        return new HybridControlTransform(HybridFixtures.staticPrior(N, 3).at(xb), beta,
                HybridFixtures.anomalies(MEMBERS, N, 7), root);
    }

    @Nested
    class Localised extends BackgroundPriorContract {
        private final HybridControlTransform t = hybrid(0.6, true);

        @Override protected BackgroundPrior prior() { return HybridFixtures.fixed(t); }

        @Override protected double[] background(SplittableRandom random) { return t.background().clone(); }

        @Override protected boolean linear() { return true; } // affine in (v, α) for an affine static prior
    }

    @Nested
    class Unlocalised extends BackgroundPriorContract {
        private final HybridControlTransform t = hybrid(0.3, false);

        @Override protected BackgroundPrior prior() { return HybridFixtures.fixed(t); }

        @Override protected double[] background(SplittableRandom random) { return t.background().clone(); }

        @Override protected boolean linear() { return true; }
    }

    @Nested
    class WholeCost extends DifferentiableFunctionContract {
        @Override
        protected DifferentiableFunction function() {
            HybridControlTransform t = hybrid(0.6, true);
            ObservationOperator h = Fixtures.operator("arctan", 2, N);
            return HybridFixtures.cost3d(t, h, Fixtures.unequalR(h.observationDimension()),
                    Fixtures.observation(h.observationDimension(), 13));
        }
    }
}
