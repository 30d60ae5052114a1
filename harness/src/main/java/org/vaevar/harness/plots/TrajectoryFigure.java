package org.vaevar.harness.plots;

import static org.vaevar.harness.plots.ChartParts.MARKER_LIMIT;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Truth, background, analysis and observations of a few state components, one stacked panel per component,
 * {@value ChartImage#WIDTH} pixels wide and {@link #height(int)} high. Non-finite estimates leave a gap and are
 * counted in a note; a NaN observation means "not observed" and is skipped without one.
 */
public final class TrajectoryFigure {

    /** Most stacked panels the figure draws; more would be unreadable. */
    public static final int MAX_PANELS = 8;

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

    private TrajectoryFigure() {
    }

    /**
     * Truth, background and analysis on one time grid.
     *
     * @param truth        {@code truth[c][k]}: component {@code componentNames[c]} at {@code times[k]}
     * @param background   same layout, or null
     * @param analysis     same layout, or null
     * @param observations observations on their own times ({@code values[c][k]}, NaN where component c is not
     *                     observed), or null
     */
    public static void write(Path png, String title, double[] times, String[] componentNames, double[][] truth,
                             double[][] background, double[][] analysis, Trajectory observations)
            throws IOException {
        write(png, title, componentNames, new Trajectory(times, truth),
                background == null ? null : new Trajectory(times, background),
                analysis == null ? null : new Trajectory(times, analysis), observations);
    }

    /**
     * Truth (a black line), background and analysis (markers when there are at most {@value ChartParts#MARKER_LIMIT}
     * times, e.g. one per cycle; lines when denser) and observations (crosses), each on its own times. Only
     * {@code truth} is required.
     */
    public static void write(Path png, String title, String[] componentNames, Trajectory truth,
                             Trajectory background, Trajectory analysis, Trajectory observations)
            throws IOException {
        JFreeChart chart = chart(title, componentNames, truth, background, analysis, observations);
        ChartImage.write(chart, png, ChartImage.WIDTH, height(componentNames.length));
    }

    /** Height of the image: 190 px per panel plus room for title, axis and legend, at least 700. */
    public static int height(int components) {
        return Math.max(ChartImage.HEIGHT, 140 + 190 * components);
    }

    static JFreeChart chart(String title, String[] names, Trajectory truth, Trajectory background,
                            Trajectory analysis, Trajectory observations) {
        Objects.requireNonNull(names, "componentNames");
        if (names.length == 0 || names.length > MAX_PANELS) {
            throw new IllegalArgumentException("componentNames has " + names.length + " entries: must be 1.."
                    + MAX_PANELS + " (pick a few components to show)");
        }
        Objects.requireNonNull(truth, "truth");
        check("truth", truth, names.length);
        if (background != null) {
            check("background", background, names.length);
        }
        if (analysis != null) {
            check("analysis", analysis, names.length);
        }
        if (observations != null) {
            check("observations", observations, names.length);
        }
        SkippedValues skipped = new SkippedValues();
        SkippedValues unobserved = new SkippedValues(); // NaN observations mean "not observed": expected, not reported
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(ChartParts.plainAxis("time"));
        combined.setGap(14);
        for (int c = 0; c < names.length; c++) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = ChartParts.lineRenderer(true, true);
            int s = 0;
            data.addSeries(ChartParts.xySeries("truth", truth.times(), truth.values()[c], skipped, false));
            ChartParts.styleSeries(r, s++, Color.BLACK, ChartStyle.line(2.2f), null);
            // Sparse estimates (one per cycle) are drawn as markers only: a line between two analyses would
            // suggest a trajectory that was never computed. Dense ones (every model step) are drawn as lines.
            if (background != null) {
                data.addSeries(ChartParts.xySeries("background", background.times(), background.values()[c],
                        skipped, false));
                boolean sparse = background.times().length <= MARKER_LIMIT;
                r.setSeriesLinesVisible(s, !sparse);
                ChartParts.styleSeries(r, s++, ChartStyle.color(0), ChartStyle.dashed(1.6f),
                        sparse ? Markers.circle(8) : null);
            }
            if (analysis != null) {
                data.addSeries(ChartParts.xySeries("analysis", analysis.times(), analysis.values()[c], skipped,
                        false));
                boolean sparse = analysis.times().length <= MARKER_LIMIT;
                r.setSeriesLinesVisible(s, !sparse);
                ChartParts.styleSeries(r, s++, ChartStyle.color(1), ChartStyle.line(1.8f),
                        sparse ? Markers.diamond(10) : null);
            }
            if (observations != null) {
                data.addSeries(ChartParts.xySeries("observations", observations.times(), observations.values()[c],
                        unobserved, false));
                r.setSeriesLinesVisible(s, false);
                ChartParts.styleSeries(r, s++, ChartStyle.color(2), ChartStyle.line(1f), Markers.cross(9));
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
        return ChartParts.finish(title, combined, skipped);
    }

    private static void check(String field, Trajectory t, int components) {
        PlotInputs.requireFinite(field + ".times", t.times());
        if (t.values().length != components) {
            throw new IllegalArgumentException(field + " has " + t.values().length + " component rows; expected "
                    + components + " (one per component name, values[component][time])");
        }
        for (int c = 0; c < components; c++) {
            PlotInputs.requireLength(field + "[" + c + "]", t.values()[c], t.times().length);
        }
    }
}
