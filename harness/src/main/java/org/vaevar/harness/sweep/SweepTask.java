package org.vaevar.harness.sweep;

/**
 * One unit of work of a sweep, run on any worker and recorded in {@code tasks/<id>.json} when done.
 *
 * @param id          {@code p003-calibrate}, {@code p003-3dvar-tune} or {@code p003-3dvar-seed2}: point, method, what
 * @param kind        calibration (one per point and twin setting), tuning (one per point and method with a tuning
 *                    section) or evaluation (one per seed)
 * @param point       the grid point
 * @param method      the method (for a calibration, the first method of its setting)
 * @param seed        the evaluation seed index, −1 for a calibration or tuning task
 * @param tuning      for an evaluation, the id of the tuning task it needs, else {@code null}
 * @param calibration for a training, tuning or evaluation, the id of its setting's calibration task, else {@code null}
 * @param train       for a tuning or evaluation of a method whose prior is learned, the id of its training task
 *                    ({@code p003-vae-train}), else {@code null}
 */
public record SweepTask(String id, Kind kind, SweepPoint point, SweepMethod method, int seed, String tuning,
                        String calibration, String train) {

    /** What a task does. */
    public enum Kind { CALIBRATE, TRAIN, TUNE, EVALUATE }
}
