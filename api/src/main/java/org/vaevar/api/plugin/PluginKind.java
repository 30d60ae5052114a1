package org.vaevar.api.plugin;

/** The kinds of plugin, each with its own provider interface (the {@code ServiceLoader} service). */
public enum PluginKind {
    MODEL("model", ModelProvider.class),
    OBSERVATION_OPERATOR("observation operator", ObservationOperatorProvider.class),
    PRIOR("prior", PriorProvider.class),
    MINIMIZER("minimizer", MinimizerProvider.class),
    METHOD("assimilation method", AssimilationMethodProvider.class);

    private final String label;
    private final Class<? extends PluginProvider> service;

    PluginKind(String label, Class<? extends PluginProvider> service) {
        this.label = label;
        this.service = service;
    }

    public String label() {
        return label;
    }

    public Class<? extends PluginProvider> service() {
        return service;
    }
}
