package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The kit on Lorenz 96, n = 40, F = 8, dt = 0.05, over the default 10-step segment (0.5 time units). */
class Lorenz96ContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return Lorenz96.standard();
    }
}
