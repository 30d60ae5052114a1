package org.vaevar.harness.plots;

import static org.vaevar.harness.plots.ChartParts.MARKER_LIMIT;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;
import org.vaevar.harness.io.NumberFormats;

/**
 * RMSE per cycle of a few series (e.g. background and analysis), with the spin-up shaded and an optional
 * reference line; the legend gives each series' mean after spin-up. Non-finite values (and values &le; 0 on a
 * log axis) leave a gap and are counted in a note; non-finite times are refused.
 */
public final class RmseFigure {

    /**
     * Options of the figure.
     *
     * @param spinUpCycles   leading cycles shaded as spin-up and left out of the means in the legend
     * @param logScale       logarithmic RMSE axis
     * @param reference      a horizontal reference line (e.g. the observation-error standard deviation), NaN for none
     * @param referenceLabel its label
     * @param xLabel         label of the time axis
     */
    public record Options(int spinUpCycles, boolean logScale, double reference, String referenceLabel,
                          String xLabel) {
        public static Options defaults() {
            return new Options(0, false, Double.NaN, "", "time");
        }

        public Options withSpinUp(int cycles) {
            return new Options(cycles, logScale, reference, referenceLabel, xLabel);
        }

        public Options withLogScale(boolean log) {
            return new Options(spinUpCycles, log, reference, referenceLabel, xLabel);
        }

        public Options withReference(double value, String label) {
            return new Options(spinUpCycles, logScale, value, label, xLabel);
        }

        public Options withXLabel(String label) {
            return new Options(spinUpCycles, logScale, reference, referenceLabel, label);
        }
    }

    private RmseFigure() {
    }

    /** Linear axis, no spin-up. */
    public static void write(Path png, String title, double[] cycleTimes, Map<String, double[]> series)
            throws IOException {
        write(png, title, cycleTimes, series, Options.defaults());
    }

    /**
     * The legend gives each series' mean over the cycles after spin-up; that mean is reported as undefined when
     * one of those values is not finite (it is not quietly skipped).
     */
    public static void write(Path png, String title, double[] cycleTimes, Map<String, double[]> series,
                             Options options) throws IOException {
        ChartImage.write(chart(title, cycleTimes, series, options), png);
    }

    static JFreeChart chart(String title, double[] cycleTimes, Map<String, double[]> series, Options options) {
        Objects.requireNonNull(options, "options");
        PlotInputs.requireFinite("cycleTimes", cycleTimes);
        PlotInputs.requireNonEmpty("series", series);
        int spin = options.spinUpCycles();
        if (spin < 0 || spin >= cycleTimes.length) {
            throw new IllegalArgumentException("spinUpCycles = " + spin + ": must be within 0.."
                    + (cycleTimes.length - 1) + " (there are " + cycleTimes.length + " cycles)");
        }
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = PlotInputs.requireLength("series \"" + e.getKey() + "\"", e.getValue(), cycleTimes.length);
            lines.add(new Line(e.getKey(), cycleTimes, y, meanLabel(y, spin)));
        }
        // Shade the cycles left out of the statistics: from the first cycle to midway before the first kept one.
        double spinUpEnd = spin > 0 ? 0.5 * (cycleTimes[spin - 1] + cycleTimes[spin]) : Double.NaN;
        return draw(title, lines, cycleTimes[0], spinUpEnd, cycleTimes.length <= MARKER_LIMIT, null, options);
    }

    /**
     * One drawn series: its own points (a thinned series keeps the extremes of each stretch of cycles, so its
     * points differ from another series') and the legend's mean, as text.
     */
    public record Line(String name, double[] times, double[] values, String mean) {
    }

    /**
     * Series already thinned to a drawable number of points, their means computed over every cycle: the spin-up
     * (when {@code options.spinUpCycles() > 0}) shaded from {@code spinUpStart} to {@code spinUpEnd}, and
     * {@code nonFinite} values of the full series counted in the note (the lines hold a gap where they were).
     */
    public static void write(Path png, String title, List<Line> lines, double spinUpStart, double spinUpEnd,
                             int nonFinite, Options options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines = []: nothing to draw");
        }
        for (Line l : lines) {
            PlotInputs.requireFinite("times of " + l.name(), l.times());
            PlotInputs.requireLength("line \"" + l.name() + "\"", l.values(), l.times().length);
        }
        SkippedValues skipped = new SkippedValues();
        skipped.nonFinite = nonFinite;
        ChartImage.write(draw(title, lines, spinUpStart, options.spinUpCycles() > 0 ? spinUpEnd : Double.NaN,
                false, skipped, options), png);
    }

    /** The legend's mean: four significant digits, or why there is none (NaN: a non-finite value). */
    public static String meanText(double mean) {
        return Double.isNaN(mean) ? NON_FINITE_MEAN : NumberFormats.significant4(mean);
    }

    private static final String NON_FINITE_MEAN = "undefined: non-finite values";

    /**
     * @param spinUpEnd  where the spin-up shading ends (NaN: none)
     * @param counted    the skipped values already counted, or null to count those of the lines
     */
    private static JFreeChart draw(String title, List<Line> lines, double spinUpStart, double spinUpEnd,
                                   boolean markers, SkippedValues counted, Options options) {
        SkippedValues skipped = counted == null ? new SkippedValues() : counted;
        SkippedValues drawn = counted == null ? skipped : new SkippedValues();
        int spin = options.spinUpCycles();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            String label = line.name() + "  (mean" + (spin > 0 ? " after spin-up " : " ") + line.mean() + ")";
            data.addSeries(ChartParts.xySeries(label, line.times(), line.values(), drawn, options.logScale()));
        }
        NumberAxis x = ChartParts.plainAxis(options.xLabel());
        ValueAxis y = options.logScale() ? new NiceLogAxis("RMSE") : ChartParts.zeroBasedAxis("RMSE");
        XYLineAndShapeRenderer renderer = ChartParts.lineRenderer(true, markers);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.line(2f));
            renderer.setSeriesShape(i, Markers.circle(6));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        if (!Double.isNaN(spinUpEnd)) {
            IntervalMarker m = new IntervalMarker(spinUpStart, spinUpEnd, new Color(0, 0, 0, 22));
            label(m, "spin-up", RectangleAnchor.TOP_LEFT, TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(8, 8, 8, 8));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (Double.isFinite(options.reference()) && (!options.logScale() || options.reference() > 0)) {
            ValueMarker ref = new ValueMarker(options.reference(), ChartStyle.AXIS, ChartStyle.dashed(1.5f));
            label(ref, options.referenceLabel(), RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(ref);
            if (y instanceof NumberAxis n) {
                n.setAutoRangeIncludesZero(true);
            }
            // Keep the reference line in view even when every RMSE is far below or above it.
            ChartParts.includeInRange(plot, options.reference());
        }
        return ChartParts.finish(title, plot, skipped);
    }

    private static void label(Marker m, String text, RectangleAnchor anchor, TextAnchor textAnchor) {
        m.setLabel(text);
        m.setLabelFont(ChartStyle.SUBTITLE);
        m.setLabelPaint(ChartStyle.AXIS);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelBackgroundColor(ChartStyle.TRANSPARENT);
    }

    private static String meanLabel(double[] y, int from) {
        double sum = 0;
        for (int k = from; k < y.length; k++) {
            if (!Double.isFinite(y[k])) {
                return NON_FINITE_MEAN;
            }
            sum += y[k];
        }
        return NumberFormats.significant4(sum / (y.length - from));
    }
}
