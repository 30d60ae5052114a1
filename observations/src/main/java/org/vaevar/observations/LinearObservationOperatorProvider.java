package org.vaevar.observations;

/** Provides the {@code linear} observation operator, {@link LinearObservationOperator}. */
public final class LinearObservationOperatorProvider extends ComponentwiseOperatorProvider {

    public LinearObservationOperatorProvider() {
        super(LinearObservationOperator.NAME,
                "H(x) = x on the selected components (all, every k-th, or a list)",
                LinearObservationOperator::new);
    }
}
