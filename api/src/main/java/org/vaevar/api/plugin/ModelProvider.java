package org.vaevar.api.plugin;

import org.vaevar.api.DynamicalModel;

/** Provides a {@link DynamicalModel}. Register in {@code META-INF/services/org.vaevar.api.plugin.ModelProvider}. */
public interface ModelProvider extends PluginProvider {

    DynamicalModel create(Parameters parameters);
}
