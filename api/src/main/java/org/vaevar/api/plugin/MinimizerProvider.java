package org.vaevar.api.plugin;

import org.vaevar.api.Minimizer;

/** Provides a {@link Minimizer}. Register in {@code META-INF/services/org.vaevar.api.plugin.MinimizerProvider}. */
public interface MinimizerProvider extends PluginProvider {

    Minimizer create(Parameters parameters);
}
