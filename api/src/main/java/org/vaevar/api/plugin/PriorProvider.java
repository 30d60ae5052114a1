package org.vaevar.api.plugin;

import java.util.Optional;

import org.vaevar.api.BackgroundPrior;

/**
 * Provides a {@link BackgroundPrior}, estimated or trained from what the {@link PriorContext} offers.
 * Register in {@code META-INF/services/org.vaevar.api.plugin.PriorProvider}.
 */
public interface PriorProvider extends PluginProvider {

    BackgroundPrior create(Parameters parameters, PriorContext context);

    /**
     * The parameter that loads a saved model file, for priors that are learned from samples and implement
     * {@link org.vaevar.api.LearnedPrior}; empty (the default) for priors that cannot be saved.
     */
    default Optional<String> modelFileParameter() {
        return Optional.empty();
    }

    /**
     * The scalar an experiment tunes for this prior (its overall scale: a B inflation, a latent scale); empty
     * when the prior has none. It must be a double parameter of {@link #parameters()}.
     */
    default Optional<String> tunableParameter() {
        return Optional.empty();
    }
}
