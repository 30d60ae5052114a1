package org.vaevar.optimizers;

import org.vaevar.api.Minimizer;
import org.vaevar.api.contract.MinimizerContract;

class ConjugateGradientContractTest extends MinimizerContract {

    @Override
    protected Minimizer minimizer() {
        return CommonsMathConjugateGradient.withDefaults();
    }
}
