package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;
import org.vaevar.assimilation.experiment.DivergenceException;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.TwinSetting;

/** A method's tuning in the grid: every candidate prior tuned with the same budget, the best kept. */
final class CandidateTuning {

    private CandidateTuning() {
    }

    /**
     * Tunes each candidate by the schedule's search (the same budget each) on the tuning seeds and keeps the one
     * with the lowest tuning RMSE (on a tie the earlier); a divergence is a candidate's curve, not a failure.
     */
    static TuningOutcome best(Schedule schedule, TwinSetting setting, MethodSpec m) {
        return best(schedule, c -> setting, c -> null, m);
    }

    /**
     * As {@link #best(Schedule, TwinSetting, MethodSpec)}, each candidate on the setting of its sample source; a
     * candidate whose source's calibration failed ({@code failure} not null) has that failure as its curve.
     */
    static TuningOutcome best(Schedule schedule, Function<MethodSpec.Candidate, TwinSetting> settingOf,
                              Function<MethodSpec.Candidate, String> failure, MethodSpec m) {
        List<TuningChoice.CandidateCurve> curves = new ArrayList<>();
        PluginConfig best = null;
        String bestLabel = null;
        boolean bestAtBound = false;
        double bestRmse = Double.POSITIVE_INFINITY;
        for (MethodSpec.Candidate c : m.candidates()) {
            if (failure.apply(c) != null) {
                curves.add(new TuningChoice.CandidateCurve(c.label(), List.of(), failure.apply(c)));
                continue;
            }
            TuningConfig tuning = MethodRuns.tuning(schedule, m, c);
            MethodRuns.Tuned t;
            try {
                t = MethodRuns.tune(settingOf.apply(c), m, c, tuning);
            } catch (DivergenceException e) {
                curves.add(new TuningChoice.CandidateCurve(c.label(), List.of(), e.getMessage()));
                continue;
            } catch (IllegalArgumentException e) {
                if (m.isAblation()) {
                    return new TuningOutcome(null, "not applicable: " + e.getMessage(), true);
                }
                throw e;
            }
            curves.add(new TuningChoice.CandidateCurve(c.label(), t.run().points(), null));
            double rmse = t.run().points().stream().mapToDouble(ExperimentResult.TuningPoint::rmseAnalysis).min()
                    .orElse(Double.POSITIVE_INFINITY);
            if (rmse < bestRmse) { // strict: on a tie the earlier candidate stays
                bestRmse = rmse;
                best = t.config();
                bestLabel = c.label();
                bestAtBound = t.run().atBound();
            }
        }
        if (best == null) {
            return new TuningOutcome(null, "tuning diverged for every value of " + m.tunedParameter() + " in the grid"
                    + (m.candidates().size() > 1 ? " of every prior candidate" : ""), false);
        }
        double value = ((Number) best.parameters().get(m.tunedParameter())).doubleValue();
        return new TuningOutcome(new TuningChoice(bestLabel, best, value, bestRmse, bestAtBound, curves), null, false);
    }
}
