package org.vaevar.ensemble;

import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Letkf} as "letkf": size, inflation, rotation, radius, threads, solver. */
public final class LetkfProvider extends EnsembleMethodProvider {

    static final String RADIUS = "radius";
    static final String THREADS = "threads";

    public LetkfProvider() {
        super(Letkf.NAME, "local ETKF with Gaspari-Cohn localisation of R^-1 per grid point (needs a model grid)",
                Parameter.realOrInfinite(RADIUS, 4.0, "localisation length in grid distance units (Gaspari-Cohn "
                        + "half-width radius x sqrt(10/3)); Infinity for none").positive(),
                Parameter.integer(THREADS, 0, "threads for the local analyses (0 = all processors); results do not "
                        + "depend on it").nonNegative(),
                Solver.parameter());
    }

    @Override
    AssimilationMethod create(EnsembleSettings settings, Parameters parameters, MethodContext context) {
        return new Letkf(context, settings, parameters.real(RADIUS), parameters.integer(THREADS), Solver.from(parameters));
    }
}
