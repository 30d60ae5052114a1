package org.vaevar.harness.cli;

import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print tables (never tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Run a benchmark and print its table: models | cycles | vae | scale | cores.")
final class BenchCommand implements Runnable {

    @CommandLine.Parameters(index = "0", description = "Which benchmark: models (steps/s, TL/AD cost ratios), "
            + "cycles (ms per assimilation cycle and where the time goes), vae (VAE-3DVar vs Gaussian 3DVar), "
            + "scale (ms per cycle and peak heap against the state dimension, N = 40 to 100 000), "
            + "cores (ms per large-N cycle on 1, 2, ... compute threads and the speed-up).")
    String which;

    @CommandLine.Option(names = "--quick", description = "Fewer repetitions (noisier numbers).")
    boolean quick;

    @Override
    public void run() {
        PrintStream out = System.out;
        switch (which) {
            case "models" -> org.vaevar.harness.bench.ModelBenchmark.run(out, quick);
            case "cycles" -> org.vaevar.harness.bench.CycleBenchmark.run(out, quick);
            case "vae" -> org.vaevar.harness.bench.VaeCycleBenchmark.run(out, quick);
            case "scale" -> org.vaevar.harness.bench.ScaleBenchmark.run(out, quick);
            case "cores" -> org.vaevar.harness.bench.CoresBenchmark.run(out, quick);
            default -> throw new IllegalArgumentException("bench " + which + ": unknown benchmark; known: models, cycles, vae, "
                    + "scale, cores");
        }
    }
}
