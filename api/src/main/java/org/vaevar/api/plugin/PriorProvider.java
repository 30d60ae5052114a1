package org.vaevar.api.plugin;

import org.vaevar.api.BackgroundPrior;

/**
 * Provides a {@link BackgroundPrior}, estimated or trained from what the {@link PriorContext} offers.
 * Register in {@code META-INF/services/org.vaevar.api.plugin.PriorProvider}.
 */
public interface PriorProvider extends PluginProvider {

    BackgroundPrior create(Parameters parameters, PriorContext context);
}
