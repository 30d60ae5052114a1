package org.vaevar.harness.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vaevar.harness.io.NumberFormats;

/**
 * Overlaid density histograms: each integrates to 1 over the finite samples of its series, on bins common to all
 * series from the smallest to the largest finite sample (the top edge belongs to the last bin). Each is drawn as
 * an outlined step over a light fill, plus optional density curves (e.g. a fitted Gaussian pdf) drawn dashed over
 * the same range. Non-finite samples are counted in a note.
 */
public final class HistogramFigure {

    /** Points at which a density curve is evaluated across the bins. */
    private static final int CURVE_POINTS = 400;

    private HistogramFigure() {
    }

    public static void write(Path png, String title, Map<String, double[]> samples, int bins) throws IOException {
        write(png, title, "value", samples, bins, Map.of());
    }

    public static void write(Path png, String title, String xLabel, Map<String, double[]> samples, int bins,
                             Map<String, DoubleUnaryOperator> densityCurves) throws IOException {
        ChartImage.write(chart(title, xLabel, samples, bins, densityCurves), png);
    }

    static JFreeChart chart(String title, String xLabel, Map<String, double[]> samples, int bins,
                            Map<String, DoubleUnaryOperator> densityCurves) {
        PlotInputs.requireNonEmpty("samples", samples);
        Objects.requireNonNull(densityCurves, "densityCurves");
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("bins = " + bins + ": must be within 1..10000");
        }
        SkippedValues skipped = new SkippedValues();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            Objects.requireNonNull(e.getValue(), "samples \"" + e.getKey() + "\"");
            double[] finite = finite(e.getValue());
            skipped.nonFinite += e.getValue().length - finite.length;
            if (finite.length == 0) {
                throw new IllegalArgumentException("samples \"" + e.getKey() + "\" has no finite value ("
                        + e.getValue().length + " entries)");
            }
            for (double v : finite) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) { // all samples equal: give the single bin a visible width
            double pad = lo == 0 ? 0.5 : 0.5 * Math.abs(lo);
            lo -= pad;
            hi += pad;
        }
        HistogramDataset fills = new HistogramDataset();
        fills.setType(HistogramType.SCALE_AREA_TO_1);
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            fills.addSeries(e.getKey(), finite(e.getValue()), bins, lo, hi);
        }
        XYBarRenderer fillRenderer = new XYBarRenderer(0);
        fillRenderer.setBarPainter(new StandardXYBarPainter());
        fillRenderer.setShadowVisible(false);
        fillRenderer.setDrawBarOutline(false);
        fillRenderer.setDefaultSeriesVisibleInLegend(false);

        // The outline of each histogram is one step line over its bins (bar outlines would also draw every
        // inner bin edge down to zero), and it carries the legend item.
        XYSeriesCollection outlines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = ChartParts.lineRenderer(true, false);
        int s = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            XYSeries step = new XYSeries(e.getKey() + "  (n = " + finite(e.getValue()).length + ")", false, true);
            step.add(lo, 0);
            for (int b = 0; b < bins; b++) {
                double y = fills.getYValue(s, b);
                step.add(fills.getStartXValue(s, b), y);
                step.add(fills.getEndXValue(s, b), y);
            }
            step.add(hi, 0);
            outlines.addSeries(step);
            Color c = ChartStyle.color(s);
            ChartParts.styleSeries(lineRenderer, s, c, ChartStyle.line(2f), null);
            fillRenderer.setSeriesPaint(s, ChartStyle.withAlpha(c, 0.16));
            s++;
        }
        int curveIndex = 0;
        for (Map.Entry<String, DoubleUnaryOperator> e : densityCurves.entrySet()) {
            XYSeries curve = new XYSeries(e.getKey(), false, true);
            for (int k = 0; k <= CURVE_POINTS; k++) {
                double x = lo + (hi - lo) * k / CURVE_POINTS;
                double y = e.getValue().applyAsDouble(x);
                curve.add(x, Double.isFinite(y) ? (Number) y : null);
                if (!Double.isFinite(y)) {
                    skipped.nonFinite++;
                }
            }
            outlines.addSeries(curve);
            // Curves are dark and dashed so they read as "model", not as another sample set.
            Color c = curveIndex == 0 ? Color.BLACK : ChartStyle.color(samples.size() + curveIndex);
            ChartParts.styleSeries(lineRenderer, s, c, ChartStyle.dashed(2.2f), null);
            s++;
            curveIndex++;
        }
        XYPlot plot = new XYPlot(outlines, ChartParts.plainAxis(xLabel), ChartParts.zeroBasedAxis("density"),
                lineRenderer);
        plot.setDataset(1, fills);
        plot.setRenderer(1, fillRenderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        JFreeChart chart = ChartParts.finish(title, plot, skipped);
        ChartParts.addNote(chart, bins + " bins of width " + NumberFormats.significant4((hi - lo) / bins), false);
        return chart;
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
