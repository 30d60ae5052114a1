package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The kit on Lorenz 63 (standard parameters) over the default 10-step segment (0.1 time units). */
class Lorenz63ContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return Lorenz63.standard();
    }
}
