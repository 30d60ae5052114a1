package org.vaevar.assimilation.method;

import org.vaevar.assimilation.experiment.Timing;

/** A run that knows where its time went (model, adjoint, observation operator, prior, minimizer). */
public interface TimedRun {

    /** The breakdown of a run that took {@code totalNanos} in all. */
    Timing timing(long totalNanos);
}
