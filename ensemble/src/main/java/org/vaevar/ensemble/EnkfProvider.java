package org.vaevar.ensemble;

import java.util.Optional;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Enkf} as "enkf": size, inflation, rotation, centred. */
public final class EnkfProvider implements AssimilationMethodProvider {

    static final String CENTRED = "centred";

    private static final ParameterSpec SPEC = ParameterSpec.of(Enkf.NAME, with(EnsembleSettings.parameters(20),
            Parameter.flag(CENTRED, true, "subtract the mean of the observation perturbations (exact Kalman mean)")));

    @Override
    public String name() {
        return Enkf.NAME;
    }

    @Override
    public String description() {
        return "stochastic ensemble Kalman filter with perturbed observations";
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
        return new Enkf(context, EnsembleSettings.from(parameters), parameters.flag(CENTRED));
    }

    static Parameter<?>[] with(Parameter<?>[] base, Parameter<?>... more) {
        Parameter<?>[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
