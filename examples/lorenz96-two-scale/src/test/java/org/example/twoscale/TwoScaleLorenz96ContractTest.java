package org.example.twoscale;

import java.util.SplittableRandom;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/**
 * The kit on the standard two-scale model (K 36, J 10, dt 0.005) over the default 10-step segment: TL(0) = 0,
 * AD(0) = 0, linearity, the Taylor test with its ε² slope, the adjoint dot-product test, forecast consistency.
 */
class TwoScaleLorenz96ContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return TwoScaleLorenz96.standard();
    }

    /** 5 time units from the random state: on the attractor. */
    @Override
    protected int burnIn() {
        return 1000;
    }

    /**
     * Perturbations of each variable's own size: N(0, 1) on the slow variables, N(0, 1) / b on the fast ones (the
     * default N(0, 1) everywhere would be ten times the fast variables' amplitude, so strongly nonlinear that the
     * Taylor remainder meets rounding before it gets small).
     */
    @Override
    protected double[] direction(SplittableRandom random, DifferentiableMap map) {
        return Perturbations.scaled(random, ((TwoScaleLorenz96) model()).slowVariables(), map.inputDimension(),
                TwoScaleLorenz96.STANDARD_B);
    }
}
