package org.vaevar.harness.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaevar.harness.plots.IntervalBarsFigure.Bar;
import org.vaevar.harness.plots.IntervalBarsFigure.Group;
import org.vaevar.harness.plots.TrajectoryFigure.Trajectory;

class PlotsTest {

    @TempDir
    Path dir;

    // ------------------------------------------------------------ helpers

    static BufferedImage readPng(Path png, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).as("decodable PNG %s", png).isNotNull();
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
        return img;
    }

    static int distinctColours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    static int pixelsOf(BufferedImage img, Color c) {
        int n = 0;
        int rgb = c.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    static List<String> notes(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    static double[] ramp(int n, double start, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = start + step * i;
        }
        return v;
    }

    // ------------------------------------------------------------ RMSE

    @Test
    void rmsePlotIsAPngOfTheStatedSizeWithTheSeriesDrawn() throws IOException {
        double[] t = ramp(100, 0.05, 0.05);
        double[] b = new double[100];
        double[] a = new double[100];
        for (int i = 0; i < 100; i++) {
            b[i] = 1 + 0.3 * Math.sin(i / 5.0);
            a[i] = 0.5 + 0.1 * Math.cos(i / 3.0);
        }
        Path png = dir.resolve("rmse.png");
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("background", b);
        series.put("analysis", a);
        RmseFigure.write(png, "RMSE", t, series, RmseFigure.Options.defaults().withSpinUp(10));
        BufferedImage img = readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThat(distinctColours(img)).isGreaterThan(20);
        // The legend alone holds only a few dozen pixels of each series colour; drawn lines hold hundreds.
        assertThat(pixelsOf(img, ChartStyle.color(0))).isGreaterThan(300);
        assertThat(pixelsOf(img, ChartStyle.color(1))).isGreaterThan(300);
    }

    @Test
    void legendOnlyBaselineIsFarBelowTheDrawnLineThreshold() throws IOException {
        // The check above can fail: a series that draws nothing (all NaN) leaves only its legend swatch.
        Path png = dir.resolve("empty.png");
        double[] nan = new double[100];
        java.util.Arrays.fill(nan, Double.NaN);
        RmseFigure.write(png, "RMSE", ramp(100, 0, 1), Map.of("analysis", nan));
        BufferedImage img = readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThat(pixelsOf(img, ChartStyle.color(0))).isLessThan(100);
    }

    @Test
    void nonFiniteRmseValuesAreSkippedCountedAndMakeTheMeanUndefined() {
        double[] a = {1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, 6};
        JFreeChart chart = RmseFigure.chart("t", ramp(6, 0, 1), Map.of("analysis", a), RmseFigure.Options.defaults());
        assertThat(notes(chart)).contains("not drawn: 2 non-finite values");
        assertThat(chart.getXYPlot().getDataset().getSeriesKey(0).toString()).contains("undefined");
        JFreeChart spun = RmseFigure.chart("t", ramp(6, 0, 1), Map.of("analysis", new double[] {9, 9, 1, 2, 3, 4}),
                RmseFigure.Options.defaults().withSpinUp(2));
        // Mean after spin-up of {1, 2, 3, 4} = 2.5, printed with four significant digits.
        assertThat(spun.getXYPlot().getDataset().getSeriesKey(0).toString()).contains("after spin-up 2.500");
    }

    @Test
    void logScaleSkipsAndCountsValuesAtOrBelowZero() throws IOException {
        double[] a = {1, 0, 0.5, -1, 0.1};
        JFreeChart chart = RmseFigure.chart("t", ramp(5, 0, 1), Map.of("a", a),
                RmseFigure.Options.defaults().withLogScale(true));
        assertThat(notes(chart)).contains("not drawn: 2 values <= 0 on the log axis");
        Path png = dir.resolve("log.png");
        RmseFigure.write(png, "t", ramp(5, 0, 1), Map.of("a", a), RmseFigure.Options.defaults().withLogScale(true));
        readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
    }

    @Test
    void rmseRefusesBadCoordinatesAndLengthsByName() {
        assertThatThrownBy(() -> RmseFigure.chart("t", new double[] {0, Double.NaN}, Map.of("a", new double[2]),
                RmseFigure.Options.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycleTimes[1] = NaN");
        assertThatThrownBy(() -> RmseFigure.chart("t", new double[] {0, 1}, Map.of("analysis", new double[3]),
                RmseFigure.Options.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series \"analysis\" has 3 values; expected 2");
        assertThatThrownBy(() -> RmseFigure.chart("t", new double[] {0, 1}, Map.of("a", new double[2]),
                RmseFigure.Options.defaults().withSpinUp(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spinUpCycles = 2");
    }

    // ------------------------------------------------------------ trajectories

    @Test
    void trajectoriesStackOnePanelPerComponentAtTheStatedHeight() throws IOException {
        int n = 200;
        double[] t = ramp(n, 0, 0.01);
        double[][] truth = new double[2][n];
        double[][] bg = new double[2][n];
        double[][] an = new double[2][n];
        for (int k = 0; k < n; k++) {
            truth[0][k] = Math.sin(k / 10.0);
            truth[1][k] = Math.cos(k / 10.0);
            bg[0][k] = truth[0][k] + 0.2;
            bg[1][k] = truth[1][k] - 0.2;
            an[0][k] = truth[0][k] + 0.05;
            an[1][k] = k == 50 ? Double.NaN : truth[1][k] - 0.05;
        }
        double[] obsT = {0.1, 0.5, 1.0};
        double[][] obs = {{0.1, 0.5, 0.8}, {Double.NaN, Double.NaN, 0.5}}; // component 2 observed once
        Path png = dir.resolve("traj.png");
        TrajectoryFigure.write(png, "traj", t, new String[] {"x1", "x2"}, truth, bg, an, new Trajectory(obsT, obs));
        BufferedImage img = readPng(png, ChartImage.WIDTH, TrajectoryFigure.height(2));
        assertThat(distinctColours(img)).isGreaterThan(20);
        assertThat(pixelsOf(img, Color.BLACK)).isGreaterThan(500); // the truth lines
        JFreeChart chart = TrajectoryFigure.chart("traj", new String[] {"x1", "x2"}, new Trajectory(t, truth),
                null, new Trajectory(t, an), new Trajectory(obsT, obs));
        // The NaN analysis value is reported; the unobserved (NaN) observations are not.
        assertThat(notes(chart)).contains("not drawn: 1 non-finite value");
        assertThat(TrajectoryFigure.height(6)).isGreaterThan(ChartImage.HEIGHT);
    }

    @Test
    void trajectoriesRefuseMismatchedShapesByName() {
        double[] t = ramp(3, 0, 1);
        assertThatThrownBy(() -> TrajectoryFigure.chart("t", new String[] {"x"},
                new Trajectory(t, new double[][] {{1, 2, 3}}),
                new Trajectory(t, new double[][] {{1, 2}}), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background[0] has 2 values");
        assertThatThrownBy(() -> TrajectoryFigure.chart("t", new String[] {"x", "y"},
                new Trajectory(t, new double[][] {{1, 2, 3}}), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truth has 1 component rows");
        assertThatThrownBy(() -> TrajectoryFigure.chart("t", new String[9], null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 entries");
    }

    // ------------------------------------------------------------ bars

    @Test
    void barsWithIntervalsDrawBarsAndWhiskers() throws IOException {
        List<Group> groups = List.of(
                new Group("L63", List.of(Bar.symmetric("3DVar", 1.1, 0.1),
                        Bar.symmetric("VAE-3DVar", 0.9, 0.1))),
                new Group("L96", List.of(Bar.symmetric("3DVar", 0.8, 0.05),
                        new Bar("VAE-3DVar", 0.7, 0.6, 0.75))));
        Path png = dir.resolve("bars.png");
        IntervalBarsFigure.write(png, "bars", groups);
        BufferedImage img = readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThat(pixelsOf(img, ChartStyle.color(0))).isGreaterThan(5000); // filled bars
        assertThat(pixelsOf(img, ChartStyle.color(1))).isGreaterThan(5000);
        assertThat(pixelsOf(img, ErrorBarRenderer.WHISKER)).isGreaterThan(100); // 4 whiskers with caps
        Path bare = dir.resolve("bare.png");
        IntervalBarsFigure.write(bare, "bars", "", null, List.of(new Group("g",
                List.of(new Bar("a", 1, Double.NaN, Double.NaN)))));
        assertThat(pixelsOf(readPng(bare, ChartImage.WIDTH, ChartImage.HEIGHT), ErrorBarRenderer.WHISKER)).isZero();
    }

    @Test
    void barsSkipNonFiniteMeansAndRefuseIntervalsThatMissTheMean() {
        JFreeChart chart = IntervalBarsFigure.chart("t", "rmse", null, List.of(new Group("g", List.of(
                new Bar("a", Double.NaN, 0, 1), new Bar("b", 1, Double.NaN, Double.NaN)))));
        assertThat(notes(chart)).contains("not drawn: 1 non-finite value", "1 bar has no interval (no whisker)");
        assertThatThrownBy(() -> IntervalBarsFigure.chart("t", "", null, List.of(new Group("g",
                List.of(new Bar("a", 2, 0, 1)))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not contain mean = 2.0");
        assertThatThrownBy(() -> IntervalBarsFigure.chart("t", "", null, List.of(new Group("g",
                List.of(Bar.symmetric("a", 1, 0), Bar.symmetric("a", 2, 0))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a\" appears twice");
    }

    // ------------------------------------------------------------ lines

    @Test
    void linesWithMarkersOnLinearAndLogAxes() throws IOException {
        double[] x = ramp(12, 1, 1);
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            y[i] = Math.pow(10, -i);
        }
        y[5] = Double.NaN;
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("decay", new double[][] {x, y});
        series.put("flat", new double[][] {x, ramp(12, 1e-3, 0)});
        Path png = dir.resolve("lines.png");
        LinesFigure.write(png, "lines", "x", "y", series, false, true);
        BufferedImage img = readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThat(pixelsOf(img, ChartStyle.color(0))).isGreaterThan(300);
        assertThat(notes(LinesFigure.chart("l", "x", "y", series, false, true)))
                .contains("not drawn: 1 non-finite value");
        LinesFigure.write(dir.resolve("lin.png"), "lines", "x", "y", series);
        readPng(dir.resolve("lin.png"), ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThatThrownBy(() -> LinesFigure.chart("l", "x", "y", Map.of("s", new double[][] {{0, 1}, {1, 1}}),
                true, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x[0] = 0.0");
        assertThatThrownBy(() -> LinesFigure.chart("l", "x", "y", Map.of("s", new double[][] {{0, 1}}), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{x, y}");
    }

    // ------------------------------------------------------------ histograms

    @Test
    void histogramDensityIntegratesToOneOverTheFiniteSamples() {
        double[] s = {0.1, 0.2, 0.2, 0.9, 1.0, Double.NaN};
        JFreeChart chart = HistogramFigure.chart("h", "v", Map.of("s", s), 4, Map.of());
        IntervalXYDataset bins = (IntervalXYDataset) chart.getXYPlot().getDataset(1);
        // Bins of width 0.225 from the smallest to the largest finite sample: [.1,.325) [.325,.55) [.55,.775)
        // [.775,1]: 3, 0, 0, 2 samples (the top edge 1.0 belongs to the last bin); the NaN is left out.
        double width = 0.225;
        double[] d = new double[4];
        double integral = 0;
        for (int b = 0; b < 4; b++) {
            d[b] = bins.getYValue(0, b);
            integral += d[b] * (bins.getEndXValue(0, b) - bins.getStartXValue(0, b));
        }
        assertThat(d).containsExactly(new double[] {3 / (5 * width), 0, 0, 2 / (5 * width)},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bins.getStartXValue(0, 0)).isEqualTo(0.1);
        assertThat(bins.getEndXValue(0, 3)).isEqualTo(1.0);
        assertThat(integral).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(chart.getXYPlot().getDataset(0).getSeriesKey(0).toString()).isEqualTo("s  (n = 5)");
        assertThat(notes(chart)).contains("not drawn: 1 non-finite value", "4 bins of width 0.2250");
    }

    @Test
    void histogramsOverlayWithCurvesAndSkipNonFiniteSamples() throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[] a = new double[2000];
        double[] b = new double[2000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble() * 2 - 1;
            b[i] = -Math.log(rng.nextDouble());
        }
        a[0] = Double.NaN;
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("uniform", a);
        samples.put("exponential", b);
        Path png = dir.resolve("hist.png");
        HistogramFigure.write(png, "h", "value", samples, 40, Map.of("exp pdf", v -> v < 0 ? 0 : Math.exp(-v)));
        BufferedImage img = readPng(png, ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThat(distinctColours(img)).isGreaterThan(20);
        assertThat(pixelsOf(img, ChartStyle.color(0))).isGreaterThan(300);
        JFreeChart chart = HistogramFigure.chart("h", "v", samples, 40, Map.of());
        assertThat(notes(chart)).contains("not drawn: 1 non-finite value");
        HistogramFigure.write(dir.resolve("const.png"), "all equal", Map.of("c", new double[] {2, 2, 2}), 10);
        readPng(dir.resolve("const.png"), ChartImage.WIDTH, ChartImage.HEIGHT);
        assertThatThrownBy(() -> HistogramFigure.chart("h", "v", Map.of("nan", new double[] {Double.NaN}), 10,
                Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"nan\" has no finite");
        assertThatThrownBy(() -> HistogramFigure.chart("h", "v", samples, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins = 0");
    }

    // ------------------------------------------------------------ axis labels and demo

    @Test
    void logAxisLabelsArePlainNumbersOrShortExponents() {
        assertThat(NiceLogAxis.plain(5, -1)).isEqualTo("0.5");
        assertThat(NiceLogAxis.plain(3, 2)).isEqualTo("300");
        assertThat(NiceLogAxis.plain(1, -4)).isEqualTo("0.0001");
        assertThat(NiceLogAxis.plain(2, -7)).isEqualTo("2e-7");
        assertThat(NiceLogAxis.label(-11)).isEqualTo("1e-11");
    }

    @Test
    void demoWritesOneOfEachPlot() throws IOException {
        PlotsDemo.writeAll(dir);
        assertThat(listNames(dir)).containsExactly("bars.png", "histograms.png", "lines.png",
                "rmse-log.png", "rmse.png", "trajectories.png");
    }

    private static java.util.List<String> listNames(Path d) throws IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
