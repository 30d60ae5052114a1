package org.vaevar.ensemble;

import java.util.Optional;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Letkf} as "letkf": size, inflation, rotation, radius, threads. */
public final class LetkfProvider implements AssimilationMethodProvider {

    static final String RADIUS = "radius";
    static final String THREADS = "threads";

    private static final ParameterSpec SPEC = ParameterSpec.of(Letkf.NAME, EnkfProvider.with(
            EnsembleSettings.parameters(20),
            Parameter.realOrInfinite(RADIUS, 4.0, "localisation length in grid distance units (Gaspari-Cohn half-width "
                    + "radius x sqrt(10/3)); Infinity for none").positive(),
            Parameter.integer(THREADS, 0, "threads for the local analyses (0 = all processors); results do not "
                    + "depend on it").nonNegative()));

    @Override
    public String name() {
        return Letkf.NAME;
    }

    @Override
    public String description() {
        return "local ETKF with Gaspari-Cohn localisation of R^-1 per grid point (needs a model grid)";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public Optional<String> tunableParameter() {
        return Optional.of(EnsembleSettings.INFLATION);
    }

    @Override
    public AssimilationMethod create(Parameters parameters, MethodContext context) {
        parameters.requireBoundFor(name());
        return new Letkf(context, EnsembleSettings.from(parameters), parameters.real(RADIUS),
                parameters.integer(THREADS));
    }
}
