package org.vaevar.observations;

/** H(x) = x[selected]: direct observation of some state components (H' = H, a selection matrix). */
public final class LinearObservationOperator extends ComponentwiseObservationOperator {

    public static final String NAME = "linear";

    public LinearObservationOperator(ComponentSelection selection) {
        super(selection);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double value(double s) {
        return s;
    }

    @Override
    protected double slope(double s) {
        return 1.0;
    }
}
