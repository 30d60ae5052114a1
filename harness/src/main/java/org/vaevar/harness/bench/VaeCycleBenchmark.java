package org.vaevar.harness.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vaevar.api.BackgroundPrior;
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
 */
public final class VaeCycleBenchmark {

    private record Case(String label, String preset, PluginConfig vae) {
    }

    private VaeCycleBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--quick"));
    }

    public static void run(PrintStream out, boolean quick) {
        int cycles = quick ? 100 : 600;
        List<Case> cases = List.of(
                new Case("l63 every 25, mlp 2x64, conditional", "l63-3dvar",
                        PluginConfig.of("vae", "conditional", true, "epochs", 40)),
                new Case("l96 N 40 every 5, mlp 2x64", "l96-3dvar",
                        PluginConfig.of("vae", "epochs", 40)),
                new Case("l96 N 40 every 5, conv 16ch k5, conditional", "l96-3dvar",
                        PluginConfig.of("vae", "architecture", "conv", "conditional", true, "epochs", 10)));
        out.printf(Locale.ROOT, "VAE-3DVar vs Gaussian 3DVar, %d cycles each after a warm-up, same setting, samples and"
                + " seed (lbfgs).%n", cycles);
        out.printf(Locale.ROOT, "%-46s %-9s %9s %8s %9s %7s %9s %9s%n", "setting", "prior", "ms/cycle", "evals",
                "ms/eval", "prior%", "x cycle", "x eval");
        RunOptions options = new RunOptions(Path.of(".vaevar-cache"), ProgressListener.SILENT);
        for (Case c : cases) {
            ExperimentConfig config = Presets.load(c.preset(), List.of("calibration.runs=1", "calibration.cycles=800"))
                    .withTuning(null);
            TwinSetting setting = Vaevar.setting(config, options);
            BackgroundPrior gaussian = setting.prior("prior", PluginConfig.of("gaussian", "covariance", "samples"));
            BackgroundPrior vae = setting.prior("prior", c.vae());
            long seed = Seeds.derive(config.seed(), "benchmark");
            double[] g = time(setting, gaussian, seed, cycles);
            double[] v = time(setting, vae, seed, cycles);
            print(out, c.label(), "gaussian", g, Double.NaN, Double.NaN);
            print(out, "", "vae", v, v[0] / g[0], v[2] / g[2]);
        }
    }

    /** ms per cycle, evaluations per cycle, ms per evaluation, prior share. */
    private static double[] time(TwinSetting setting, BackgroundPrior prior, long seed, int cycles) {
        setting.evaluate(prior, 1, seed, cycles / 2, 0, "warm-up");
        RunResult r = setting.evaluate(prior, 1, seed, cycles, 0, "timed");
        double ms = r.timing().totalNanos() / 1e6 / cycles;
        double evals = r.meanEvaluations();
        return new double[] {ms, evals, ms / evals, r.timing().priorNanos() / (double) r.timing().totalNanos()};
    }

    private static void print(PrintStream out, String label, String prior, double[] t, double xCycle, double xEval) {
        out.printf(Locale.ROOT, "%-46s %-9s %9.3f %8.1f %9.4f %6.0f%% %9s %9s%n", label, prior, t[0], t[1], t[2],
                100 * t[3], Double.isNaN(xCycle) ? "" : String.format(Locale.ROOT, "%.1f", xCycle),
                Double.isNaN(xEval) ? "" : String.format(Locale.ROOT, "%.1f", xEval));
    }
}
