package org.vaevar.assimilation.experiment;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;

/** Makes the {@link TwinObservations} of a run seed: one truth model, operator, error and schedule. */
public record TwinFactory(DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                          int interval, int burnInSteps, double initialSpread) {

    public TwinObservations create(long runSeed, int times) {
        return new TwinObservations(truthModel, operator, error, interval, burnInSteps, initialSpread, runSeed, times);
    }
}
