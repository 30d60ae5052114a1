package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The kit on Lorenz 96 with n = 1000 (F = 8, dt = 0.05): boundary handling and rounding at scale. */
class Lorenz96LargeContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new Lorenz96(1000, 8.0, 0.05);
    }
}
