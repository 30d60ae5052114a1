package org.vaevar.api.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every plugin provider on the classpath, by kind and name, found with {@link ServiceLoader}. Refuses two
 * providers of one kind with the same name (naming both classes) and answers an unknown name with the known
 * ones.
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

    /** Names of the given kind, sorted. */
    public List<String> names(PluginKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** Providers of the given kind by name, sorted by name. */
    public Map<String, PluginProvider> providers(PluginKind kind) {
        return byKind.get(kind);
    }

    public PluginProvider lookup(PluginKind kind, String name) {
        PluginProvider p = byKind.get(kind).get(name);
        if (p == null) {
            throw new UnknownPluginException(kind, name, byKind.get(kind).keySet());
        }
        return p;
    }

    public ModelProvider model(String name) {
        return (ModelProvider) lookup(PluginKind.MODEL, name);
    }

    public ObservationOperatorProvider observationOperator(String name) {
        return (ObservationOperatorProvider) lookup(PluginKind.OBSERVATION_OPERATOR, name);
    }

    public PriorProvider prior(String name) {
        return (PriorProvider) lookup(PluginKind.PRIOR, name);
    }

    public MinimizerProvider minimizer(String name) {
        return (MinimizerProvider) lookup(PluginKind.MINIMIZER, name);
    }

    public AssimilationMethodProvider method(String name) {
        return (AssimilationMethodProvider) lookup(PluginKind.METHOD, name);
    }
}
