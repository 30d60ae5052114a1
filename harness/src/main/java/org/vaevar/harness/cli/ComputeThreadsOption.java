package org.vaevar.harness.cli;

import org.vaevar.api.parallel.ComputeThreads;
import picocli.CommandLine;

/** {@code --compute-threads N}: the threads one cycle's large-N kernels may use; results do not depend on it. */
final class ComputeThreadsOption {

    @CommandLine.Option(names = "--compute-threads", paramLabel = "N", description = "Threads one cycle may use at"
            + " large N (model steps, B products, the decoder, the minimiser's vector operations; 0 = all"
            + " processors, the default). Results are bit-identical for any N; only the speed changes.")
    int threads;

    /** Sets the process-wide count. */
    void apply() {
        if (threads < 0) {
            throw new IllegalArgumentException("--compute-threads = " + threads + ": must be at least 0 (0 = all"
                    + " processors)");
        }
        ComputeThreads.set(threads);
    }
}
