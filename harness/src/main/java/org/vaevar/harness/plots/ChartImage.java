package org.vaevar.harness.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.vaevar.harness.io.AtomicFiles;

/** Renders a finished chart off-screen and writes it as a PNG, atomically. */
public final class ChartImage {

    /** Width of every figure, in pixels. */
    public static final int WIDTH = 1200;
    /** Height of every figure except the stacked trajectories ({@link TrajectoryFigure#height(int)}). */
    public static final int HEIGHT = 700;

    private ChartImage() {
    }

    static void write(JFreeChart chart, Path png) throws IOException {
        write(chart, png, WIDTH, HEIGHT);
    }

    static void write(JFreeChart chart, Path png, int width, int height) throws IOException {
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
}
