package org.vaevar.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.harness.reproduce.TuningChoice;

/**
 * What a run's numbers mean, beyond the numbers: whether the method tracks the truth (its analysis RMSE against
 * the climatological mean's), how its minimisations stopped, and the warnings a reader should see — many cycles
 * that did not converge, a tuned value at the edge of its grid, a learned prior stopped by its epoch cap, tuning
 * switched off by an explicit value. Added to {@code summary.json} and printed on the terminal.
 *
 * @param climatologyRmse the RMSE of the climatological mean as an estimate (√ of the mean climatological variance)
 * @param untunedParameter the config's tuned parameter when tuning was switched off because the prior section gave
 *                         it explicitly (via --set or the config file), or null
 */
public record RunChecks(double climatologyRmse, String untunedParameter) {

    /** Why tuning did not run, or null. */
    public String tuningSkipped(ExperimentResult r) {
        return untunedParameter == null ? null : "tuning of " + untunedParameter + " is off: prior." + untunedParameter
                + " = " + r.prior().parameters().get(untunedParameter) + " was given explicitly";
    }

    /** More cycles than this share not converging earns a warning. */
    public static final double NOT_CONVERGED_WARNING_SHARE = 0.1;


    /**
     * The tracking threshold on RMSE_analysis / RMSE_climatology. The squared ratio is the share of the
     * climatological variance the analysis leaves unexplained: below 0.7 the analysis explains more than half of it
     * (1 − 0.7² ≈ 0.51). Between 0.7 and 1 it beats the climatological mean, but by so little that it mostly
     * follows the noise, and a gain over such a method says nothing about assimilation.
     */
    public static final double TRACKING_RATIO = 0.7;

    /** RMSE_analysis / RMSE_climatology (NaN when either is not a positive finite number). */
    public static double trackingRatio(double rmseAnalysis, double climatologyRmse) {
        return Double.isFinite(rmseAnalysis) && climatologyRmse > 0 && Double.isFinite(climatologyRmse)
                ? rmseAnalysis / climatologyRmse : Double.NaN;
    }

    /** Whether a tracking ratio is below {@link #TRACKING_RATIO} (false for NaN). */
    public static boolean tracks(double ratio) {
        return ratio < TRACKING_RATIO;
    }

    /** RMSE_analysis / RMSE_climatology of the run. */
    public double trackingRatio(ExperimentResult r) {
        return trackingRatio(r.run().meanRmseAnalysis(), climatologyRmse);
    }

    /** The tracking ratio is below {@link #TRACKING_RATIO}. */
    public boolean tracks(ExperimentResult r) {
        return tracks(trackingRatio(r));
    }

    /** The warnings, one sentence each. */
    public List<String> warnings(ExperimentResult r) {
        List<String> w = new ArrayList<>();
        RunResult cycled = r.run();
        long bad = cycled.notConverged();
        if (bad > NOT_CONVERGED_WARNING_SHARE * cycled.cycleCount()) {
            w.add(String.format(Locale.ROOT, "%d of %d cycles (%.0f %%) did not converge (%s); raise"
                    + " stopping.maxIterations or stopping.maxEvaluations, or check the cost", bad,
                    cycled.cycleCount(), 100.0 * bad / cycled.cycleCount(), stopReasonsText(cycled)));
        }
        if (!tracks(r)) {
            w.add(String.format(Locale.ROOT, "%s does not track the truth: its analysis RMSE %.4g is %.2f of the"
                    + " %.4g of the climatological mean (tracking needs below %.1f)", r.config().name(),
                    r.run().meanRmseAnalysis(), trackingRatio(r), climatologyRmse, TRACKING_RATIO));
        }
        if (!r.tuning().isEmpty()) {
            List<Double> grid = r.tuning().stream().map(ExperimentResult.TuningPoint::value).toList();
            Object chosen = r.tunedValue(); // the prior's or the method's scalar
            if (chosen instanceof Number n && TuningChoice.atEdge(grid, n.doubleValue())) {
                w.add(r.config().tuning().adaptive()
                        ? "the tuned " + r.tunedLabel() + " = " + chosen + " is at an edge of the range the search "
                        + "reached " + grid + ", so the best value may lie outside it; raise tuning.budget or "
                        + "tuning.rangeFactor"
                        : "the tuned " + r.tunedLabel() + " = " + chosen + " is at an edge of its grid " + grid
                        + ", so the best value may lie outside it; widen tuning.grid");
            }
        }
        if (r.priorDescription() != null && r.priorDescription().get("training") instanceof Map<?, ?> t
                && t.get("bestEpoch") instanceof Number best && t.get("epochsRun") instanceof Number run
                && t.get("validationSamples") instanceof Number val && val.intValue() > 0
                && best.intValue() == run.intValue()) {
            w.add("the learned prior's best epoch is its last (" + run + "): training was stopped by the epoch cap,"
                    + " not by early stopping; raise prior.epochs");
        }
        if (untunedParameter != null) {
            w.add(tuningSkipped(r));
        }
        return w;
    }

    /** {@code GRADIENT_TOLERANCE 950, MAX_ITERATIONS 50}. */
    public static String stopReasonsText(RunResult run) {
        List<String> parts = new ArrayList<>();
        run.stopReasons().forEach((k, v) -> parts.add(k + " " + v));
        return String.join(", ", parts);
    }

    /** The experiment's summary with the stop reasons, the climatology comparison, warnings and tuning note. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> summary(ExperimentResult r) {
        Map<String, Object> s = new LinkedHashMap<>(r.summary());
        Map<String, Object> rmse = new LinkedHashMap<>((Map<String, Object>) s.get("rmse"));
        rmse.put("climatology", climatologyRmse);
        double ratio = trackingRatio(r);
        rmse.put("climatologyRatio", Double.isFinite(ratio) ? ratio : null);
        s.put("rmse", rmse);
        s.put("tracks", tracks(r));
        Map<String, Object> min = new LinkedHashMap<>((Map<String, Object>) s.get("minimization"));
        min.put("stopReasons", r.run().stopReasons());
        min.put("notConverged", r.run().notConverged());
        s.put("minimization", min);
        if (untunedParameter != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("parameter", untunedParameter);
            t.put("off", tuningSkipped(r));
            t.put("value", r.prior().parameters().get(untunedParameter));
            s.put("tuning", t);
        }
        s.put("warnings", warnings(r));
        // keep the config last, as before
        Object config = s.remove("config");
        if (config != null) {
            s.put("config", config);
        }
        return s;
    }
}
