package org.vaevar.observations;

/** Provides the {@code quadratic} observation operator, {@link QuadraticObservationOperator}. */
public final class QuadraticObservationOperatorProvider extends ComponentwiseOperatorProvider {

    public QuadraticObservationOperatorProvider() {
        super(QuadraticObservationOperator.NAME,
                "H(x) = x² on the selected components",
                QuadraticObservationOperator::new);
    }
}
