package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.harness.reproduce.MethodOutcome;
import org.vaevar.harness.reproduce.MethodSpec;
import org.vaevar.harness.reproduce.ResultRow;
import org.vaevar.harness.reproduce.SeedRun;
import org.vaevar.harness.reproduce.SettingSpec;
import org.vaevar.harness.reproduce.TuningChoice;

/**
 * The task results of a sweep as {@code reproduce}'s outcomes and rows, so the sweep's table has the same
 * statistics: mean over seeds with the 95 % t-interval, and for every method but the baseline the improvement
 * over the baseline, plain and paired by seed ({@link ResultRow}). The baseline plays the reference method.
 */
public final class SweepOutcomes {

    /**
     * One row of the sweep with its point.
     *
     * @param climatologyRmse the RMSE of the climatological mean at this point (NaN if no evaluation ran)
     */
    public record Row(SweepPoint point, ResultRow row, double climatologyRmse) {

        /**
         * Whether a complete row does not track the truth: its analysis RMSE is not below
         * {@link org.vaevar.harness.report.RunChecks#TRACKING_RATIO} times the climatological mean's, the verdict
         * of {@code run} and {@code reproduce}.
         */
        public boolean notTracking() {
            return row.complete() && Double.isFinite(climatologyRmse) && !org.vaevar.harness.report.RunChecks.tracks(
                    org.vaevar.harness.report.RunChecks.trackingRatio(row.analysis().mean(), climatologyRmse));
        }
    }

    private SweepOutcomes() {
    }

    /** Outcomes in plan order: per point, per method. */
    public static List<MethodOutcome> outcomes(SweepPlan plan, Map<String, TaskResult> results) {
        List<MethodOutcome> out = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            SettingSpec s = setting(p, plan.config(p, plan.method(plan.file().baseline())));
            for (SweepMethod m : plan.methods()) {
                out.add(outcome(plan, p, s, m, results));
            }
        }
        return List.copyOf(out);
    }

    /** The rows, in plan order, with improvements against the baseline. */
    public static List<Row> rows(SweepPlan plan, List<MethodOutcome> outcomes, Map<String, TaskResult> results) {
        Map<String, MethodOutcome> baseline = new LinkedHashMap<>();
        for (MethodOutcome o : outcomes) {
            if (o.method().name().equals(plan.file().baseline())) {
                baseline.put(o.setting().id(), o);
            }
        }
        Map<String, SweepPoint> points = new LinkedHashMap<>();
        plan.points().forEach(p -> points.put(p.id(), p));
        List<Row> rows = new ArrayList<>();
        for (MethodOutcome o : outcomes) {
            MethodOutcome ref = o.method().reference() == null ? null : baseline.get(o.setting().id());
            SweepPoint p = points.get(o.setting().id());
            rows.add(new Row(p, ResultRow.of(o, ref, null), climatologyRmse(plan, p, results)));
        }
        return List.copyOf(rows);
    }

    private static double climatologyRmse(SweepPlan plan, SweepPoint p, Map<String, TaskResult> results) {
        for (SweepMethod m : plan.methods()) {
            for (int i = 0; i < plan.file().seeds(); i++) {
                TaskResult r = results.get(p.key() + "-" + m.name() + "-seed" + i);
                if (r != null && Double.isFinite(r.real("climatologyRmse"))) {
                    return r.real("climatologyRmse");
                }
            }
        }
        return Double.NaN;
    }

    private static MethodOutcome outcome(SweepPlan plan, SweepPoint p, SettingSpec s, SweepMethod m,
                                         Map<String, TaskResult> results) {
        ExperimentConfig c = plan.config(p, m);
        String prefix = p.key() + "-" + m.name();
        boolean baseline = m.name().equals(plan.file().baseline());
        TaskResult tuned = Tasks.tunes(c) ? results.get(prefix + "-tune") : null;
        String parameter = tuned != null && tuned.ok() ? (String) tuned.values().get("parameter")
                : c.tuning() != null ? c.tuning().parameter() : null;
        MethodSpec spec = new MethodSpec(m.name(), baseline ? MethodSpec.Family.GAUSSIAN : MethodSpec.Family.LEARNED,
                c.window(), List.of(new MethodSpec.Candidate(c.prior().name(), c.prior())), parameter,
                baseline ? null : plan.file().baseline(), null, null);
        if (Tasks.tunes(c) && (tuned == null || !tuned.ok())) {
            String why = tuned == null ? "tuning did not run" : "tuning " + tuned.status() + ": " + tuned.message();
            return new MethodOutcome(s, spec, null, why, false, List.of(), null);
        }
        TuningChoice choice = choice(c, tuned);
        List<SeedRun> runs = new ArrayList<>();
        for (int i = 0; i < plan.file().seeds(); i++) {
            TaskResult r = results.get(prefix + "-seed" + i);
            if (r == null) {
                return new MethodOutcome(s, spec, null, "seed " + i + " did not run", false, List.of(), null);
            }
            if (TaskResult.FAILED.equals(r.status())) {
                return new MethodOutcome(s, spec, null, "seed " + i + " failed: " + r.message(), false, List.of(),
                        null);
            }
            int cycles = (int) r.integer("cycles");
            runs.add(r.ok()
                    ? new SeedRun(i, r.integer("runSeed"), cycles, r.real("rmseAnalysis"), r.real("rmseBackground"),
                            r.real("msPerCycle"), -1, null)
                    : new SeedRun(i, r.integer("runSeed"), cycles, Double.NaN, Double.NaN, Double.NaN,
                            (int) r.integer("divergedCycle"), r.message()));
        }
        return new MethodOutcome(s, spec, choice, null, false, runs, null);
    }

    private static TuningChoice choice(ExperimentConfig c, TaskResult tuned) {
        String label = c.prior().name();
        if (tuned == null) {
            return new TuningChoice(label, c.prior(), Double.NaN, Double.NaN, false, List.of());
        }
        List<ExperimentResult.TuningPoint> points = new ArrayList<>();
        for (Object o : tuned.list("points")) {
            List<?> xy = (List<?>) o;
            points.add(new ExperimentResult.TuningPoint(((Number) xy.get(0)).doubleValue(),
                    xy.get(1) == null ? Double.POSITIVE_INFINITY : ((Number) xy.get(1)).doubleValue()));
        }
        double value = tuned.real("value");
        List<Double> tried = points.stream().map(ExperimentResult.TuningPoint::value).toList();
        PluginConfig prior = section(tuned.map("prior"));
        return new TuningChoice(label, prior, value, tuned.real("tuningRmse"), TuningChoice.atEdge(tried, value),
                List.of(new TuningChoice.CandidateCurve(label, points, null)));
    }

    private static PluginConfig section(Map<String, Object> m) {
        Map<String, Object> p = new LinkedHashMap<>(m);
        return new PluginConfig((String) p.remove("name"), p);
    }

    /** The setting columns of a point, from its baseline config. */
    static SettingSpec setting(SweepPoint p, ExperimentConfig c) {
        PluginConfig op = c.observations().operator();
        int every = op.parameters().get("every") instanceof Number n ? n.intValue() : 1;
        PluginConfig truth = c.perfectModel() ? null : c.truthModel();
        String variant = truth == null ? "perfect" : "imperfect: truth " + truth.toMap() + ", forecast "
                + c.model().toMap();
        return new SettingSpec(p.id(), c.model().name(), c.model(), truth, variant, op.name(), op,
                c.observations().interval(), every, every == 1 ? "all" : "every " + every + "th", noise(c),
                c.burnInSteps());
    }

    private static double noise(ExperimentConfig c) {
        return c.observations().noise();
    }
}
