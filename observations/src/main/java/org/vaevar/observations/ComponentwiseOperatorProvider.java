package org.vaevar.observations;

import java.util.function.Function;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.plugin.ObservationOperatorProvider;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/**
 * What the providers of component-wise operators share: the {@link ComponentSelection} parameters
 * ({@code every}, {@code offset}, {@code components}) and building the operator from the selection.
 */
abstract class ComponentwiseOperatorProvider implements ObservationOperatorProvider {

    private final String name;
    private final String description;
    private final Function<ComponentSelection, ObservationOperator> factory;
    private final ParameterSpec spec;

    ComponentwiseOperatorProvider(String name, String description,
                                  Function<ComponentSelection, ObservationOperator> factory) {
        this.name = name;
        this.description = description;
        this.factory = factory;
        this.spec = ParameterSpec.of(name, ComponentSelection.parameters());
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

    @Override
    public final ObservationOperator create(Parameters parameters, int stateDimension) {
        return factory.apply(ComponentSelection.from(parameters.requireBoundFor(name), stateDimension));
    }
}
