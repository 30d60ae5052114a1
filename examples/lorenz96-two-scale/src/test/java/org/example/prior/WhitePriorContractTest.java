package org.example.prior;

import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.contract.BackgroundPriorContract;

/** The kit on the README's prior example. Its transform is affine in v, so it declares {@code linear()}. */
class WhitePriorContractTest extends BackgroundPriorContract {

    @Override
    protected BackgroundPrior prior() {
        return new WhitePrior(12, 0.7);
    }

    /** x = xb + σ v is affine: the Taylor remainder must then be rounding only, and the ε² slope is not asked. */
    @Override
    protected boolean linear() {
        return true;
    }
}
