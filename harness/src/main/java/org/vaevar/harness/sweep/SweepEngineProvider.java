package org.vaevar.harness.sweep;

/**
 * An engine found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/org.vaevar.harness.sweep.SweepEngineProvider}), so an engine with heavy dependencies
 * (Spark) lives in its own jar and is loaded only when asked for.
 */
public interface SweepEngineProvider {

    /** The name {@code --engine} selects it by. */
    String name();

    SweepEngine create(EngineOptions options);
}
