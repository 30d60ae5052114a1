package org.vaevar.ensemble;

import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Etkf} as "etkf": size, inflation, rotation, solver. */
public final class EtkfProvider extends EnsembleMethodProvider {

    public EtkfProvider() {
        super(Etkf.NAME, "ensemble transform Kalman filter (deterministic symmetric square root, Hunt et al. 2007)",
                Solver.parameter());
    }

    @Override
    AssimilationMethod create(EnsembleSettings settings, Parameters parameters, MethodContext context) {
        return new Etkf(context, settings, Solver.from(parameters));
    }
}
