package org.vaevar.assimilation.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import org.vaevar.api.plugin.PluginRegistry;

/**
 * Binds the {@link PluginRegistry} (every provider found by {@link java.util.ServiceLoader}, unless given one) and
 * {@link Plugins}, through which the experiment creates every plugin. A new plugin is a jar on the classpath:
 * nothing here changes. Tests and embedders add providers of their own with {@link PluginRegistry#with} or
 * {@link PluginRegistry#of}.
 */
public final class PluginModule extends AbstractModule {

    private final PluginRegistry registry;

    public PluginModule(PluginRegistry registry) {
        this.registry = registry;
    }

    public PluginModule() {
        this(PluginRegistry.discover());
    }

    @Override
    protected void configure() {
        bind(PluginRegistry.class).toInstance(registry);
        bind(Plugins.class).in(Singleton.class);
    }
}
