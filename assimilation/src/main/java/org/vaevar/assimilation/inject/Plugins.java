package org.vaevar.assimilation.inject;

import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.NonFiniteStateException;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.plugin.PriorProvider;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * Creates the plugin a config section names through the {@link PluginRegistry}, and names that section in what
 * the registry or the plugin refuses: "prior: unknown prior 'vea'; known: gaussian, vae" (a
 * {@link ConfigException}).
 */
public final class Plugins {

    private final PluginRegistry registry;

    @Inject
    public Plugins(PluginRegistry registry) {
        this.registry = registry;
    }

    public DynamicalModel model(String section, PluginConfig c) {
        return in(section, () -> registry.model(c.name(), c.parameters()));
    }

    public ObservationOperator operator(String section, PluginConfig c, int stateDimension) {
        return in(section, () -> registry.observationOperator(c.name(), c.parameters(), stateDimension));
    }

    public BackgroundPrior prior(String section, PluginConfig c, PriorContext context) {
        return in(section, () -> registry.prior(c.name(), c.parameters(), context));
    }

    public Minimizer minimizer(String section, PluginConfig c) {
        return in(section, () -> registry.minimizer(c.name(), c.parameters()));
    }

    public AssimilationMethod method(String section, PluginConfig c, MethodContext context) {
        return in(section, () -> registry.method(c.name(), c.parameters(), context));
    }

    /** The provider a method section names (for what it declares: its tunable parameter, whether it uses a prior). */
    public AssimilationMethodProvider methodProvider(String section, PluginConfig c) {
        return in(section, () -> registry.methodProvider(c.name()));
    }

    /** The provider a prior section names (for what it declares: its model-file and tunable parameters). */
    public PriorProvider priorProvider(String section, PluginConfig c) {
        return in(section, () -> registry.priorProvider(c.name()));
    }

    /** Validates a plugin section without creating anything (to fail fast, before hours of work). */
    public void validate(String section, PluginKind kind, PluginConfig c) {
        in(section, () -> registry.bind(kind, c.name(), c.parameters()));
    }

    /**
     * An unknown name, a refused parameter or what a plugin's factory refuses (all {@link IllegalArgumentException}s)
     * becomes a {@link ConfigException} prefixed with the section; a state gone non-finite stays what it is.
     */
    private static <T> T in(String section, Supplier<T> action) {
        try {
            return action.get();
        } catch (ConfigException | NonFiniteStateException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section + ": " + e.getMessage());
        }
    }
}
