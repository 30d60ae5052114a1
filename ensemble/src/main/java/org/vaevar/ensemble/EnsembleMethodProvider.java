package org.vaevar.ensemble;

import java.util.Arrays;
import java.util.Optional;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/**
 * What the ensemble filters' providers share: the common parameters ({@link EnsembleSettings}: size, inflation,
 * rotation) plus a method's own, inflation as the default tunable scalar, and binding checked against the provider's spec.
 */
abstract class EnsembleMethodProvider implements AssimilationMethodProvider {

    private static final int DEFAULT_SIZE = 20;

    private final String name;
    private final String description;
    private final ParameterSpec spec;

    EnsembleMethodProvider(String name, String description, Parameter<?>... own) {
        Parameter<?>[] common = EnsembleSettings.parameters(DEFAULT_SIZE);
        Parameter<?>[] all = Arrays.copyOf(common, common.length + own.length);
        System.arraycopy(own, 0, all, common.length, own.length);
        this.name = name;
        this.description = description;
        this.spec = ParameterSpec.of(name, all);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ParameterSpec parameters() {
        return spec;
    }

    /** The ensemble's inflation; a method with a scalar of its own (the hybrid's β) declares that instead. */
    @Override
    public Optional<String> tunableParameter() {
        return Optional.of(EnsembleSettings.INFLATION);
    }

    @Override
    public final AssimilationMethod create(Parameters parameters, MethodContext context) {
        parameters.requireBoundFor(name);
        return create(EnsembleSettings.from(parameters), parameters, context);
    }

    /** The method with its common settings and its own parameters. */
    abstract AssimilationMethod create(EnsembleSettings settings, Parameters parameters, MethodContext context);
}
