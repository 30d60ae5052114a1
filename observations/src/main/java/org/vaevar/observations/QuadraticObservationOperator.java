package org.vaevar.observations;

/**
 * H(x)_j = x_i² on the selected components, h'(s) = 2s. Loses the sign of x_i, so the posterior can be bimodal
 * and H' vanishes at x_i = 0: a stress test for priors and minimizers.
 */
public final class QuadraticObservationOperator extends ComponentwiseObservationOperator {

    public static final String NAME = "quadratic";

    public QuadraticObservationOperator(ComponentSelection selection) {
        super(selection);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double value(double s) {
        return s * s;
    }

    @Override
    protected double slope(double s) {
        return 2.0 * s;
    }
}
