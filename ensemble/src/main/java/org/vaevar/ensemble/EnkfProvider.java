package org.vaevar.ensemble;

import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Enkf} as "enkf": size, inflation, rotation, centred, solver. */
public final class EnkfProvider extends EnsembleMethodProvider {

    static final String CENTRED = "centred";

    public EnkfProvider() {
        super(Enkf.NAME, "stochastic ensemble Kalman filter with perturbed observations",
                Parameter.flag(CENTRED, true, "subtract the mean of the observation perturbations (exact Kalman mean)"),
                Solver.parameter());
    }

    @Override
    AssimilationMethod create(EnsembleSettings settings, Parameters parameters, MethodContext context) {
        return new Enkf(context, settings, parameters.flag(CENTRED), Solver.from(parameters));
    }
}
