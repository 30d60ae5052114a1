package org.example.twoscale;

import java.util.SplittableRandom;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/**
 * The kit on the smallest rings (K 4, J 1: every index wraps around) with strong coupling and a long segment,
 * where a wrong wrap-around term in the adjoint could not hide.
 */
class SmallTwoScaleLorenz96ContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new TwoScaleLorenz96(4, 1, 2.0, 10.0, 10.0, 10.0, 0.005);
    }

    @Override
    protected int steps() {
        return 40;
    }

    /**
     * Perturbations of each variable's own size: N(0, 1) on the slow variables, N(0, 1) / b on the fast ones (the
     * default N(0, 1) everywhere would be ten times the fast variables' amplitude, so strongly nonlinear that the
     * Taylor remainder meets rounding before it gets small).
     */
    @Override
    protected double[] direction(SplittableRandom random, DifferentiableMap map) {
        return Perturbations.scaled(random, ((TwoScaleLorenz96) model()).slowVariables(), map.inputDimension(),
                10.0);
    }
}
