package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/**
 * The kit on the smallest ring, n = 4, where every index is a wrapping one (the interior loops of the tendency
 * are empty or one point long): the boundary code alone must be right.
 */
class Lorenz96MinimalRingContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new Lorenz96(4, 8.0, 0.05);
    }
}
