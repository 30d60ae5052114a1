package org.vaevar.harness.plots;

import org.vaevar.harness.io.TextTable;
import org.vaevar.harness.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots for run directories and result pages, drawn with JFreeChart in headless mode and written atomically.
 *
 * <p><b>Non-finite values</b> (NaN, ±inf) in plotted <em>values</em> are skipped, never refused: a diverged
 * cycle is exactly what a plot must still show. A skipped point leaves a gap in its line, and the chart gets a
 * subtitle counting the skipped values, so nothing disappears silently. The same holds for values &le; 0 on a
 * logarithmic axis. Non-finite <em>coordinates</em> (times, x values) are refused with an
 * {@link IllegalArgumentException}, as are mismatched lengths. In {@link Trajectory observations} a NaN means
 * "not observed" and is skipped without a note.
 *
 * <p>Size: {@value #WIDTH}×{@value #HEIGHT} pixels, except {@code trajectories}, which is taller with more
 * components ({@link #trajectoriesHeight(int)}).
 */
public final class Plots {

    static {
        // Render off-screen even where a display exists; respect an explicit choice made before us.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    /** Most stacked panels {@code trajectories} draws; more would be unreadable. */
    public static final int MAX_TRAJECTORY_PANELS = 8;

    /** Series with more points than this are drawn as lines without markers (markers would merge into a band). */
    static final int MARKER_LIMIT = 150;

    /**
     * A multi-component time series: {@code values[c][k]} is component {@code c} at {@code times[k]} (one row per
     * component, in the order of the component names).
     */
    public record Trajectory(double[] times, double[][] values) {
        public Trajectory {
            Objects.requireNonNull(times, "times");
            Objects.requireNonNull(values, "values");
        }
    }

    /** One bar: {@code series} (e.g. the method) with its mean and interval [lower, upper]. */
    public record Bar(String series, double mean, double lower, double upper) {
        public Bar {
            Objects.requireNonNull(series, "series");
        }

        /** A bar with a symmetric interval mean ± halfWidth. */
        public static Bar symmetric(String series, double mean, double halfWidth) {
            return new Bar(series, mean, mean - halfWidth, mean + halfWidth);
        }
    }

    /** A group of bars drawn side by side under one category label (e.g. a setting). */
    public record Group(String name, List<Bar> bars) {
        public Group {
            Objects.requireNonNull(name, "name");
            bars = List.copyOf(bars);
        }
    }

    /**
     * Options of {@link #rmseOverCycles(Path, String, double[], Map, RmseOptions)}.
     *
     * @param spinUpCycles   leading cycles shaded as spin-up and left out of the means in the legend
     * @param logScale       logarithmic RMSE axis
     * @param reference      a horizontal reference line (e.g. the observation-error standard deviation), NaN for none
     * @param referenceLabel its label
     * @param xLabel         label of the time axis
     */
    public record RmseOptions(int spinUpCycles, boolean logScale, double reference, String referenceLabel,
                              String xLabel) {
        public static RmseOptions defaults() {
            return new RmseOptions(0, false, Double.NaN, "", "time");
        }

        public RmseOptions withSpinUp(int cycles) {
            return new RmseOptions(cycles, logScale, reference, referenceLabel, xLabel);
        }

        public RmseOptions withLogScale(boolean log) {
            return new RmseOptions(spinUpCycles, log, reference, referenceLabel, xLabel);
        }

        public RmseOptions withReference(double value, String label) {
            return new RmseOptions(spinUpCycles, logScale, value, label, xLabel);
        }

        public RmseOptions withXLabel(String label) {
            return new RmseOptions(spinUpCycles, logScale, reference, referenceLabel, label);
        }
    }

    private Plots() {
    }

    // ---------------------------------------------------------------- RMSE over cycles

    /** RMSE per cycle for each series (e.g. "background", "analysis"), linear axis, no spin-up. */
    public static void rmseOverCycles(Path png, String title, double[] cycleTimes, Map<String, double[]> series)
            throws IOException {
        rmseOverCycles(png, title, cycleTimes, series, RmseOptions.defaults());
    }

    /**
     * RMSE per cycle for each series. The legend gives each series' mean over the cycles after spin-up; that mean
     * is reported as undefined when one of those values is not finite (it is not quietly skipped).
     */
    public static void rmseOverCycles(Path png, String title, double[] cycleTimes, Map<String, double[]> series,
                                      RmseOptions options) throws IOException {
        write(rmseChart(title, cycleTimes, series, options), png, WIDTH, HEIGHT);
    }

    static JFreeChart rmseChart(String title, double[] cycleTimes, Map<String, double[]> series,
                                RmseOptions options) {
        Objects.requireNonNull(options, "options");
        requireFinite("cycleTimes", cycleTimes);
        requireNonEmpty("series", series);
        int spin = options.spinUpCycles();
        if (spin < 0 || spin >= cycleTimes.length) {
            throw new IllegalArgumentException("spinUpCycles = " + spin + ": must be within 0.."
                    + (cycleTimes.length - 1) + " (there are " + cycleTimes.length + " cycles)");
        }
        Skipped skipped = new Skipped();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = requireLength("series \"" + e.getKey() + "\"", e.getValue(), cycleTimes.length);
            String label = e.getKey() + "  (mean" + (spin > 0 ? " after spin-up " : " ") + meanLabel(y, spin) + ")";
            data.addSeries(xySeries(label, cycleTimes, y, skipped, options.logScale()));
        }
        NumberAxis x = plainAxis(options.xLabel());
        ValueAxis y = options.logScale() ? logAxis("RMSE") : zeroBasedAxis("RMSE");
        XYLineAndShapeRenderer renderer = lineRenderer(true, cycleTimes.length <= MARKER_LIMIT);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.line(2f));
            renderer.setSeriesShape(i, circle(6));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        if (spin > 0) {
            // Shade the cycles left out of the statistics: from the first cycle to midway before the first kept one.
            double end = 0.5 * (cycleTimes[spin - 1] + cycleTimes[spin]);
            IntervalMarker m = new IntervalMarker(cycleTimes[0], end, new Color(0, 0, 0, 22));
            m.setLabel("spin-up");
            m.setLabelFont(ChartStyle.SUBTITLE);
            m.setLabelPaint(ChartStyle.AXIS);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8, 8, 8, 8));
            m.setLabelBackgroundColor(ChartStyle.TRANSPARENT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (Double.isFinite(options.reference()) && (!options.logScale() || options.reference() > 0)) {
            ValueMarker ref = new ValueMarker(options.reference(), ChartStyle.AXIS, ChartStyle.dashed(1.5f));
            ref.setLabel(options.referenceLabel());
            ref.setLabelFont(ChartStyle.SUBTITLE);
            ref.setLabelPaint(ChartStyle.AXIS);
            ref.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            ref.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            ref.setLabelBackgroundColor(ChartStyle.TRANSPARENT);
            plot.addRangeMarker(ref);
            if (y instanceof NumberAxis n) {
                n.setAutoRangeIncludesZero(true);
            }
            // Keep the reference line in view even when every RMSE is far below or above it.
            includeInRange(plot, options.reference());
        }
        return finish(title, plot, skipped);
    }

    // ---------------------------------------------------------------- trajectories

    /**
     * Truth, background and analysis of a few components on one time grid, one stacked panel per component.
     *
     * @param truth        {@code truth[c][k]}: component {@code componentNames[c]} at {@code times[k]}
     * @param background   same layout, or null
     * @param analysis     same layout, or null
     * @param observations observations on their own times ({@code values[c][k]}, NaN where component c is not
     *                     observed), or null
     */
    public static void trajectories(Path png, String title, double[] times, String[] componentNames,
                                    double[][] truth, double[][] background, double[][] analysis,
                                    Trajectory observations) throws IOException {
        trajectories(png, title, componentNames, new Trajectory(times, truth),
                background == null ? null : new Trajectory(times, background),
                analysis == null ? null : new Trajectory(times, analysis), observations);
    }

    /**
     * Truth (a black line), background and analysis (markers when there are at most {@value #MARKER_LIMIT}
     * times, e.g. one per cycle; lines when denser) and observations (crosses), each on its own times; one
     * stacked panel per component. Only {@code truth} is required.
     */
    public static void trajectories(Path png, String title, String[] componentNames, Trajectory truth,
                                    Trajectory background, Trajectory analysis, Trajectory observations)
            throws IOException {
        JFreeChart chart = trajectoriesChart(title, componentNames, truth, background, analysis, observations);
        write(chart, png, WIDTH, trajectoriesHeight(componentNames.length));
    }

    /** Height of the trajectories image: 200 px per panel plus room for title, axis and legend, at least 700. */
    public static int trajectoriesHeight(int components) {
        return Math.max(HEIGHT, 140 + 190 * components);
    }

    static JFreeChart trajectoriesChart(String title, String[] names, Trajectory truth, Trajectory background,
                                        Trajectory analysis, Trajectory observations) {
        Objects.requireNonNull(names, "componentNames");
        if (names.length == 0 || names.length > MAX_TRAJECTORY_PANELS) {
            throw new IllegalArgumentException("componentNames has " + names.length + " entries: must be 1.."
                    + MAX_TRAJECTORY_PANELS + " (pick a few components to show)");
        }
        Objects.requireNonNull(truth, "truth");
        checkTrajectory("truth", truth, names.length);
        if (background != null) {
            checkTrajectory("background", background, names.length);
        }
        if (analysis != null) {
            checkTrajectory("analysis", analysis, names.length);
        }
        if (observations != null) {
            checkTrajectory("observations", observations, names.length);
        }
        Skipped skipped = new Skipped();
        Skipped unobserved = new Skipped(); // NaN observations mean "not observed": expected, not reported
        NumberAxis time = plainAxis("time");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(14);
        for (int c = 0; c < names.length; c++) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = lineRenderer(true, true);
            int s = 0;
            data.addSeries(xySeries("truth", truth.times(), truth.values()[c], skipped, false));
            styleSeries(r, s++, Color.BLACK, ChartStyle.line(2.2f), null);
            // Sparse estimates (one per cycle) are drawn as markers only: a line between two analyses would
            // suggest a trajectory that was never computed. Dense ones (every model step) are drawn as lines.
            if (background != null) {
                data.addSeries(xySeries("background", background.times(), background.values()[c], skipped, false));
                boolean sparse = background.times().length <= MARKER_LIMIT;
                r.setSeriesLinesVisible(s, !sparse);
                styleSeries(r, s++, ChartStyle.color(0), ChartStyle.dashed(1.6f), sparse ? circle(8) : null);
            }
            if (analysis != null) {
                data.addSeries(xySeries("analysis", analysis.times(), analysis.values()[c], skipped, false));
                boolean sparse = analysis.times().length <= MARKER_LIMIT;
                r.setSeriesLinesVisible(s, !sparse);
                styleSeries(r, s++, ChartStyle.color(1), ChartStyle.line(1.8f), sparse ? diamond(10) : null);
            }
            if (observations != null) {
                data.addSeries(xySeries("observations", observations.times(), observations.values()[c], unobserved,
                        false));
                r.setSeriesLinesVisible(s, false);
                styleSeries(r, s++, ChartStyle.color(2), ChartStyle.line(1f), cross(9));
            }
            if (c > 0) {
                r.setDefaultSeriesVisibleInLegend(false); // one legend for all panels
            }
            NumberAxis value = new NumberAxis(names[c]);
            value.setAutoRangeIncludesZero(false);
            XYPlot sub = new XYPlot(data, null, value, r);
            sub.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            combined.add(sub, 1);
        }
        return finish(title, combined, skipped);
    }

    // ---------------------------------------------------------------- grouped bars with intervals

    /** Grouped bars (one group per setting, one bar per method) with whiskers over [lower, upper]. */
    public static void barsWithIntervals(Path png, String title, List<Group> groups) throws IOException {
        barsWithIntervals(png, title, "mean", "bars: mean over seeds; whiskers: 95 % interval", groups);
    }

    /**
     * Grouped bars with whiskers. A bar with a non-finite mean is skipped (and counted in a note); a bar whose
     * lower or upper bound is not finite is drawn without a whisker (e.g. a single seed has no interval), also
     * counted in the note. Otherwise {@code lower <= mean <= upper} is required.
     *
     * @param intervalNote a subtitle stating what the whiskers are; null or empty for none
     */
    public static void barsWithIntervals(Path png, String title, String yLabel, String intervalNote,
                                         List<Group> groups) throws IOException {
        write(barsChart(title, yLabel, intervalNote, groups), png, WIDTH, HEIGHT);
    }

    static JFreeChart barsChart(String title, String yLabel, String intervalNote, List<Group> groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups = []: nothing to plot");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ErrorBarRenderer renderer = new ErrorBarRenderer();
        Skipped skipped = new Skipped();
        int noInterval = 0;
        // Series (methods) in order of first appearance, so colours are stable across groups.
        Set<String> seriesOrder = new LinkedHashSet<>();
        for (Group g : groups) {
            for (Bar b : g.bars()) {
                seriesOrder.add(b.series());
            }
        }
        Set<String> groupNames = new LinkedHashSet<>();
        for (Group g : groups) {
            if (!groupNames.add(g.name())) {
                throw new IllegalArgumentException("group name = \"" + g.name() + "\": appears twice");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Bar b : g.bars()) {
                if (!seen.add(b.series())) {
                    throw new IllegalArgumentException("group \"" + g.name() + "\": series \"" + b.series()
                            + "\" appears twice");
                }
                if (!Double.isFinite(b.mean())) {
                    skipped.nonFinite++;
                    continue;
                }
                data.addValue(b.mean(), b.series(), g.name());
                if (Double.isFinite(b.lower()) && Double.isFinite(b.upper())) {
                    if (!(b.lower() <= b.mean() && b.mean() <= b.upper())) {
                        throw new IllegalArgumentException("group \"" + g.name() + "\", series \"" + b.series()
                                + "\": interval [" + b.lower() + ", " + b.upper() + "] does not contain mean = "
                                + b.mean());
                    }
                    renderer.setInterval(b.series(), g.name(), b.lower(), b.upper());
                } else {
                    noInterval++;
                }
            }
        }
        // Make sure every series exists in the dataset's row order even if some groups lack it.
        for (String s : seriesOrder) {
            if (data.getRowIndex(s) < 0) {
                data.addValue(null, s, groups.get(0).name());
            }
        }
        int i = 0;
        for (Object key : data.getRowKeys()) {
            renderer.setSeriesPaint(i++, ChartStyle.color(new ArrayList<>(seriesOrder).indexOf(key.toString())));
        }
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = zeroBasedAxis(yLabel == null ? "" : yLabel);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = finish(title, plot, skipped);
        if (noInterval > 0) {
            addNote(chart, noInterval + (noInterval == 1 ? " bar has" : " bars have") + " no interval (no whisker)");
        }
        if (intervalNote != null && !intervalNote.isBlank()) {
            chart.addSubtitle(0, new TextTitle(intervalNote));
            ChartStyle.apply(chart);
        }
        return chart;
    }

    // ---------------------------------------------------------------- generic lines

    /**
     * Generic x–y lines with markers. Each series is {@code {x, y}}: {@code series.get(name)[0]} the x values,
     * {@code [1]} the y values, of equal length.
     */
    public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series)
            throws IOException {
        lines(png, title, xLabel, yLabel, series, false, false);
    }

    /** As {@link #lines(Path, String, String, String, Map)}, with optional logarithmic axes. */
    public static void lines(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series,
                             boolean logX, boolean logY) throws IOException {
        write(linesChart(title, xLabel, yLabel, series, logX, logY), png, WIDTH, HEIGHT);
    }

    static JFreeChart linesChart(String title, String xLabel, String yLabel, Map<String, double[][]> series,
                                 boolean logX, boolean logY) {
        requireNonEmpty("series", series);
        Skipped skipped = new Skipped();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = lineRenderer(true, true);
        int i = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            String field = "series \"" + e.getKey() + "\"";
            double[][] xy = e.getValue();
            if (xy == null || xy.length != 2) {
                throw new IllegalArgumentException(field + " must be {x, y} (2 arrays); got "
                        + (xy == null ? "null" : xy.length + " arrays"));
            }
            requireFinite(field + " x", xy[0]);
            requireLength(field + " y", xy[1], xy[0].length);
            if (logX) {
                for (int k = 0; k < xy[0].length; k++) {
                    if (!(xy[0][k] > 0)) {
                        throw new IllegalArgumentException(field + " x[" + k + "] = " + xy[0][k]
                                + ": must be positive on a logarithmic x axis");
                    }
                }
            }
            data.addSeries(xySeries(e.getKey(), xy[0], xy[1], skipped, logY));
            styleSeries(r, i, ChartStyle.color(i), ChartStyle.line(2f),
                    xy[0].length <= MARKER_LIMIT ? MARKERS[i % MARKERS.length] : null);
            i++;
        }
        ValueAxis x = logX ? logAxis(xLabel) : plainAxis(xLabel);
        ValueAxis y = logY ? logAxis(yLabel) : plainAxis(yLabel);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return finish(title, plot, skipped);
    }

    // ---------------------------------------------------------------- histograms

    /** Overlaid density histograms on common bins spanning all finite samples. */
    public static void histograms(Path png, String title, Map<String, double[]> samples, int bins)
            throws IOException {
        histograms(png, title, "value", samples, bins, Map.of());
    }

    /**
     * Overlaid density histograms (each integrates to 1 over the finite samples of its series; bins common to
     * all series, spanning the smallest to the largest finite sample), drawn as outlined steps with a light fill,
     * plus optional density curves (e.g. a fitted Gaussian pdf) drawn as dashed lines over the same range.
     */
    public static void histograms(Path png, String title, String xLabel, Map<String, double[]> samples, int bins,
                                  Map<String, DoubleUnaryOperator> densityCurves) throws IOException {
        write(histogramsChart(title, xLabel, samples, bins, densityCurves), png, WIDTH, HEIGHT);
    }

    static JFreeChart histogramsChart(String title, String xLabel, Map<String, double[]> samples, int bins,
                                      Map<String, DoubleUnaryOperator> densityCurves) {
        requireNonEmpty("samples", samples);
        Objects.requireNonNull(densityCurves, "densityCurves");
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("bins = " + bins + ": must be within 1..10000");
        }
        Skipped skipped = new Skipped();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            Objects.requireNonNull(e.getValue(), "samples \"" + e.getKey() + "\"");
            int finite = 0;
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    finite++;
                } else {
                    skipped.nonFinite++;
                }
            }
            if (finite == 0) {
                throw new IllegalArgumentException("samples \"" + e.getKey() + "\" has no finite value ("
                        + e.getValue().length + " entries)");
            }
        }
        if (hi == lo) { // all samples equal: give the single bin a visible width
            double pad = lo == 0 ? 0.5 : 0.5 * Math.abs(lo);
            lo -= pad;
            hi += pad;
        }
        double width = (hi - lo) / bins;

        XYSeriesCollection outlines = new XYSeriesCollection();
        XYIntervalSeriesCollection fills = new XYIntervalSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = lineRenderer(true, false);
        XYBarRenderer fillRenderer = new XYBarRenderer(0);
        fillRenderer.setBarPainter(new StandardXYBarPainter());
        fillRenderer.setShadowVisible(false);
        fillRenderer.setDrawBarOutline(false);
        fillRenderer.setDefaultSeriesVisibleInLegend(false);
        int s = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] density = density(e.getValue(), lo, width, bins);
            int n = countFinite(e.getValue());
            XYSeries step = new XYSeries(e.getKey() + "  (n = " + n + ")", false, true);
            XYIntervalSeries fill = new XYIntervalSeries(e.getKey());
            step.add(lo, 0);
            for (int b = 0; b < bins; b++) {
                double x0 = lo + b * width;
                double x1 = b == bins - 1 ? hi : lo + (b + 1) * width;
                step.add(x0, density[b]);
                step.add(x1, density[b]);
                fill.add(0.5 * (x0 + x1), x0, x1, density[b], 0, density[b]);
            }
            step.add(hi, 0);
            outlines.addSeries(step);
            fills.addSeries(fill);
            Color c = ChartStyle.color(s);
            styleSeries(lineRenderer, s, c, ChartStyle.line(2f), null);
            fillRenderer.setSeriesPaint(s, ChartStyle.withAlpha(c, 0.16));
            s++;
        }
        int curveIndex = 0;
        for (Map.Entry<String, DoubleUnaryOperator> e : densityCurves.entrySet()) {
            int points = 400;
            XYSeries curve = new XYSeries(e.getKey(), false, true);
            for (int k = 0; k <= points; k++) {
                double x = lo + (hi - lo) * k / points;
                double y = e.getValue().applyAsDouble(x);
                curve.add(x, Double.isFinite(y) ? (Number) y : null);
                if (!Double.isFinite(y)) {
                    skipped.nonFinite++;
                }
            }
            outlines.addSeries(curve);
            // Curves are dark and dashed so they read as "model", not as another sample set.
            Color c = curveIndex == 0 ? Color.BLACK : ChartStyle.color(samples.size() + curveIndex);
            styleSeries(lineRenderer, s, c, ChartStyle.dashed(2.2f), null);
            s++;
            curveIndex++;
        }
        NumberAxis x = plainAxis(xLabel);
        NumberAxis y = zeroBasedAxis("density");
        XYPlot plot = new XYPlot(outlines, x, y, lineRenderer);
        plot.setDataset(1, fills);
        plot.setRenderer(1, fillRenderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        JFreeChart chart = finish(title, plot, skipped);
        addNote(chart, bins + " bins of width " + formatShort(width));
        return chart;
    }

    /** Histogram density: count / (n · width) per bin over the finite samples; the top edge belongs to the last bin. */
    static double[] density(double[] samples, double lo, double width, int bins) {
        double[] d = new double[bins];
        int n = 0;
        for (double v : samples) {
            if (!Double.isFinite(v)) {
                continue;
            }
            int b = (int) Math.floor((v - lo) / width);
            d[Math.max(0, Math.min(bins - 1, b))]++;
            n++;
        }
        for (int b = 0; b < bins; b++) {
            d[b] /= n * width;
        }
        return d;
    }

    // ---------------------------------------------------------------- shared helpers

    /** Counts values that were not drawn, for an honest note on the chart. */
    static final class Skipped {
        int nonFinite;
        int nonPositive;

        String note() {
            List<String> parts = new ArrayList<>();
            if (nonFinite > 0) {
                parts.add(nonFinite + " non-finite value" + (nonFinite == 1 ? "" : "s"));
            }
            if (nonPositive > 0) {
                parts.add(nonPositive + " value" + (nonPositive == 1 ? "" : "s") + " <= 0 on the log axis");
            }
            return parts.isEmpty() ? null : "not drawn: " + String.join(", ", parts);
        }
    }

    private static final Shape[] MARKERS = {
        circle(7), square(7), diamond(8), triangle(8), circle(7), square(7), diamond(8), triangle(8), circle(7),
        square(7),
    };

    private static XYSeries xySeries(String key, double[] x, double[] y, Skipped skipped, boolean positiveOnly) {
        XYSeries s = new XYSeries(key, false, true);
        for (int k = 0; k < x.length; k++) {
            double v = y[k];
            if (!Double.isFinite(v)) {
                skipped.nonFinite++;
                s.add(x[k], null); // a null y breaks the line: the gap stays visible
            } else if (positiveOnly && v <= 0) {
                skipped.nonPositive++;
                s.add(x[k], null);
            } else {
                s.add(x[k], v);
            }
        }
        return s;
    }

    private static XYLineAndShapeRenderer lineRenderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        // One path per series: dashes run continuously instead of restarting at every short segment (which
        // makes a finely sampled dashed curve look solid), and joins are smooth. Null values still break it.
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    private static void styleSeries(XYLineAndShapeRenderer r, int series, Color color, java.awt.Stroke stroke,
                                    Shape marker) {
        r.setSeriesPaint(series, color);
        r.setSeriesStroke(series, stroke);
        r.setSeriesShapesVisible(series, marker != null);
        if (marker != null) {
            r.setSeriesShape(series, marker);
            r.setSeriesShapesFilled(series, true);
        }
    }

    private static JFreeChart finish(String title, org.jfree.chart.plot.Plot plot, Skipped skipped) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String note = skipped.note();
        if (note != null) {
            chart.addSubtitle(new TextTitle(note));
        }
        ChartStyle.apply(chart);
        return chart;
    }

    private static void addNote(JFreeChart chart, String note) {
        chart.addSubtitle(new TextTitle(note));
        ChartStyle.apply(chart);
    }

    private static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
        Objects.requireNonNull(png, "png");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        AtomicFiles.writePng(png, image);
    }

    private static NumberAxis zeroBasedAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    private static NumberAxis plainAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLowerMargin(0.01);
        a.setUpperMargin(0.01);
        return a;
    }

    private static ValueAxis logAxis(String label) {
        return new NiceLogAxis(label);
    }

    private static void includeInRange(XYPlot plot, double value) {
        // An invisible marker cannot widen auto range; a transparent one-point series can.
        XYSeriesCollection extra = new XYSeriesCollection();
        XYSeries s = new XYSeries("reference", false, true);
        double x = plot.getDataset().getXValue(0, 0);
        s.add(x, value);
        extra.addSeries(s);
        XYLineAndShapeRenderer none = new XYLineAndShapeRenderer(false, false);
        none.setDefaultSeriesVisibleInLegend(false);
        int idx = plot.getDatasetCount();
        plot.setDataset(idx, extra);
        plot.setRenderer(idx, none);
    }

    private static String meanLabel(double[] y, int from) {
        double sum = 0;
        for (int k = from; k < y.length; k++) {
            if (!Double.isFinite(y[k])) {
                return "undefined: non-finite values";
            }
            sum += y[k];
        }
        return formatShort(sum / (y.length - from));
    }

    /** Four significant digits, locale-independent ({@code 0.9929}, {@code 2.500}, {@code 1.200e-05}). */
    static String formatShort(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : TextTable.formatNumber(v, 0);
    }

    private static void checkTrajectory(String field, Trajectory t, int components) {
        requireFinite(field + ".times", t.times());
        if (t.values().length != components) {
            throw new IllegalArgumentException(field + " has " + t.values().length + " component rows; expected "
                    + components + " (one per component name, values[component][time])");
        }
        for (int c = 0; c < components; c++) {
            requireLength(field + "[" + c + "]", t.values()[c], t.times().length);
        }
    }

    private static void requireFinite(String field, double[] v) {
        Objects.requireNonNull(v, field);
        if (v.length == 0) {
            throw new IllegalArgumentException(field + " is empty");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] = " + v[i] + ": must be finite");
            }
        }
    }

    private static double[] requireLength(String field, double[] v, int n) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing (null)");
        }
        if (v.length != n) {
            throw new IllegalArgumentException(field + " has " + v.length + " values; expected " + n);
        }
        return v;
    }

    private static void requireNonEmpty(String field, Map<String, ?> map) {
        Objects.requireNonNull(map, field);
        if (map.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty: nothing to plot");
        }
    }

    private static int countFinite(double[] v) {
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                n++;
            }
        }
        return n;
    }

    private static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    private static Shape square(double d) {
        return new Rectangle2D.Double(-d / 2, -d / 2, d, d);
    }

    private static Shape diamond(double d) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, 0);
        p.lineTo(0, d / 2);
        p.lineTo(-d / 2, 0);
        p.closePath();
        return p;
    }

    private static Shape triangle(double d) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -d / 2);
        p.lineTo(d / 2, d / 2);
        p.lineTo(-d / 2, d / 2);
        p.closePath();
        return p;
    }

    private static Shape cross(double d) {
        // A thick "x" outline, so observations read as points distinct from the line markers.
        double h = d / 2;
        double t = d / 7;
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(-h, -h + t);
        p.lineTo(-h + t, -h);
        p.lineTo(0, -t);
        p.lineTo(h - t, -h);
        p.lineTo(h, -h + t);
        p.lineTo(t, 0);
        p.lineTo(h, h - t);
        p.lineTo(h - t, h);
        p.lineTo(0, t);
        p.lineTo(-h + t, h);
        p.lineTo(-h, h - t);
        p.lineTo(-t, 0);
        p.closePath();
        return p;
    }
}
