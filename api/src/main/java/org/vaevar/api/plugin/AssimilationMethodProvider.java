package org.vaevar.api.plugin;

import java.util.Optional;
import org.vaevar.api.method.AssimilationMethod;

/**
 * Provides an {@link AssimilationMethod}. Register in
 * {@code META-INF/services/org.vaevar.api.plugin.AssimilationMethodProvider}.
 */
public interface AssimilationMethodProvider extends PluginProvider {

    /**
     * Builds the method; refuses what it cannot run (a model without a grid for a localised method) with an
     * {@link IllegalArgumentException} naming the field.
     */
    AssimilationMethod create(Parameters parameters, MethodContext context);

    /**
     * The scalar an experiment tunes for this method (an ensemble's inflation); empty when it has none. It must
     * be a double parameter of {@link #parameters()}.
     */
    default Optional<String> tunableParameter() {
        return Optional.empty();
    }

    /** True if the method analyses with the experiment's prior (then the prior's scalar is the one tuned). */
    default boolean usesPrior() {
        return false;
    }
}
