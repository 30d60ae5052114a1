package org.vaevar.harness.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.LearnedPrior;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * Cost per cycle against the state dimension: Lorenz 96 (F 8, dt 0.05, every component observed every step,
 * R = I) at N = 40 … 100 000, each method warmed up until stable, with the peak heap of its runs and the exponent
 * p of ms/cycle ∝ N^p fitted by least squares on log–log over the three largest sizes.
 *
 * <p>Methods: 3D-Var with the circulant B of the climatology (FFT), 3D-Var with a Gaspari–Cohn localised
 * climatological B (radius 4 grid points; the modulated form beyond the dense limit), 4D-Var (K = 3) with the
 * circulant B, VAE-3D-Var with a circular-convolution prior trained once at N = 40 and loaded at every N, and the
 * LETKF (20 members, radius 4, all processors). The climatology is a few long-spaced free-run states (fewer at large
 * N: a homogeneous B averages over the ring, so N × samples points enter the estimate); the VAE is trained for a few
 * epochs only — its quality does not matter here, only its cost.
 */
public final class ScaleBenchmark {

    record Method(String label, int window, PluginConfig prior, PluginConfig method) {
    }

    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--quick"));
    }

    public static void run(PrintStream out, boolean quick) {
        int[] sizes = quick ? new int[] {40, 400, 4000, 40_000} : new int[] {40, 400, 4000, 40_000, 100_000};
        Path vaeFile = trainSmallVae();
        List<Method> methods = List.of(
                new Method("3dvar circulant B", 1, PluginConfig.of("gaussian", "covariance", "circulant-climatology",
                        "inflation", 0.1), null),
                new Method("3dvar localised B", 1, PluginConfig.of("gaussian", "covariance", "climatology",
                        "inflation", 0.1, "localisation", 4.0), null),
                new Method("4dvar circulant B", 3, PluginConfig.of("gaussian", "covariance", "circulant-climatology",
                        "inflation", 0.1), null),
                new Method("vae-3dvar conv (trained at N 40)", 1, PluginConfig.of("vae", "file", vaeFile.toString()),
                        null),
                new Method("letkf N 20 radius 4", 1, null, PluginConfig.of("letkf", "size", 20, "radius", 4.0,
                        "inflation", 1.02, "threads", Runtime.getRuntime().availableProcessors())));
        out.printf(Locale.ROOT, "Scale benchmark: Lorenz 96, every component observed every step; ms per cycle after "
                + "warm-up (median of 3 [min - max]) and the peak heap of the case's runs.%n");
        out.printf(Locale.ROOT, "%-34s %8s %10s %19s %10s %8s%n", "method", "N", "ms/cycle", "[min - max]", "peak heap",
                "rmse a");
        Map<String, double[]> times = new LinkedHashMap<>();
        for (Method m : methods) {
            double[] ms = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                ExperimentConfig c = config(m, sizes[i]);
                resetPeaks();
                CycleBenchmark.Warm w = CycleBenchmark.warm(c, c.cycles());
                ms[i] = w.median();
                out.printf(Locale.ROOT, "%-34s %8d %10.3f %19s %8.0f MB %8.3f%n", m.label(), sizes[i], w.median(),
                        w.range(), peakHeapBytes() / 1e6, w.result().run().meanRmseAnalysis());
                out.flush();
            }
            times.put(m.label(), ms);
        }
        out.printf(Locale.ROOT, "%nExponent p of ms/cycle ∝ N^p over N = %d, %d, %d (goal ≤ 1.15):%n",
                sizes[sizes.length - 3], sizes[sizes.length - 2], sizes[sizes.length - 1]);
        for (Map.Entry<String, double[]> e : times.entrySet()) {
            out.printf(Locale.ROOT, "  %-34s p = %.2f%n", e.getKey(), exponent(sizes, e.getValue()));
        }
    }

    /** Cycles per case: enough for a stable mean, few enough that N = 100 000 stays in minutes. */
    static int cycles(int n) {
        return n >= 40_000 ? 12 : n >= 4000 ? 40 : 120;
    }

    static ExperimentConfig config(Method m, int n) {
        ExperimentConfig base = Presets.load("l96-sakov2008").withTuning(null);
        int cycles = cycles(n) / m.window() * m.window();
        ExperimentConfig.Builder b = base.toBuilder().name("scale-" + n).model(base.model().with("n", n))
                .climatology(Math.max(20, Math.min(2000, 400_000 / n)), 10).window(m.window())
                .cycles(cycles / m.window()).spinupCycles(1);
        if (m.prior() != null) {
            b.prior(m.prior());
        }
        if (m.method() != null) {
            b.method(m.method());
        }
        return b.build();
    }

    /** A conv VAE trained briefly at N 40 (pooled scale: its kernels serve any ring of the same setup), saved. */
    static Path trainSmallVae() {
        ExperimentConfig c = Presets.load("l96-sakov2008", List.of("calibration.runs=1", "calibration.cycles=600"))
                .withTuning(null).withPrior(PluginConfig.of("vae", "architecture", "conv", "conditional", true,
                        "normalisation", "pooled", "epochs", 5, "cache", false));
        TwinSetting setting = Vaevar.setting(c, RunOptions.defaults());
        BackgroundPrior prior = setting.prior("prior", c.prior());
        try {
            Path dir = Files.createTempDirectory("vaevar-scale");
            Path file = dir.resolve("conv-n40.vaeprior");
            ((LearnedPrior) prior).save(file);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Least-squares slope of log ms against log N over the three largest sizes. */
    static double exponent(int[] sizes, double[] ms) {
        int from = sizes.length - 3;
        double mx = 0;
        double my = 0;
        for (int i = from; i < sizes.length; i++) {
            mx += Math.log(sizes[i]) / 3;
            my += Math.log(ms[i]) / 3;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < sizes.length; i++) {
            double dx = Math.log(sizes[i]) - mx;
            sxy += dx * (Math.log(ms[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum over heap pools of their peak use since the last reset (an upper bound of the peak heap). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
