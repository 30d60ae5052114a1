package org.vaevar.priors.vae.net;

import java.io.PrintStream;
import org.vaevar.api.plugin.PluginBenchmark;

/** {@link DecoderThroughput} as a plugin benchmark, run with {@code bench vae}. */
public final class DecoderThroughputBenchmark implements PluginBenchmark {

    @Override
    public String topic() {
        return "vae";
    }

    @Override
    public void run(PrintStream out, boolean quick) {
        DecoderThroughput.run(out);
    }
}
