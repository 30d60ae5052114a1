package org.example.twoscale;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.plugin.ModelProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/**
 * Provides {@link TwoScaleLorenz96} under the name "lorenz96-two-scale". Registered in
 * {@code META-INF/services/org.vaevar.api.plugin.ModelProvider}.
 */
public final class TwoScaleLorenz96Provider implements ModelProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of(TwoScaleLorenz96.NAME,
            Parameter.integer("K", TwoScaleLorenz96.STANDARD_K, "number of slow variables X_k (at least 4)")
                    .atLeast(4),
            Parameter.integer("J", TwoScaleLorenz96.STANDARD_J, "fast variables Y_{j,k} per slow variable")
                    .atLeast(1),
            Parameter.real("h", TwoScaleLorenz96.STANDARD_H, "coupling strength between the scales"),
            Parameter.real("c", TwoScaleLorenz96.STANDARD_C, "time-scale ratio, fast to slow").positive(),
            Parameter.real("b", TwoScaleLorenz96.STANDARD_B, "amplitude ratio, slow to fast").positive(),
            Parameter.real("forcing", TwoScaleLorenz96.STANDARD_FORCING, "forcing F of the slow variables"),
            Parameter.real("dt", TwoScaleLorenz96.STANDARD_DT, "RK4 time step (model time units per step)")
                    .positive());

    @Override
    public String name() {
        return TwoScaleLorenz96.NAME;
    }

    @Override
    public String description() {
        return "two-scale Lorenz (1996): K slow and J·K fast variables, RK4 with exact tangent-linear and adjoint";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public DynamicalModel create(Parameters parameters) {
        parameters.requireBoundFor(name());
        return new TwoScaleLorenz96(parameters.integer("K"), parameters.integer("J"), parameters.real("h"),
                parameters.real("c"), parameters.real("b"), parameters.real("forcing"), parameters.real("dt"));
    }
}
