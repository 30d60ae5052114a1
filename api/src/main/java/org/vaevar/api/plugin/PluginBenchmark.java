package org.vaevar.api.plugin;

import java.io.PrintStream;

/**
 * A benchmark program a plugin contributes (its kernels' throughput, say), found with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/org.vaevar.api.plugin.PluginBenchmark}, so the application can run it without
 * naming the plugin. It prints a table after its own warm-up; it is never a test.
 */
public interface PluginBenchmark {

    /** The topic it belongs to, e.g. "vae": the application runs it with its own benchmarks of that topic. */
    String topic();

    void run(PrintStream out, boolean quick);
}
