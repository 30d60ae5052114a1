package org.vaevar.assimilation.cost;

/**
 * Where the time of cost evaluations goes: model (forward and linearisation), adjoint model, observation operator
 * (forward, linearisation, adjoint), prior (transform, its adjoint, penalty). Filled by the decorators of
 * {@link TimedComponents}. Not thread-safe: one per cycled run.
 */
public final class CostTimer {

    static final int MODEL = 0;
    static final int ADJOINT = 1;
    static final int OBSERVATION = 2;
    static final int PRIOR = 3;

    private final long[] nanos = new long[4];

    /** Charges the time since {@code start} (a {@link System#nanoTime()} reading) to {@code slot}. */
    void since(int slot, long start) {
        nanos[slot] += System.nanoTime() - start;
    }

    public long modelNanos() {
        return nanos[MODEL];
    }

    public long adjointNanos() {
        return nanos[ADJOINT];
    }

    public long observationNanos() {
        return nanos[OBSERVATION];
    }

    public long priorNanos() {
        return nanos[PRIOR];
    }

    public long totalNanos() {
        return nanos[MODEL] + nanos[ADJOINT] + nanos[OBSERVATION] + nanos[PRIOR];
    }
}
