package org.vaevar.harness.plots;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.util.ShapeUtils;

/** Point markers, centred on the origin and sized by their overall width in pixels. */
final class Markers {

    /** The markers of successive series: circle, square, diamond, triangle, then again. */
    private static final Shape[] CYCLE = {circle(7), square(7), diamond(8), triangle(8)};

    private Markers() {
    }

    static Shape forSeries(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    static Shape square(double d) {
        return new Rectangle2D.Double(-d / 2, -d / 2, d, d);
    }

    static Shape diamond(double d) {
        return ShapeUtils.createDiamond((float) (d / 2));
    }

    static Shape triangle(double d) {
        return ShapeUtils.createUpTriangle((float) (d / 2));
    }

    /** A thick "x", so observations read as points distinct from the line markers. */
    static Shape cross(double d) {
        float t = (float) (d / 14); // half the arm thickness
        return ShapeUtils.createDiagonalCross((float) (d / 2) - t, t);
    }
}
