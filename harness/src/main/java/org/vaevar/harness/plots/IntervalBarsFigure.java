package org.vaevar.harness.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Grouped bars (one group per setting, one bar per method, a colour per method) with a whisker over each bar's
 * interval. A bar with a non-finite mean is skipped and one without a finite interval has no whisker; both are
 * counted in a note.
 */
public final class IntervalBarsFigure {

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

    private IntervalBarsFigure() {
    }

    /** Bars of means over seeds with whiskers over their 95 % intervals. */
    public static void write(Path png, String title, List<Group> groups) throws IOException {
        write(png, title, "mean", "bars: mean over seeds; whiskers: 95 % interval", groups);
    }

    /**
     * Where an interval is finite, {@code lower <= mean <= upper} is required (e.g. a single seed has none).
     *
     * @param intervalNote a subtitle stating what the whiskers are; null or empty for none
     */
    public static void write(Path png, String title, String yLabel, String intervalNote, List<Group> groups)
            throws IOException {
        ChartImage.write(chart(title, yLabel, intervalNote, groups), png);
    }

    static JFreeChart chart(String title, String yLabel, String intervalNote, List<Group> groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups = []: nothing to plot");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        ErrorBarRenderer renderer = new ErrorBarRenderer();
        SkippedValues skipped = new SkippedValues();
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
        List<String> colourOrder = new ArrayList<>(seriesOrder);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(colourOrder.indexOf(data.getRowKey(i).toString())));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null),
                ChartParts.zeroBasedAxis(yLabel == null ? "" : yLabel), renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = ChartParts.finish(title, plot, skipped);
        if (noInterval > 0) {
            ChartParts.addNote(chart, noInterval + (noInterval == 1 ? " bar has" : " bars have")
                    + " no interval (no whisker)", false);
        }
        if (intervalNote != null && !intervalNote.isBlank()) {
            ChartParts.addNote(chart, intervalNote, true);
        }
        return chart;
    }
}
