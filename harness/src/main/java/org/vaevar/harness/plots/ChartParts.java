package org.vaevar.harness.plots;

import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The pieces the figures share: axes, line renderers, series with gaps, and the finished chart with its notes. */
final class ChartParts {

    /** Series with more points than this are drawn as lines without markers (markers would merge into a band). */
    static final int MARKER_LIMIT = 150;

    private ChartParts() {
    }

    /** The chart with its legend, a note on skipped values (if any), in the shared style. */
    static JFreeChart finish(String title, Plot plot, SkippedValues skipped) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String note = skipped.note();
        if (note != null) {
            chart.addSubtitle(new TextTitle(note));
        }
        ChartStyle.apply(chart);
        return chart;
    }

    /** Adds a note under the title (after the existing ones, or first when {@code first}). */
    static void addNote(JFreeChart chart, String note, boolean first) {
        if (first) {
            chart.addSubtitle(0, new TextTitle(note));
        } else {
            chart.addSubtitle(new TextTitle(note));
        }
        ChartStyle.apply(chart);
    }

    /**
     * The points as an XY series; a non-finite y (or, with {@code positiveOnly}, one &le; 0) becomes a null
     * value, which breaks the line so the gap stays visible, and is counted in {@code skipped}.
     */
    static XYSeries xySeries(String key, double[] x, double[] y, SkippedValues skipped, boolean positiveOnly) {
        XYSeries s = new XYSeries(key, false, true);
        for (int k = 0; k < x.length; k++) {
            double v = y[k];
            if (!Double.isFinite(v)) {
                skipped.nonFinite++;
                s.add(x[k], null);
            } else if (positiveOnly && v <= 0) {
                skipped.nonPositive++;
                s.add(x[k], null);
            } else {
                s.add(x[k], v);
            }
        }
        return s;
    }

    static XYLineAndShapeRenderer lineRenderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        // One path per series: dashes run continuously instead of restarting at every short segment (which
        // makes a finely sampled dashed curve look solid), and joins are smooth. Null values still break it.
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** Colour, stroke and a filled marker (none when {@code marker} is null) of one series. */
    static void styleSeries(XYLineAndShapeRenderer r, int series, Color color, Stroke stroke, Shape marker) {
        r.setSeriesPaint(series, color);
        r.setSeriesStroke(series, stroke);
        r.setSeriesShapesVisible(series, marker != null);
        if (marker != null) {
            r.setSeriesShape(series, marker);
            r.setSeriesShapesFilled(series, true);
        }
    }

    static NumberAxis zeroBasedAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    static NumberAxis plainAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLowerMargin(0.01);
        a.setUpperMargin(0.01);
        return a;
    }

    static ValueAxis axis(String label, boolean log) {
        return log ? new NiceLogAxis(label) : plainAxis(label);
    }

    /** Widens the plot's automatic value range to include {@code value} (e.g. a reference line). */
    static void includeInRange(XYPlot plot, double value) {
        // Markers never widen the auto range; a one-point series with no line, shape or legend item does.
        XYSeries s = new XYSeries("reference", false, true);
        s.add(plot.getDataset().getXValue(0, 0), value);
        XYLineAndShapeRenderer none = new XYLineAndShapeRenderer(false, false);
        none.setDefaultSeriesVisibleInLegend(false);
        int idx = plot.getDatasetCount();
        plot.setDataset(idx, new XYSeriesCollection(s));
        plot.setRenderer(idx, none);
    }
}
