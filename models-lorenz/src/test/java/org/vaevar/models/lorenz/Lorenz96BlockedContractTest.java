package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The kit on Lorenz 96 with n = 10 000: more than one block, so the blocked (parallel) loops are checked. */
class Lorenz96BlockedContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new Lorenz96(10_000, 8.0, 0.05);
    }
}
