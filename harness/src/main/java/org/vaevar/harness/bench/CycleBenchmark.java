package org.vaevar.harness.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.config.RunOptions;

/**
 * Milliseconds per assimilation cycle, 3D-Var and 4D-Var (K = 3), on the two standard setups and on Lorenz 96 with
 * N = 400 and 4 000, with the share of the time spent in the model, its adjoint, the observation operator, the
 * prior and the minimizer. The prior is a Gaussian with B from climatology (no calibration runs: only the cycle
 * is timed), each case warmed up until its timing is stable; at N = 4 000 B is diagonal, because estimating and factorising a dense 4 000² climatological B would
 * dominate the benchmark, and the table says so.
 */
public final class CycleBenchmark {

    private record Case(String label, ExperimentConfig config, String prior) {
    }

    private CycleBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 && args[0].equals("--quick"));
    }

    public static void run(PrintStream out, boolean quick) {
        int cycles = quick ? 60 : 300;
        out.printf(Locale.ROOT, "Cycle benchmark: %d cycles per case, lbfgs, Gaussian B; warm-up runs until two agree "
                + "within 5 %%, then the median of %d runs [min - max].%n", cycles, MEASURED_RUNS);
        out.printf(Locale.ROOT, "%-38s %-6s %10s %17s %8s %8s %8s %8s %8s %8s %8s%n", "setup", "method", "ms/cycle",
                "[min - max]", "iter", "model", "adjoint", "obs op", "prior", "minim.", "other");
        for (Case c : cases(cycles)) {
            for (int window : new int[] {1, 3}) {
                ExperimentConfig config = c.config().withWindow(window).withCycles(cycles, cycles / 10);
                Warm w = warm(config, cycles);
                ExperimentResult r = w.result();
                Map<String, Object> s = r.run().timing().shares();
                out.printf(Locale.ROOT, "%-38s %-6s %10.3f %17s %8.1f %7.0f%% %7.0f%% %7.0f%% %7.0f%% %7.0f%% %7.0f%%%n",
                        c.label() + " [" + c.prior() + "]", window == 1 ? "3dvar" : "4dvar", w.median(), w.range(),
                        r.run().meanIterations(), pct(s, "model"), pct(s, "adjoint"), pct(s, "observationOperator"),
                        pct(s, "prior"), pct(s, "minimizer"), pct(s, "other"));
            }
        }
        out.println("Reference (the field's Python benchmark suite on this kind of machine): ~1.3 ms per "
                + "3D-Var cycle on L96 sakov2008, ~27 ms per 4D-Var cycle on L63 sakov2012.");
        ensembles(out, quick ? 300 : 2000);
    }

    /**
     * Ensemble filters on L96 sakov2008 (N 40, every component observed every step), with each solver: ms per
     * cycle after warm-up runs repeated until two agree within 5 %, and the LETKF's speed-up from one thread to
     * all processors.
     */
    static void ensembles(PrintStream out, int cycles) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%nEnsemble filters on l96-sakov2008 (N 40), %d cycles per case, %d processors:%n",
                cycles, cores);
        out.printf(Locale.ROOT, "%-80s %10s %17s %8s%n", "method", "ms/cycle", "[min - max]", "rmse a");
        ExperimentConfig base = Presets.load("l96-sakov2008-etkf").withCycles(cycles, cycles / 4);
        double[] letkf = new double[2];
        double[] letkfNative = new double[2];
        for (String solver : new String[] {"commons", "native"}) {
            List<PluginConfig> methods = List.of(
                    PluginConfig.of("etkf", "size", 40, "inflation", 1.02, "solver", solver),
                    PluginConfig.of("enkf", "size", 40, "inflation", 1.06, "solver", solver),
                    PluginConfig.of("letkf", "size", 20, "inflation", 1.02, "radius", 4.0, "threads", 1,
                            "solver", solver),
                    PluginConfig.of("letkf", "size", 20, "inflation", 1.02, "radius", 4.0, "threads", cores,
                            "solver", solver));
            for (int c = 0; c < methods.size(); c++) {
                Warm w = warm(base.withMethod(methods.get(c)), cycles);
                out.printf(Locale.ROOT, "%-80s %10.3f %17s %8.3f%n", methods.get(c).toMap().toString(), w.median(),
                        w.range(), w.result().run().meanRmseAnalysis());
                if (c >= 2) {
                    (solver.equals("commons") ? letkf : letkfNative)[c - 2] = w.median();
                }
            }
        }
        out.printf(Locale.ROOT, "LETKF parallel speed-up on %d processors: %.2fx commons, %.2fx native (results "
                + "identical for any thread count)%n", cores, letkf[0] / letkf[1], letkfNative[0] / letkfNative[1]);
        out.println("Reference: DAPPER's EnKF on L96 N 40 takes 0.8-3.3 ms per cycle.");
    }

    private static final int MEASURED_RUNS = 3;
    private static final int MAX_WARM_UP_RUNS = 10;

    /** A measured case: the median and range of ms per cycle over the measured runs, and the last run. */
    record Warm(double median, double min, double max, ExperimentResult result) {

        String range() {
            return String.format(Locale.ROOT, "[%.3f - %.3f]", min, max);
        }
    }

    /**
     * Runs {@code config} until two consecutive warm-up runs (a quarter of the cycles each) agree within 5 % (the JIT
     * has compiled the hot loops), then {@link #MEASURED_RUNS} full runs: the same data each time, so only the
     * timing varies.
     */
    static Warm warm(ExperimentConfig config, int cycles) {
        ExperimentConfig shortRun = config.withCycles(Math.max(2, cycles / 4), 1);
        double previous = Double.NaN;
        for (int i = 0; i < MAX_WARM_UP_RUNS; i++) {
            double ms = Vaevar.run(shortRun, RunOptions.defaults()).msPerCycle();
            if (Math.abs(ms - previous) < 0.05 * ms) {
                break;
            }
            previous = ms;
        }
        double[] ms = new double[MEASURED_RUNS];
        ExperimentResult last = null;
        for (int i = 0; i < MEASURED_RUNS; i++) {
            last = Vaevar.run(config, RunOptions.defaults());
            ms[i] = last.msPerCycle();
        }
        java.util.Arrays.sort(ms);
        return new Warm(ms[MEASURED_RUNS / 2], ms[0], ms[MEASURED_RUNS - 1], last);
    }

    private static List<Case> cases(int cycles) {
        PluginConfig climB = PluginConfig.of("gaussian", "covariance", "climatology", "inflation", 0.1);
        PluginConfig diagB = PluginConfig.of("gaussian", "covariance", "diagonal", "variance", 1.0);
        ExperimentConfig l63 = noTuning(Presets.load("l63-sakov2012")).withPrior(climB);
        ExperimentConfig l96 = noTuning(Presets.load("l96-sakov2008")).withPrior(climB);
        ExperimentConfig l96n400 = l96.toBuilder().model(l96.model().with("n", 400)).climatology(2000, 10).build();
        ExperimentConfig l96n4000 = l96.toBuilder().model(l96.model().with("n", 4000)).prior(diagB).build();
        return List.of(new Case("l63-sakov2012", l63, "clim B"), new Case("l96-sakov2008 (N 40)", l96, "clim B"),
                new Case("l96 N 400 (dt .05, all obs)", l96n400, "clim B"),
                new Case("l96 N 4000 (dt .05, all obs)", l96n4000, "diag B"));
    }

    private static ExperimentConfig noTuning(ExperimentConfig c) {
        return c.withTuning(null);
    }

    private static double pct(Map<String, Object> shares, String key) {
        return 100 * ((Number) shares.get(key)).doubleValue();
    }
}
