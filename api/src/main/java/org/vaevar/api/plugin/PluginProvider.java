package org.vaevar.api.plugin;

/**
 * What every plugin provider has: a unique name within its kind, a one-line description, and its typed
 * parameters. Each kind adds a factory method with the context that kind needs; see {@link ModelProvider},
 * {@link ObservationOperatorProvider}, {@link PriorProvider}, {@link MinimizerProvider} and {@link AssimilationMethodProvider}.
 *
 * <p>A plugin is a jar with a provider class (public, no-argument constructor) and one line naming it in
 * {@code META-INF/services/<the kind's provider interface>}.
 */
public interface PluginProvider {

    /** Unique within the kind, lower case, e.g. "lorenz96". */
    String name();

    String description();

    ParameterSpec parameters();
}
