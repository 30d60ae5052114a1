package org.vaevar.assimilation.inject;

import jakarta.inject.Inject;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.AssimilationMethodProvider;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.MinimizerProvider;
import org.vaevar.api.plugin.ModelProvider;
import org.vaevar.api.plugin.ObservationOperatorProvider;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.plugin.PriorProvider;
import org.vaevar.api.plugin.UnknownPluginException;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * Turns {@link PluginConfig}s into plugin instances through the providers Guice bound by name
 * ({@link PluginModule}). Errors name the config section: "prior: unknown prior 'vea'; known: gaussian, vae".
 */
public final class Plugins {

    private final Map<String, ModelProvider> models;
    private final Map<String, ObservationOperatorProvider> operators;
    private final Map<String, PriorProvider> priors;
    private final Map<String, MinimizerProvider> minimizers;
    private final Map<String, AssimilationMethodProvider> methods;

    @Inject
    public Plugins(Map<String, ModelProvider> models, Map<String, ObservationOperatorProvider> operators,
                   Map<String, PriorProvider> priors, Map<String, MinimizerProvider> minimizers,
                   Map<String, AssimilationMethodProvider> methods) {
        this.models = models;
        this.operators = operators;
        this.priors = priors;
        this.minimizers = minimizers;
        this.methods = methods;
    }

    public DynamicalModel model(String section, PluginConfig c) {
        ModelProvider p = provider(section, PluginKind.MODEL, models, c);
        return create(section, () -> p.create(bind(section, p, c)));
    }

    public ObservationOperator operator(String section, PluginConfig c, int stateDimension) {
        ObservationOperatorProvider p = provider(section, PluginKind.OBSERVATION_OPERATOR, operators, c);
        return create(section, () -> p.create(bind(section, p, c), stateDimension));
    }

    public BackgroundPrior prior(String section, PluginConfig c, PriorContext context) {
        PriorProvider p = provider(section, PluginKind.PRIOR, priors, c);
        return create(section, () -> p.create(bind(section, p, c), context));
    }

    public Minimizer minimizer(String section, PluginConfig c) {
        MinimizerProvider p = provider(section, PluginKind.MINIMIZER, minimizers, c);
        return create(section, () -> p.create(bind(section, p, c)));
    }

    public AssimilationMethod method(String section, PluginConfig c, MethodContext context) {
        AssimilationMethodProvider p = provider(section, PluginKind.METHOD, methods, c);
        return create(section, () -> p.create(bind(section, p, c), context));
    }

    /** The provider a method section names (for what it declares: its tunable parameter, whether it uses a prior). */
    public AssimilationMethodProvider methodProvider(String section, PluginConfig c) {
        return provider(section, PluginKind.METHOD, methods, c);
    }

    /** The provider a prior section names (for what it declares: its model-file and tunable parameters). */
    public PriorProvider priorProvider(String section, PluginConfig c) {
        return provider(section, PluginKind.PRIOR, priors, c);
    }

    /** Validates a plugin section without creating anything (to fail fast, before hours of work). */
    public void validate(String section, PluginKind kind, PluginConfig c) {
        Map<String, ? extends PluginProvider> byName = switch (kind) {
            case MODEL -> models;
            case OBSERVATION_OPERATOR -> operators;
            case PRIOR -> priors;
            case MINIMIZER -> minimizers;
            case METHOD -> methods;
        };
        bind(section, provider(section, kind, byName, c), c);
    }

    private static <P extends PluginProvider> P provider(String section, PluginKind kind, Map<String, P> byName,
                                                         PluginConfig c) {
        P p = byName.get(c.name());
        if (p == null) {
            throw new ConfigException(section + ": " + new UnknownPluginException(kind, c.name(),
                    new java.util.TreeSet<>(byName.keySet())).getMessage());
        }
        return p;
    }

    private static Parameters bind(String section, PluginProvider p, PluginConfig c) {
        try {
            return p.parameters().bind(c.parameters());
        } catch (InvalidParameterException e) {
            throw new ConfigException(section + ": " + e.getMessage());
        }
    }

    private static <T> T create(String section, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ConfigException | org.vaevar.api.NonFiniteStateException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(section + ": " + e.getMessage());
        }
    }
}
