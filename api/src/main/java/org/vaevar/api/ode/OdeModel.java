package org.vaevar.api.ode;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Checks;

/**
 * A {@link DynamicalModel} made of a {@link Tendency} integrated with {@link Rk4}: a new ODE model supplies its
 * tendency (with Jacobian and transpose actions), a name and a random initial state, nothing more.
 */
public abstract class OdeModel implements DynamicalModel {

    private final Rk4 integrator;

    protected OdeModel(Tendency tendency, double timeStep) {
        this.integrator = new Rk4(tendency, timeStep);
    }

    @Override
    public final int dimension() {
        return integrator.dimension();
    }

    @Override
    public final double timeStep() {
        return integrator.timeStep();
    }

    @Override
    public final double[] forecast(double[] x, int steps) {
        Checks.dimension(name() + " initial state", x, dimension());
        org.vaevar.api.NonFiniteStateException.requireFinite(name() + " state", x);
        return integrator.integrate(x, steps);
    }

    @Override
    public final void advance(double[] x, int steps) {
        Checks.dimension(name() + " state", x, dimension());
        integrator.integrateInPlace(x, steps);
    }

    @Override
    public final Linearization linearize(double[] x, int steps) {
        Checks.dimension(name() + " initial state", x, dimension());
        org.vaevar.api.NonFiniteStateException.requireFinite(name() + " state", x);
        return integrator.linearize(x, steps);
    }
}
