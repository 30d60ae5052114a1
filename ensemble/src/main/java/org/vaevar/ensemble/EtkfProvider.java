package org.vaevar.ensemble;

import java.util.Optional;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Etkf} as "etkf": size, inflation, rotation. */
public final class EtkfProvider implements AssimilationMethodProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of(Etkf.NAME, EnsembleSettings.parameters(20));

    @Override
    public String name() {
        return Etkf.NAME;
    }

    @Override
    public String description() {
        return "ensemble transform Kalman filter (deterministic symmetric square root, Hunt et al. 2007)";
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
        return new Etkf(context, EnsembleSettings.from(parameters));
    }
}
