package org.vaevar.harness.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.vaevar.assimilation.experiment.Trajectory;
import org.vaevar.harness.plots.HistogramFigure;
import org.vaevar.harness.plots.IntervalBarsFigure;
import org.vaevar.harness.plots.IntervalBarsFigure.Bar;
import org.vaevar.harness.plots.IntervalBarsFigure.Group;
import org.vaevar.harness.plots.LinesFigure;

/**
 * The figures of a reproduction, written as PNG into a directory; each returns the file names it wrote, with a
 * caption, in a fixed order.
 * <ul>
 *   <li>{@code rmse-<system>.png}: analysis RMSE per setting and method, mean over replications (or seeds) with
 *   95 % whiskers;</li>
 *   <li>{@code rmse-vs-density-<system>-<operator>.png}: analysis RMSE against the observed share of the state;</li>
 *   <li>{@code error-shape.png}: histogram of one component of the calibration corrections with its Gaussian fit
 *       (and the learned prior's samples when it can draw them);</li>
 *   <li>{@code trajectories.png}: one component of truth and of each method's analyses on the first evaluation
 *       seed of one setting.</li>
 * </ul>
 */
public final class Figures {

    /** A figure file and what it shows. */
    public record Figure(String file, String caption) {
    }

    /** Observation times shown in the trajectory figure (counted for 3D-Var, the densest). */
    static final int TRAJECTORY_TIMES = 60;
    private static final int BINS = 60;

    private Figures() {
    }

    public static List<Figure> write(ReproductionResult result, Path dir) throws IOException {
        List<Figure> figures = new ArrayList<>();
        List<ResultRow> rows = result.rows();
        for (String system : systems(rows)) {
            figures.add(rmseBars(rows, system, dir));
        }
        for (String system : systems(rows)) {
            for (String operator : operators(rows, system)) {
                Figure f = rmseVsDensity(rows, system, operator, dir);
                if (f != null) {
                    figures.add(f);
                }
            }
        }
        if (result.shape() != null) {
            figures.add(errorShape(result, dir));
        }
        Figure t = trajectories(result, dir);
        if (t != null) {
            figures.add(t);
        }
        return List.copyOf(figures);
    }

