package org.vaevar.assimilation.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MinimizerProvider;
import org.vaevar.api.plugin.ModelProvider;
import org.vaevar.api.plugin.ObservationOperatorProvider;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.plugin.PriorProvider;

/**
 * Binds every provider found by {@link java.util.ServiceLoader} into Guice maps by name
 * ({@code Map<String, ModelProvider>}, ...). A new plugin is a jar on the classpath: nothing here changes. Tests and
 * embedders can add providers of their own with another {@link MapBinder} contribution.
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
        bindAll(PluginKind.MODEL, ModelProvider.class);
        bindAll(PluginKind.OBSERVATION_OPERATOR, ObservationOperatorProvider.class);
        bindAll(PluginKind.PRIOR, PriorProvider.class);
        bindAll(PluginKind.MINIMIZER, MinimizerProvider.class);
        bindAll(PluginKind.METHOD, AssimilationMethodProvider.class);
    }

    private <P extends PluginProvider> void bindAll(PluginKind kind, Class<P> type) {
        MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), String.class, type);
        registry.providers(kind).forEach((name, provider) -> binder.addBinding(name).toInstance(type.cast(provider)));
    }
}
