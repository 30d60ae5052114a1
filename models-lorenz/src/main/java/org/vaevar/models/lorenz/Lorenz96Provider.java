package org.vaevar.models.lorenz;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.plugin.ModelProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Lorenz96} under the name "lorenz96"; parameters n, forcing, dt. */
public final class Lorenz96Provider implements ModelProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of(Lorenz96.NAME,
            Parameter.integer("n", Lorenz96.STANDARD_N, "number of points on the ring (at least 4)").atLeast(4),
            Parameter.real("forcing", Lorenz96.STANDARD_FORCING, "constant forcing F (chaotic at 8)"),
            Parameter.real("dt", Lorenz96.STANDARD_DT, "RK4 time step (model time units per step)").positive());

    @Override
    public String name() {
        return Lorenz96.NAME;
    }

    @Override
    public String description() {
        return "Lorenz (1996) n-point ring with advection, damping and forcing, RK4 with exact tangent-linear"
                + " and adjoint";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public DynamicalModel create(Parameters parameters) {
        parameters.requireBoundFor(name());
        return new Lorenz96(parameters.integer("n"), parameters.real("forcing"), parameters.real("dt"));
    }
}
