package org.vaevar.observations;

/**
 * H(x)_j = arctan(x_i) on the selected components: a bounded, monotone nonlinearity (saturating for large
 * |x|, so large departures are hard to see), h'(s) = 1 / (1 + s²).
 */
public final class ArctanObservationOperator extends ComponentwiseObservationOperator {

    public static final String NAME = "arctan";

    public ArctanObservationOperator(ComponentSelection selection) {
        super(selection);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double value(double s) {
        return Math.atan(s);
    }

    @Override
    protected double slope(double s) {
        return 1.0 / (1.0 + s * s);
    }
}
