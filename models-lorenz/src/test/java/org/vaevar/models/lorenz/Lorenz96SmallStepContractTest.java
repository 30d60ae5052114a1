package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The kit on Lorenz 96, n = 40, F = 8, dt = 0.01 (the other standard step), over 10 steps. */
class Lorenz96SmallStepContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new Lorenz96(40, 8.0, 0.01);
    }

    /** 20 time units, as the dt = 0.05 case gets from its 500 steps. */
    @Override
    protected int burnIn() {
        return 2000;
    }
}
