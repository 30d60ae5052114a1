package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.plugin.ModelProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Lorenz63} under the name "lorenz63"; parameters sigma, rho, beta, dt. */
public final class Lorenz63Provider implements ModelProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of(Lorenz63.NAME,
            Parameter.real("sigma", Lorenz63.STANDARD_SIGMA, "Prandtl number σ").positive(),
            Parameter.real("rho", Lorenz63.STANDARD_RHO, "scaled Rayleigh number ρ (chaotic at 28)"),
            Parameter.real("beta", Lorenz63.STANDARD_BETA, "geometric factor β").positive(),
            Parameter.real("dt", Lorenz63.STANDARD_DT, "RK4 time step (model time units per step)").positive());

    @Override
    public String name() {
        return Lorenz63.NAME;
    }

    @Override
    public String description() {
        return "Lorenz (1963) 3-variable chaotic convection model, RK4 with exact tangent-linear and adjoint";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public DynamicalModel create(Parameters parameters) {
        parameters.requireBoundFor(name());
        return new Lorenz63(parameters.real("sigma"), parameters.real("rho"), parameters.real("beta"),
                parameters.real("dt"));
    }
}
