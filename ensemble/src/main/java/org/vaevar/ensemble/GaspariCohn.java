package org.vaevar.ensemble;

/**
 * The Gaspari–Cohn (1999, eq. 4.10) fifth-order piecewise rational taper, compactly supported on [0, 2c]. With
 * z = r / c:
 * <pre>
 *   z ≤ 1:      1 − 5/3 z² + 5/8 z³ + 1/2 z⁴ − 1/4 z⁵
 *   1 < z ≤ 2:  4 − 5 z + 5/3 z² + 5/8 z³ − 1/2 z⁴ + 1/12 z⁵ − 2/(3 z)
 *   z > 2:      0
 * </pre>
 * The half-width c is radius · √(10/3), so that the taper matches exp(−r²/(2·radius²)) near the origin (DAPPER's
 * convention, which rounds the factor to 1.82): "radius" is then a Gaussian length scale. An infinite radius
 * tapers nothing.
 */
final class GaspariCohn {

    /** Tapers below this are dropped (DAPPER's cut-off). */
    static final double CUTOFF = 1e-3;

    private final double halfWidth;

    GaspariCohn(double radius) {
        this.halfWidth = radius * Math.sqrt(10.0 / 3.0);
    }

    double at(double distance) {
        if (Double.isInfinite(halfWidth)) {
            return 1.0;
        }
        double z = distance / halfWidth;
        if (z <= 1) {
            double z2 = z * z;
            return 1 + z2 * (-5.0 / 3 + z * (5.0 / 8 + z * (0.5 - z / 4)));
        }
        if (z <= 2) {
            return 4 - 5 * z + z * z * (5.0 / 3 + z * (5.0 / 8 + z * (-0.5 + z / 12))) - 2 / (3 * z);
        }
        return 0;
    }
}
