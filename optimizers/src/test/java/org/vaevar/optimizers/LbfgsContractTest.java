package org.vaevar.optimizers;

import org.vaevar.api.Minimizer;
import org.vaevar.api.contract.MinimizerContract;

class LbfgsContractTest extends MinimizerContract {

    @Override
    protected Minimizer minimizer() {
        return Lbfgs.withDefaults();
    }
}