    private static Set<String> systems(List<ResultRow> rows) {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.setting().system()));
        return s;
    }

    private static Set<String> operators(List<ResultRow> rows, String system) {
        Set<String> s = new LinkedHashSet<>();
        rows.stream().filter(r -> r.setting().system().equals(system)).forEach(r -> s.add(r.setting().operator()));
        return s;
    }

    /** Grouped bars: one group per setting, one bar per method; a diverged method has no bar (noted). */
    static Figure rmseBars(List<ResultRow> rows, String system, Path dir) throws IOException {
        Map<String, List<Bar>> groups = new LinkedHashMap<>();
        String systemLabel = null;
        for (ResultRow r : rows) {
            if (!r.setting().system().equals(system)) {
                continue;
            }
            systemLabel = r.setting().systemLabel();
            String group = r.setting().label().substring(4); // drop the "L63 " prefix: the title names the system
            double mean = r.complete() ? r.analysis().mean() : Double.NaN;
            double half = r.complete() ? r.analysis().halfWidth95() : Double.NaN;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(Bar.symmetric(r.method().displayName(), mean,
                    half));
        }
        List<Group> g = new ArrayList<>();
        groups.forEach((name, bars) -> g.add(new Group(name, bars)));
        String file = "rmse-" + system + ".png";
        String over = rows.isEmpty() || rows.get(0).replications().size() < 2 ? "the evaluation seeds"
                : rows.get(0).replications().size() + " replications (each its seeds' mean)";
        IntervalBarsFigure.write(dir.resolve(file), systemLabel + ": analysis RMSE per setting (Δ = steps between "
                        + "observations)", "analysis RMSE",
                "bars: mean over " + (over.startsWith("the") ? "seeds" : "replications")
                        + "; whiskers: 95 % t-interval; a missing bar is a diverged method (see the table); "
                        + "(reference): the ensemble filter",
                g);
        return new Figure(file, systemLabel + ": mean analysis RMSE over " + over + " with 95 % intervals, "
                + "per setting and method, the ensemble filter (marked reference) beside the variational methods. A missing "
                + "bar is a method that diverged.");
    }

    /**
     * RMSE against the observed share of the state, one line per method and observation interval, perfect-model
     * settings only; null when the grid has a single density for this system and operator.
     */
    static Figure rmseVsDensity(List<ResultRow> rows, String system, String operator, Path dir) throws IOException {
        Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
        Set<Integer> densities = new LinkedHashSet<>();
        String systemLabel = null;
        for (ResultRow r : rows) {
            SettingSpec s = r.setting();
            if (!s.system().equals(system) || !s.operator().equals(operator) || !s.perfectModel()) {
                continue;
            }
            systemLabel = s.systemLabel();
            densities.add(s.obsEvery());
            double fraction = s.observedFraction(stateDimension(s));
            series.computeIfAbsent(r.method().displayName() + " Δ" + s.obsInterval(), k -> new TreeMap<>())
                    .put(fraction, r.complete() ? r.analysis().mean() : Double.NaN);
        }
        if (densities.size() < 2) {
            return null;
        }
        Map<String, double[][]> xy = new LinkedHashMap<>();
        series.forEach((name, points) -> xy.put(name, new double[][] {
            points.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
            points.values().stream().mapToDouble(Double::doubleValue).toArray()}));
        String file = "rmse-vs-density-" + system + "-" + operator + ".png";
        LinesFigure.write(dir.resolve(file), systemLabel + ", " + operator + " observations: analysis RMSE against "
                + "the observed share of the state", "observed share of the state components", "analysis RMSE", xy);
        return new Figure(file, systemLabel + " with " + operator + " observations: mean analysis RMSE against the "
                + "share of components observed, per method and observation interval Δ. A gap is a divergence.");
    }

    private static int stateDimension(SettingSpec s) {
        Object n = s.model().parameters().get("n");
        return s.system().equals("lorenz63") ? 3 : ((Number) n).intValue();
    }

    /** Histogram of one component of the calibration corrections, its Gaussian fit, and learned samples. */
    static Figure errorShape(ReproductionResult result, Path dir) throws IOException {
        ErrorShape e = result.shape();
        SettingSpec s = result.plan().settings().stream().map(Plan.PlannedSetting::spec)
                .filter(x -> x.id().equals(e.settingId())).findFirst().orElseThrow();
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("calibration corrections δ = xᵗ − xb", e.corrections());
        if (e.learnedSamples() != null) {
            samples.put(e.learnedLabel(), e.learnedSamples());
        }
        double mean = 0;
        for (double v : e.corrections()) {
            mean += v;
        }
        mean /= e.corrections().length;
        double var = 0;
        for (double v : e.corrections()) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / (e.corrections().length - 1));
        double mu = mean;
        DoubleUnaryOperator pdf = x -> Math.exp(-0.5 * ((x - mu) / sd) * ((x - mu) / sd)) / (sd * Math.sqrt(2 * Math.PI));
        Map<String, DoubleUnaryOperator> curves = new LinkedHashMap<>();
        curves.put(String.format(Locale.ROOT, "Gaussian fit N(%.3g, %.3g²)", mu, sd), pdf);
        String component = componentName(s, e.component());
        String file = "error-shape.png";
        HistogramFigure.write(dir.resolve(file), String.format(Locale.ROOT,
                        "%s: background-error corrections of %s (skewness %.2f, excess kurtosis %.2f)", s.label(),
                        component, e.skewness(), e.excessKurtosis()),
                "correction δ of " + component, samples, BINS, curves);
        return new Figure(file, s.label() + ": distribution of the correction δ = xᵗ − xb of " + component
                + " over the calibration runs (the samples every prior learns from), against its Gaussian fit"
                + (e.learnedSamples() != null ? " and samples of the learned prior" : "") + ". The component is the "
                + "most non-Gaussian one (largest |skewness| + |excess kurtosis|).");
    }

    private static String componentName(SettingSpec s, int i) {
        if (s.system().equals("lorenz63") && i < 3) {
            return new String[] {"x", "y", "z"}[i];
        }
        return "x[" + i + "]";
    }

    /** Truth and each main method's analyses of component 0 over the last observation times of seed 0. */
    static Figure trajectories(ReproductionResult result, Path dir) throws IOException {
        Map<String, Trajectory> byMethod = new LinkedHashMap<>();
        String settingId = result.plan().figureSetting().id();
        for (MethodOutcome o : result.outcomes()) {
            if (o.setting().id().equals(settingId) && !o.method().isAblation() && o.trajectory() != null) {
                byMethod.put(o.method().displayName(), o.trajectory());
            }
        }
        Trajectory dense = null;
        for (MethodOutcome o : result.outcomes()) {
            if (o.setting().id().equals(settingId) && o.method().window() == 1 && o.trajectory() != null) {
                dense = o.trajectory();
                break;
            }
        }
        if (dense == null || dense.times().length < 2) {
            return null;
        }
        SettingSpec s = result.plan().figureSetting();
        double step = dense.times()[1] - dense.times()[0];
        double end = dense.times()[dense.times().length - 1];
        double from = end - TRAJECTORY_TIMES * step;
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("truth", window(dense.times(), column(dense.truth()), from));
        byMethod.forEach((method, t) -> series.put(method + " analysis", window(t.times(), column(t.analysis()),
                from)));
        String component = componentName(s, 0);
        String file = "trajectories.png";
        LinesFigure.write(dir.resolve(file), s.label() + ", evaluation seed 0: " + component
                        + " at window starts (4D-Var: the analysis at the window start)", "model time",
                component, series);
        return new Figure(file, s.label() + ": truth and analyses of " + component + " at the window starts of the "
                + "last " + TRAJECTORY_TIMES + " observation times of evaluation seed 0 (for 4D-Var the analysis at "
                + "the start of each 3-observation window).");
    }

    private static double[] column(double[][] rows) {
        double[] c = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            c[k] = rows[k][0];
        }
        return c;
    }

    private static double[][] window(double[] times, double[] values, double from) {
        int start = 0;
        while (start < times.length && times[start] < from - 1e-9) {
            start++;
        }
        return new double[][] {java.util.Arrays.copyOfRange(times, start, times.length),
            java.util.Arrays.copyOfRange(values, start, values.length)};
    }
}
