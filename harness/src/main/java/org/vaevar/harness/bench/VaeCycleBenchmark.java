package org.vaevar.harness.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.PluginBenchmark;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * VAE-3D-Var against Gaussian 3D-Var in the same run: the same setting, the same calibration samples, the same
 * evaluation seed and cycles, after a warm-up of each. Reports ms per cycle, cost evaluations per cycle, ms per
 * evaluation and the share of the prior (decoder forward and adjoint, penalty) in the cycle, and the ratios.
 * The VAE is trained with a capped number of epochs: its quality does not matter for the timing, only its size.
 *
 * <p>First it prints the decoder's floating-point rate next to a plain FMA loop's ({@code DecoderThroughput}).
 * Times are this thread's CPU time (the cycles run on the calling thread), the median of {@value #REPEATS} timed
 * runs, so other processes on a shared machine disturb them less than wall time; the spread is the min–max over
 * the repeats of the VAE/Gaussian cycle ratio.
 */
public final class VaeCycleBenchmark {

    private record Case(String label, String preset, PluginConfig vae) {
    }

    private static final int REPEATS = 5;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private VaeCycleBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--quick"));
    }

    public static void run(PrintStream out, boolean quick) {
        int cycles = quick ? 100 : 600;
        // The decoder's own kernels, benchmarked by the VAE plugin (the application does not name it).
        for (PluginBenchmark b : ServiceLoader.load(PluginBenchmark.class, VaeCycleBenchmark.class.getClassLoader())) {
            if (b.topic().equals("vae")) {
                b.run(out, quick);
                out.println();
            }
        }
        List<Case> cases = List.of(
                new Case("l63 every 25, mlp 2x64, conditional", "l63-3dvar",
                        PluginConfig.of("vae", "conditional", true, "epochs", 40)),
                new Case("l96 N 40 every 5, mlp 2x64", "l96-3dvar",
                        PluginConfig.of("vae", "epochs", 40)),
                new Case("l96 N 40 every 5, conv 16ch k5, conditional", "l96-3dvar",
                        PluginConfig.of("vae", "architecture", "conv", "conditional", true, "epochs", 10)));
        out.printf(Locale.ROOT, "VAE-3DVar vs Gaussian 3DVar, %d cycles each after a warm-up, same setting, samples and"
                + " seed (lbfgs); thread CPU time, median of %d interleaved runs.%n", cycles, REPEATS);
        out.printf(Locale.ROOT, "%-46s %-9s %9s %8s %9s %7s %9s %9s %15s%n", "setting", "prior", "ms/cycle",
                "evals", "ms/eval", "prior%", "x cycle", "x eval", "x cycle range");
        RunOptions options = new RunOptions(Path.of(".vaevar-cache"), ProgressListener.SILENT);
        for (Case c : cases) {
            ExperimentConfig config = Presets.load(c.preset(), List.of("calibration.runs=1", "calibration.cycles=800"))
                    .withTuning(null);
            TwinSetting setting = Vaevar.setting(config, options);
            BackgroundPrior gaussian = setting.prior("prior", PluginConfig.of("gaussian", "covariance", "samples"));
            BackgroundPrior vae = setting.prior("prior", c.vae());
            long seed = Seeds.derive(config.seed(), "benchmark");
            setting.evaluate(gaussian, 1, seed, cycles / 2, 0, "warm-up");
            setting.evaluate(vae, 1, seed, cycles / 2, 0, "warm-up");
            double[][] g = new double[REPEATS][];
            double[][] v = new double[REPEATS][];
            double[] ratios = new double[REPEATS];
            for (int r = 0; r < REPEATS; r++) { // interleaved, so a burst of load hits both priors alike
                g[r] = time(setting, gaussian, seed, cycles);
                v[r] = time(setting, vae, seed, cycles);
                ratios[r] = v[r][0] / g[r][0];
            }
            double[] gm = median(g);
            double[] vm = median(v);
            java.util.Arrays.sort(ratios);
            print(out, c.label(), "gaussian", gm, Double.NaN, Double.NaN, "");
            print(out, "", "vae", vm, vm[0] / gm[0], vm[2] / gm[2],
                    String.format(Locale.ROOT, "%.1f – %.1f", ratios[0], ratios[REPEATS - 1]));
        }
    }

    /** CPU ms per cycle, evaluations per cycle, CPU ms per evaluation, prior share (of the run's wall time). */
    private static double[] time(TwinSetting setting, BackgroundPrior prior, long seed, int cycles) {
        long cpu = CPU.getCurrentThreadCpuTime();
        RunResult r = setting.evaluate(prior, 1, seed, cycles, 0, "timed");
        double ms = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6 / cycles;
        double evals = r.meanEvaluations();
        return new double[] {ms, evals, ms / evals, r.timing().priorNanos() / (double) r.timing().totalNanos()};
    }

    /** The entrywise median over repeats. */
    private static double[] median(double[][] runs) {
        double[] out = new double[runs[0].length];
        for (int j = 0; j < out.length; j++) {
            double[] column = new double[runs.length];
            for (int r = 0; r < runs.length; r++) {
                column[r] = runs[r][j];
            }
            java.util.Arrays.sort(column);
            out[j] = column[runs.length / 2];
        }
        return out;
    }

    private static void print(PrintStream out, String label, String prior, double[] t, double xCycle, double xEval,
                              String range) {
        out.printf(Locale.ROOT, "%-46s %-9s %9.3f %8.1f %9.4f %6.0f%% %9s %9s %15s%n", label, prior, t[0], t[1],
                t[2], 100 * t[3], Double.isNaN(xCycle) ? "" : String.format(Locale.ROOT, "%.1f", xCycle),
                Double.isNaN(xEval) ? "" : String.format(Locale.ROOT, "%.1f", xEval), range);
    }
}
