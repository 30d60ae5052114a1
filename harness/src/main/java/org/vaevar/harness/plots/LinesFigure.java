package org.vaevar.harness.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Generic x–y lines, with a marker per point up to {@value ChartParts#MARKER_LIMIT} points, on linear or
 * logarithmic axes. Each series is {@code {x, y}}: {@code series.get(name)[0]} the x values, {@code [1]} the y
 * values, of equal length. Non-finite y values (and y &le; 0 on a log axis) leave a gap and are counted in a
 * note; x values must be finite (and positive on a log axis).
 */
public final class LinesFigure {

    private LinesFigure() {
    }

    /** Linear axes. */
    public static void write(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series)
            throws IOException {
        write(png, title, xLabel, yLabel, series, false, false);
    }

    public static void write(Path png, String title, String xLabel, String yLabel, Map<String, double[][]> series,
                             boolean logX, boolean logY) throws IOException {
        ChartImage.write(chart(title, xLabel, yLabel, series, logX, logY), png);
    }

    static JFreeChart chart(String title, String xLabel, String yLabel, Map<String, double[][]> series,
                            boolean logX, boolean logY) {
        PlotInputs.requireNonEmpty("series", series);
        SkippedValues skipped = new SkippedValues();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartParts.lineRenderer(true, true);
        int i = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            String field = "series \"" + e.getKey() + "\"";
            double[][] xy = e.getValue();
            if (xy == null || xy.length != 2) {
                throw new IllegalArgumentException(field + " must be {x, y} (2 arrays); got "
                        + (xy == null ? "null" : xy.length + " arrays"));
            }
            PlotInputs.requireFinite(field + " x", xy[0]);
            PlotInputs.requireLength(field + " y", xy[1], xy[0].length);
            if (logX) {
                for (int k = 0; k < xy[0].length; k++) {
                    if (!(xy[0][k] > 0)) {
                        throw new IllegalArgumentException(field + " x[" + k + "] = " + xy[0][k]
                                + ": must be positive on a logarithmic x axis");
                    }
                }
            }
            data.addSeries(ChartParts.xySeries(e.getKey(), xy[0], xy[1], skipped, logY));
            ChartParts.styleSeries(r, i, ChartStyle.color(i), ChartStyle.line(2f),
                    xy[0].length <= ChartParts.MARKER_LIMIT ? Markers.forSeries(i) : null);
            i++;
        }
        XYPlot plot = new XYPlot(data, ChartParts.axis(xLabel, logX), ChartParts.axis(yLabel, logY), r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return ChartParts.finish(title, plot, skipped);
    }
}
