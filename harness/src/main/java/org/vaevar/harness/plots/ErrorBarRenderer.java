package org.vaevar.harness.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars with a whisker over a possibly asymmetric interval [lower, upper] per bar. Kept because
 * JFreeChart has no equal: {@code StatisticalBarRenderer} draws only symmetric mean ± standard deviation, and
 * {@code IntervalBarRenderer} draws the interval as the bar itself.
 */
final class ErrorBarRenderer extends BarRenderer {

    /** Pure black: no other element of the chart uses it, so whiskers stand out (and can be found in tests). */
    static final Color WHISKER = Color.BLACK;

    private final Map<List<String>, double[]> intervals = new HashMap<>();

    ErrorBarRenderer() {
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.06);
        setMaximumBarWidth(0.12);
    }

    /** Pass 0 draws every bar, pass 1 every whisker, so no bar can cover a whisker. */
    @Override
    public int getPassCount() {
        return 2;
    }

    void setInterval(String series, String category, double lower, double upper) {
        intervals.put(List.of(series, category), new double[] {lower, upper});
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        if (pass == 0) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            return;
        }
        if (plot.getOrientation() != PlotOrientation.VERTICAL) {
            return;
        }
        double[] iv = intervals.get(List.of(dataset.getRowKey(row).toString(),
                dataset.getColumnKey(column).toString()));
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (iv == null || visibleRow < 0 || dataset.getValue(row, column) == null) {
            return;
        }
        double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
        double xMid = x0 + state.getBarWidth() / 2;
        double cap = Math.max(4, state.getBarWidth() * 0.25);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double yLo = rangeAxis.valueToJava2D(iv[0], dataArea, edge);
        double yHi = rangeAxis.valueToJava2D(iv[1], dataArea, edge);
        g2.setPaint(WHISKER);
        g2.setStroke(new BasicStroke(1.8f));
        g2.draw(new Line2D.Double(xMid, yLo, xMid, yHi));
        g2.draw(new Line2D.Double(xMid - cap, yLo, xMid + cap, yLo));
        g2.draw(new Line2D.Double(xMid - cap, yHi, xMid + cap, yHi));
    }

    /** The value range including every whisker, so the axis never cuts one off. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range r = super.findRangeBounds(dataset, includeInterval);
        for (double[] iv : intervals.values()) {
            r = Range.expandToInclude(Range.expandToInclude(r, iv[0]), iv[1]);
        }
        return r;
    }
}
