package org.vaevar.api.plugin;

import org.vaevar.api.ObservationOperator;

/**
 * Provides an {@link ObservationOperator} for a state of a given dimension.
 * Register in {@code META-INF/services/org.vaevar.api.plugin.ObservationOperatorProvider}.
 */
public interface ObservationOperatorProvider extends PluginProvider {

    ObservationOperator create(Parameters parameters, int stateDimension);
}
