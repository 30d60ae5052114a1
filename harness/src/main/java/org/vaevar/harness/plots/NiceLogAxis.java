package org.vaevar.harness.plots;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic axis with readable ticks: plain numbers at 1…9 × 10^k (or 1, 2, 5 × 10^k) when the
 * range spans about a decade or two, and one tick per decade (or per few decades) labelled {@code 1e-5} when it
 * spans many. Kept because JFreeChart has no equal: {@code LogAxis} labels only powers of ten (none inside one
 * decade), and {@code LogarithmicAxis} labels every 1…9 × 10^k, so its labels overlap over many decades.
 */
final class NiceLogAxis extends LogAxis {

    NiceLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-300);
        setMinorTickMarksVisible(true);
    }

    @Override
    protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        return ticks(anchor, Math.max(3, (int) (dataArea.getWidth() / 90)));
    }

    @Override
    protected List<NumberTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return ticks(anchor, Math.max(3, (int) (dataArea.getHeight() / 35)));
    }

    /** Major ticks (labelled) and minor ticks for the current range, at most about {@code maxLabels} labels. */
    List<NumberTick> ticks(TextAnchor anchor, int maxLabels) {
        double lo = Math.max(getLowerBound(), getSmallestValue());
        double hi = getUpperBound();
        List<NumberTick> out = new ArrayList<>();
        if (!(hi > lo)) {
            return out;
        }
        double decades = Math.log10(hi / lo);
        int kLo = (int) Math.floor(Math.log10(lo));
        int kHi = (int) Math.ceil(Math.log10(hi));
        if (decades > 2.5) {
            int step = Math.max(1, (int) Math.ceil((kHi - kLo + 1) / (double) maxLabels));
            for (int k = kLo; k <= kHi; k++) {
                double v = Math.pow(10, k);
                if (Math.floorMod(k, step) == 0) {
                    add(out, v, TickType.MAJOR, label(k), anchor, lo, hi);
                }
                if (step == 1) {
                    for (int m = 2; m <= 9; m++) {
                        add(out, m * v, TickType.MINOR, "", anchor, lo, hi);
                    }
                }
            }
            return out;
        }
        int[] mantissas = decades <= 1.3 ? new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9} : new int[] {1, 2, 5};
        for (int k = kLo; k <= kHi; k++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, k);
                boolean major = contains(mantissas, m);
                add(out, v, major ? TickType.MAJOR : TickType.MINOR, major ? plain(m, k) : "", anchor, lo, hi);
            }
        }
        return out;
    }

    private static void add(List<NumberTick> out, double v, TickType type, String text, TextAnchor anchor,
                            double lo, double hi) {
        if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
            out.add(new NumberTick(type, v, text, anchor, TextAnchor.CENTER, 0.0));
        }
    }

    private static boolean contains(int[] a, int m) {
        for (int x : a) {
            if (x == m) {
                return true;
            }
        }
        return false;
    }

    /** {@code m × 10^k} as a plain decimal (0.002, 5, 300) when short, else {@code 2e-7}. */
    static String plain(int m, int k) {
        if (k >= -4 && k <= 5) {
            return new BigDecimal(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        return m + "e" + k;
    }

    /** {@code 10^k}: plain when short, else {@code 1e-11}. */
    static String label(int k) {
        return plain(1, k);
    }
}
