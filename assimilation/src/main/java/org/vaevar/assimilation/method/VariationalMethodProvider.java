package org.vaevar.assimilation.method;

import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/**
 * Provides {@link VariationalMethod} as "variational", the method of an experiment without a {@code method}
 * section: the experiment's prior, minimizer, stopping criteria and window. It has no parameters of its own.
 */
public final class VariationalMethodProvider implements AssimilationMethodProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of(VariationalMethod.NAME);

    @Override
    public String name() {
        return VariationalMethod.NAME;
    }

    @Override
    public String description() {
        return "3D-Var / strong-constraint 4D-Var with the experiment's prior, minimizer and window";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public boolean usesPrior() {
        return true;
    }

    @Override
    public AssimilationMethod create(Parameters parameters, MethodContext context) {
        parameters.requireBoundFor(name());
        return new VariationalMethod(context.model(), context.operator(), context.error(), context.prior(),
                context.minimizer(), context.stopping(), context.interval(), context.window(),
                context.observationWeight());
    }
}
