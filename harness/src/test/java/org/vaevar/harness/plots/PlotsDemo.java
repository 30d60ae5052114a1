package org.vaevar.harness.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.harness.plots.IntervalBarsFigure.Bar;
import org.vaevar.harness.plots.IntervalBarsFigure.Group;
import org.vaevar.harness.plots.TrajectoryFigure.Trajectory;

/**
 * Writes one of each plot to {@code /tmp/vaevar-plots/} (or the directory given as first argument) so a reviewer
 * can look at them. The data are synthetic: a Lorenz 63 truth and fake backgrounds/analyses (truth plus noise),
 * not the output of an assimilation.
 *
 * <pre>
 * mvn -B -q -pl harness -am verify -DskipTests
 * java -cp harness/target/test-classes:harness/target/classes:$(cat harness/target/classpath.txt) \
 *     org.vaevar.harness.plots.PlotsDemo
 * </pre>
 */
public final class PlotsDemo {

    private PlotsDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/vaevar-plots");
        writeAll(dir);
        System.out.println("wrote plots to " + dir.toAbsolutePath());
    }

    static void writeAll(Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(42);

        // RMSE over 200 cycles: a decaying decay then noise around a level; one diverged cycle (NaN).
        int cycles = 200;
        double[] t = new double[cycles];
        double[] rmseB = new double[cycles];
        double[] rmseA = new double[cycles];
        for (int k = 0; k < cycles; k++) {
            t[k] = 0.05 * (k + 1);
            double decay = 4 * Math.exp(-k / 8.0);
            rmseB[k] = 0.9 + decay + 0.15 * rng.nextDouble();
            rmseA[k] = 0.45 + 0.5 * decay + 0.08 * rng.nextDouble();
        }
        rmseA[150] = Double.NaN;
        Map<String, double[]> rmse = new LinkedHashMap<>();
        rmse.put("background", rmseB);
        rmse.put("analysis", rmseA);
        RmseFigure.write(dir.resolve("rmse.png"), "Lorenz 96, 3DVar: RMSE per cycle", t, rmse,
                RmseFigure.Options.defaults().withSpinUp(20).withReference(1.0, "observation error std"));
        RmseFigure.write(dir.resolve("rmse-log.png"), "Lorenz 96, 3DVar: RMSE per cycle (log scale)", t, rmse,
                RmseFigure.Options.defaults().withSpinUp(20).withLogScale(true));

        // Lorenz 63 truth (RK4, dt = 0.01) sampled every 5 steps; background/analysis = truth + noise.
        int steps = 600;
        int every = 5;
        int n = steps / every + 1;
        double[] times = new double[n];
        double[][] truth = new double[3][n];
        double[] x = {1.508870, -1.531271, 25.46091};
        for (int s = 0, k = 0; s <= steps; s++) {
            if (s % every == 0) {
                times[k] = s * 0.01;
                for (int c = 0; c < 3; c++) {
                    truth[c][k] = x[c];
                }
                k++;
            }
            x = rk4Lorenz63(x, 0.01);
        }
        int cyc = n / 5 + 1; // analyses every 5 samples (every 0.25 time units)
        double[] ct = new double[cyc];
        double[][] bg = new double[3][cyc];
        double[][] an = new double[3][cyc];
        double[][] obs = new double[3][cyc];
        for (int j = 0; j < cyc; j++) {
            int k = Math.min(5 * j, n - 1);
            ct[j] = times[k];
            for (int c = 0; c < 3; c++) {
                bg[c][j] = truth[c][k] + 1.5 * gaussian(rng);
                an[c][j] = truth[c][k] + 0.6 * gaussian(rng);
                obs[c][j] = c == 1 ? Double.NaN : truth[c][k] + 1.0 * gaussian(rng); // y not observed
            }
        }
        TrajectoryFigure.write(dir.resolve("trajectories.png"), "Lorenz 63: truth, background, analysis",
                new String[] {"x", "y", "z"}, new Trajectory(times, truth), new Trajectory(ct, bg),
                new Trajectory(ct, an), new Trajectory(ct, obs));

        // Results page: 3 settings × 3 methods, mean and 95 % interval.
        List<Group> groups = List.of(
                new Group("L63, 3D", List.of(Bar.symmetric("3DVar", 1.12, 0.05),
                        Bar.symmetric("VAE-3DVar", 0.91, 0.06), Bar.symmetric("4DVar", 0.70, 0.04))),
                new Group("L96 F=8, 3D", List.of(Bar.symmetric("3DVar", 0.83, 0.03),
                        Bar.symmetric("VAE-3DVar", 0.78, 0.05), Bar.symmetric("4DVar", 0.52, 0.02))),
                new Group("L96 sparse obs", List.of(new Bar("3DVar", 2.10, 1.95, 2.31),
                        new Bar("VAE-3DVar", 1.72, 1.60, 1.90), Bar.symmetric("4DVar", 1.31, 0.09))));
        IntervalBarsFigure.write(dir.resolve("bars.png"), "Analysis RMSE after spin-up, 10 seeds",
                "analysis RMSE", "bars: mean over 10 seeds; whiskers: 95 % t-interval", groups);

        // Taylor test: relative error against epsilon, log-log.
        int m = 12;
        double[] eps = new double[m];
        double[] errTl = new double[m];
        double[] errBad = new double[m];
        for (int i = 0; i < m; i++) {
            eps[i] = Math.pow(10, -i);
            errTl[i] = Math.max(eps[i] * 0.3, 1e-16 / eps[i]);
            errBad[i] = Math.max(0.05, 1e-16 / eps[i]);
        }
        Map<String, double[][]> lines = new LinkedHashMap<>();
        lines.put("correct tangent-linear", new double[][] {eps, errTl});
        lines.put("wrong tangent-linear", new double[][] {eps, errBad});
        LinesFigure.write(dir.resolve("lines.png"), "Taylor test", "epsilon", "relative error", lines, true, true);

        // Non-Gaussian errors (skewed gamma-like), a Gaussian fit, and "VAE samples".
        int ns = 20000;
        double[] errors = new double[ns];
        double[] gaussFit = new double[ns];
        double[] vae = new double[ns];
        double mean = 0;
        for (int i = 0; i < ns; i++) {
            errors[i] = -Math.log(rng.nextDouble()) + -Math.log(rng.nextDouble()) - 2; // Gamma(2,1) - 2
            vae[i] = -Math.log(rng.nextDouble()) + -Math.log(rng.nextDouble()) - 2 + 0.15 * gaussian(rng);
            mean += errors[i] / ns;
        }
        double var = 0;
        for (double e : errors) {
            var += (e - mean) * (e - mean) / (ns - 1);
        }
        double sd = Math.sqrt(var);
        for (int i = 0; i < ns; i++) {
            gaussFit[i] = mean + sd * gaussian(rng);
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("background errors", errors);
        samples.put("Gaussian fit samples", gaussFit);
        samples.put("VAE samples", vae);
        double mu = mean;
        double v2 = var;
        Map<String, java.util.function.DoubleUnaryOperator> curves = Map.of("Gaussian fit pdf",
                v -> Math.exp(-0.5 * (v - mu) * (v - mu) / v2) / Math.sqrt(2 * Math.PI * v2));
        HistogramFigure.write(dir.resolve("histograms.png"), "Background-error distribution of x_1", "x_1 error",
                samples, 60, curves);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; one of the pair is enough for a demo.
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static double[] rk4Lorenz63(double[] x, double dt) {
        double[] k1 = l63(x);
        double[] k2 = l63(axpy(x, k1, dt / 2));
        double[] k3 = l63(axpy(x, k2, dt / 2));
        double[] k4 = l63(axpy(x, k3, dt));
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = x[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] l63(double[] x) {
        return new double[] {10 * (x[1] - x[0]), x[0] * (28 - x[2]) - x[1], x[0] * x[1] - 8.0 / 3 * x[2]};
    }

    private static double[] axpy(double[] x, double[] k, double a) {
        return new double[] {x[0] + a * k[0], x[1] + a * k[1], x[2] + a * k[2]};
    }
}
