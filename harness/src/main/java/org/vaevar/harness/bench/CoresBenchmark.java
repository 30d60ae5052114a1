package org.vaevar.harness.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaevar.api.parallel.ComputeThreads;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * One large-N cycle on 1, 2, … compute threads: ms per cycle of 3D-Var (circulant B), 4D-Var (K = 3, circulant B)
 * and VAE-3D-Var (conv prior trained at N 40) on the {@link ScaleBenchmark} setting at N = 40 000 and 100 000, each
 * warmed up until stable ({@link CycleBenchmark#warm}), with the speed-up over one thread (of the medians, and of
 * the fastest runs, which a machine shared with other work disturbs less) and whether the runs' analysis RMSE is the
 * same double for every thread count (it must be).
 */
public final class CoresBenchmark {

    private CoresBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--quick"));
    }

    public static void run(PrintStream out, boolean quick) {
        int[] sizes = quick ? new int[] {40_000} : new int[] {40_000, 100_000};
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        int all = Runtime.getRuntime().availableProcessors();
        if (all > 2) {
            threads.add(all);
        }
        Path vaeFile = ScaleBenchmark.trainSmallVae();
        PluginConfig circulant = PluginConfig.of("gaussian", "covariance", "circulant-climatology", "inflation", 0.1);
        List<ScaleBenchmark.Method> methods = List.of(
                new ScaleBenchmark.Method("3dvar circulant B", 1, circulant, null),
                new ScaleBenchmark.Method("4dvar circulant B", 3, circulant, null),
                new ScaleBenchmark.Method("vae-3dvar conv (trained at N 40)", 1,
                        PluginConfig.of("vae", "file", vaeFile.toString()), null));
        int before = ComputeThreads.configured();
        out.printf(Locale.ROOT, "Cores benchmark: Lorenz 96, every component observed every step; ms per cycle after"
                + " warm-up (median of 3 [min - max]) on %d processors.%n", all);
        out.printf(Locale.ROOT, "%-34s %8s %7s %10s %21s %8s %8s %9s%n", "method", "N", "threads", "ms/cycle",
                "[min - max]", "speed-up", "(min)", "same rmse");
        try {
            for (ScaleBenchmark.Method m : methods) {
                for (int n : sizes) {
                    ExperimentConfig c = ScaleBenchmark.config(m, n);
                    double serial = Double.NaN;
                    double serialMin = Double.NaN;
                    long rmseBits = 0;
                    for (int t : threads) {
                        ComputeThreads.set(t);
                        CycleBenchmark.Warm w = CycleBenchmark.warm(c, c.cycles());
                        long bits = Double.doubleToLongBits(w.result().run().meanRmseAnalysis());
                        if (t == 1) {
                            serial = w.median();
                            serialMin = w.min();
                            rmseBits = bits;
                        }
                        out.printf(Locale.ROOT, "%-34s %8d %7d %10.2f %21s %7.2fx %7.2fx %9s%n", m.label(), n, t,
                                w.median(), w.range(), serial / w.median(), serialMin / w.min(),
                                bits == rmseBits ? "yes" : "NO");
                        out.flush();
                    }
                }
            }
        } finally {
            ComputeThreads.set(before);
        }
    }
}
