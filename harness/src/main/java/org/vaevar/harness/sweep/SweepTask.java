package org.vaevar.harness.sweep;

/**
 * One unit of work of a sweep, run on any worker and recorded in {@code tasks/<id>.json} when done.
 *
 * @param id     {@code p003-3dvar-tune} or {@code p003-3dvar-seed2}: point, method, what
 * @param kind   tuning (one per point and method with a tuning section) or evaluation (one per seed)
 * @param point  the grid point
 * @param method the method
 * @param seed   the evaluation seed index, −1 for a tuning task
 * @param tuning for an evaluation, the id of the tuning task it needs, else {@code null}
 */
public record SweepTask(String id, Kind kind, SweepPoint point, SweepMethod method, int seed, String tuning) {

    /** What a task does. */
    public enum Kind { TUNE, EVALUATE }
}
