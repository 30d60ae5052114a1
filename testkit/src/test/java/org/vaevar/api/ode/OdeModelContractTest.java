package org.vaevar.api.ode;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.DynamicalModelContract;

/** The shared RK4 integrator's tangent-linear and adjoint pass the kit on a small nonlinear ODE. */
class OdeModelContractTest extends DynamicalModelContract {

    @Override
    protected DynamicalModel model() {
        return new DampedPendulumModel(5, 0.05);
    }

    @Override
    protected int burnIn() {
        return 20;
    }
}
