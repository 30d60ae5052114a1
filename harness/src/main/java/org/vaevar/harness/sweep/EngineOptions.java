package org.vaevar.harness.sweep;

/**
 * What an engine is started with.
 *
 * @param threads        tasks at once (local threads; for Spark, jobs submitted at once), at least 1
 * @param master         the Spark master URL ({@code local[2]}, {@code spark://host:7077}), or null
 * @param cacheDirectory where plugins cache trained priors (on each worker)
 */
public record EngineOptions(int threads, String master, String cacheDirectory) {

    public EngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads = " + threads + ": must be at least 1");
        }
    }
}
