package org.vaevar.observations;

/** Provides the {@code arctan} observation operator, {@link ArctanObservationOperator}. */
public final class ArctanObservationOperatorProvider extends ComponentwiseOperatorProvider {

    public ArctanObservationOperatorProvider() {
        super(ArctanObservationOperator.NAME,
                "H(x) = arctan(x) on the selected components",
                ArctanObservationOperator::new);
    }
}
