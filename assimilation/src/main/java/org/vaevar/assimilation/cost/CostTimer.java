package org.vaevar.assimilation.cost;

/**
 * Where the time of cost evaluations goes: model (forward and linearisation), adjoint model, observation operator
 * (forward, linearisation, adjoint), prior (transform, its adjoint, penalty). Filled by the decorators of
 * {@link TimedComponents}. Not thread-safe: one per cycled run.
 */
public final class CostTimer {

    long modelNanos;
    long adjointNanos;
    long observationNanos;
    long priorNanos;

    public long modelNanos() {
        return modelNanos;
    }

    public long adjointNanos() {
        return adjointNanos;
    }

    public long observationNanos() {
        return observationNanos;
    }

    public long priorNanos() {
        return priorNanos;
    }

    public long totalNanos() {
        return modelNanos + adjointNanos + observationNanos + priorNanos;
    }
}
