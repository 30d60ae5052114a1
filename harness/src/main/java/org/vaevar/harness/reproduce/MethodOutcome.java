package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.experiment.Trajectory;

/**
 * What one method did in one setting: how it was tuned and its evaluation runs. A method whose calibration or
 * tuning diverged has no choice and no runs, and says why in {@code failure}. An ablation variant the prior
 * refuses (e.g. a Jacobian term where dim z ≠ dim x) is {@code refused}: not run, not diverged.
 *
 * @param setting    the setting
 * @param method     the method
 * @param choice     the tuning outcome, or {@code null} if tuning (or the setting's calibration) diverged
 * @param failure    why there is no choice, or {@code null}
 * @param refused    the prior refused this configuration (ablations only); {@code failure} says why
 * @param runs       one run per evaluation seed, in seed order (empty when there is no choice)
 * @param trajectory the trajectory of seed 0 when this setting is the figure setting, else {@code null}
 */
public record MethodOutcome(SettingSpec setting, MethodSpec method, TuningChoice choice, String failure,
                            boolean refused, List<SeedRun> runs, Trajectory trajectory) {

    public MethodOutcome {
        runs = List.copyOf(runs);
    }

    /** True when some seed diverged, or tuning or calibration did. */
    public boolean diverged() {
        return !refused && (choice == null || runs.stream().anyMatch(SeedRun::diverged));
    }
}
