package org.vaevar.assimilation.experiment;

import org.vaevar.api.DynamicalModel;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;

/** Makes the {@link TwinData} of a run seed: one truth model, operator, error and schedule. */
public record TwinFactory(DynamicalModel truthModel, ObservationOperator operator, ObservationError error,
                          int interval, int burnInSteps, double initialSpread) {

    public TwinData create(long runSeed, int times) {
        return new TwinData(truthModel, operator, error, interval, burnInSteps, initialSpread, runSeed, times);
    }
}
