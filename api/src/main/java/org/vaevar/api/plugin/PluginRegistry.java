package org.vaevar.api.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.method.AssimilationMethod;

/**
 * Every plugin provider on the classpath, by kind and name, found with {@link ServiceLoader}, and the one way
 * plugins are created: by name from raw parameter values, which the registry binds with the named provider's own
 * {@link ParameterSpec}, so a provider never receives parameters bound for another. Refuses two providers of one
 * kind with the same name (naming both classes) and answers an unknown name with the known ones.
 */
public final class PluginRegistry {

    private final Map<PluginKind, Map<String, PluginProvider>> byKind = new EnumMap<>(PluginKind.class);

    private PluginRegistry(Map<PluginKind, List<? extends PluginProvider>> providers) {
        for (PluginKind kind : PluginKind.values()) {
            Map<String, PluginProvider> named = new TreeMap<>();
            for (PluginProvider p : providers.getOrDefault(kind, List.of())) {
                String name = p.name();
                if (name == null || name.isBlank()) {
                    throw new IllegalStateException(kind.label() + " provider " + p.getClass().getName()
                            + " has no name");
                }
                if (!kind.service().isInstance(p)) {
                    throw new IllegalStateException(kind.label() + " plugin '" + name + "' (" + p.getClass().getName()
                            + ") is not a " + kind.service().getSimpleName());
                }
                if (!name.equals(p.parameters().plugin())) {
                    throw new IllegalStateException(kind.label() + " plugin '" + name + "' declares the parameter spec"
                            + " of '" + p.parameters().plugin() + "'");
                }
                PluginProvider previous = named.put(name, p);
                if (previous != null) {
                    throw new IllegalStateException("two " + kind.label() + " plugins are named '" + name + "': "
                            + previous.getClass().getName() + " and " + p.getClass().getName());
                }
                p.parameters().defaults(); // a provider whose defaults break its own rules fails at start-up
            }
            byKind.put(kind, Collections.unmodifiableMap(named));
        }
    }

    /** Discovers every provider with {@link ServiceLoader} on the given class loader. */
    public static PluginRegistry discover(ClassLoader loader) {
        Map<PluginKind, List<? extends PluginProvider>> found = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            List<PluginProvider> list = new ArrayList<>();
            ServiceLoader.load(kind.service(), loader).forEach(list::add);
            found.put(kind, list);
        }
        return new PluginRegistry(found);
    }

    public static PluginRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** A registry over explicit providers (tests, embedding). */
    public static PluginRegistry of(Map<PluginKind, List<? extends PluginProvider>> providers) {
        return new PluginRegistry(providers);
    }

    /**
     * This registry and {@code extra} providers (each under the kind whose provider interface it implements), e.g.
     * {@code PluginRegistry.discover().with(new MyPriorProvider())}. A name already taken is refused as at discovery.
     */
    public PluginRegistry with(PluginProvider... extra) {
        Map<PluginKind, List<PluginProvider>> all = new EnumMap<>(PluginKind.class);
        byKind.forEach((kind, named) -> all.put(kind, new ArrayList<>(named.values())));
        for (PluginProvider p : extra) {
            boolean placed = false;
            for (PluginKind kind : PluginKind.values()) {
                if (kind.service().isInstance(p)) {
                    all.get(kind).add(p);
                    placed = true;
                }
            }
            if (!placed) {
                throw new IllegalArgumentException(p.getClass().getName() + " implements no plugin kind's provider");
            }
        }
        return new PluginRegistry(new EnumMap<>(all));
    }

    /** Names of the given kind, sorted. */
    public List<String> names(PluginKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** Providers of the given kind by name, sorted by name. */
    public Map<String, PluginProvider> providers(PluginKind kind) {
        return byKind.get(kind);
    }

    /** The named provider, for what it declares (its parameters, tunable parameter, ...); creating goes below. */
    public PluginProvider lookup(PluginKind kind, String name) {
        PluginProvider p = byKind.get(kind).get(name);
        if (p == null) {
            throw new UnknownPluginException(kind, name, byKind.get(kind).keySet());
        }
        return p;
    }

    public PriorProvider priorProvider(String name) {
        return provider(PluginKind.PRIOR, name, PriorProvider.class);
    }

    public AssimilationMethodProvider methodProvider(String name) {
        return provider(PluginKind.METHOD, name, AssimilationMethodProvider.class);
    }

    /**
     * Validates {@code raw} against the named plugin's own spec and fills in its defaults.
     *
     * @throws UnknownPluginException no plugin of that kind has that name (the message lists the known ones)
     * @throws InvalidParameterException a value is refused (the message names plugin, parameter and value)
     */
    public Parameters bind(PluginKind kind, String name, Map<String, ?> raw) {
        return lookup(kind, name).parameters().bind(raw);
    }

    // Each factory binds with the spec of the very provider it then calls.

    public DynamicalModel model(String name, Map<String, ?> raw) {
        ModelProvider p = provider(PluginKind.MODEL, name, ModelProvider.class);
        return p.create(p.parameters().bind(raw));
    }

    public ObservationOperator observationOperator(String name, Map<String, ?> raw, int stateDimension) {
        ObservationOperatorProvider p = provider(PluginKind.OBSERVATION_OPERATOR, name,
                ObservationOperatorProvider.class);
        return p.create(p.parameters().bind(raw), stateDimension);
    }

    public BackgroundPrior prior(String name, Map<String, ?> raw, PriorContext context) {
        PriorProvider p = priorProvider(name);
        return p.create(p.parameters().bind(raw), context);
    }

    public Minimizer minimizer(String name, Map<String, ?> raw) {
        MinimizerProvider p = provider(PluginKind.MINIMIZER, name, MinimizerProvider.class);
        return p.create(p.parameters().bind(raw));
    }

    public AssimilationMethod method(String name, Map<String, ?> raw, MethodContext context) {
        AssimilationMethodProvider p = methodProvider(name);
        return p.create(p.parameters().bind(raw), context);
    }

    private <P extends PluginProvider> P provider(PluginKind kind, String name, Class<P> type) {
        return type.cast(lookup(kind, name)); // the constructor checked every provider implements its kind
    }
}
