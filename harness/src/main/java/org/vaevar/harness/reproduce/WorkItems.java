package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.Trajectory;

/**
 * The inputs of a reproduction's work items (what their {@link WorkStore} key hashes) and their results as JSON
 * values. Doubles are written in Java's shortest round-trip form, so a result read back is the exact double that
 * was computed; JSON has no NaN or infinity, so a non-finite number is written as null and read back as NaN (as
 * +∞ for a tuning point, where only a diverged run has no number).
 */
final class WorkItems {

    private WorkItems() {
    }

    // ------------------------------------------------------------------------------------------ inputs

    /** Everything a method's tuning depends on, in replication {@code r} of a plan. */
    static Map<String, Object> tuneInput(Plan plan, int r, SettingSpec s, MethodSpec m) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("item", "tune");
        in.put("replication", r);
        in.put("masterSeed", plan.masterSeed());
        in.put("setting", s.id());
        in.put("config", s.config(plan.schedule(), plan.settingSeed(s)).toMap());
        in.put("method", method(plan, s, m));
        return in;
    }

    /** Everything evaluation seed {@code i} of a method depends on: its tuning's inputs and what it chose. */
    static Map<String, Object> evaluateInput(Plan plan, int r, SettingSpec s, MethodSpec m, TuningChoice choice,
                                             int i) {
        Map<String, Object> in = tuneInput(plan, r, s, m);
        in.put("item", "evaluate");
        in.put("seed", i);
        in.put("runSeed", plan.runSeed(i));
        in.put("cycles", plan.schedule().cycles(m.window()));
        in.put("spinupCycles", plan.schedule().spinup(m.window()));
        in.put("figureSetting", plan.figureSetting().id());
        in.put("chosen", choice.prior().toMap());
        return in;
    }

    /**
     * The input of a setting's calibration summary with one sample source: the setting's config with that source's
     * calibration and every method of it (the learned priors trained in the same step report their training time
     * in it).
     */
    static Map<String, Object> calibrationInput(Plan plan, int r, Plan.PlannedSetting ps, String source) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("item", "calibration");
        in.put("replication", r);
        in.put("masterSeed", plan.masterSeed());
        in.put("setting", ps.spec().id());
        in.put("config", plan.config(ps.spec(), source).toMap());
        in.put("methods", ps.allMethods().stream().map(m -> (Object) method(plan, ps.spec(), m)).toList());
        return in;
    }

    private static Map<String, Object> method(Plan plan, SettingSpec s, MethodSpec m) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("name", m.name());
        mm.put("family", m.family().name());
        mm.put("ablation", m.ablation());
        mm.put("window", m.window());
        mm.put("tunedParameter", m.tunedParameter());
        List<Object> candidates = new ArrayList<>();
        for (MethodSpec.Candidate c : m.candidates()) {
            TuningConfig t = MethodRuns.tuning(plan.schedule(), m, c);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.label());
            cm.put("config", c.prior().toMap());
            cm.put("grid", t.grid());
            cm.put("cycles", t.cycles());
            cm.put("spinupCycles", t.spinupCycles());
            if (plan.schedule().sources().several() && c.source() != null) {
                // The candidate learns from its own source's samples: their calibration is part of its input.
                cm.put("source", c.source());
                cm.put("calibration", plan.config(s, c.source()).toMap().get("calibration"));
            }
            candidates.add(cm);
        }
        mm.put("candidates", candidates);
        return mm;
    }

    // ------------------------------------------------------------------------------------------ calibration

    static Map<String, Object> calibration(CalibrationSummary c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settingId", c.settingId());
        m.put("samples", c.samples());
        m.put("looseRmse", finite(c.looseRmse()));
        m.put("scales", c.scaleRmse().keySet().stream().map(v -> (Object) v).toList());
        m.put("scaleRmse", c.scaleRmse().values().stream().map(v -> (Object) finite(v)).toList());
        m.put("chosenScale", finite(c.chosenScale()));
        m.put("sampleRunRmse", c.sampleRunRmse().stream().map(v -> (Object) finite(v)).toList());
        m.put("climatologyRmse", finite(c.climatologyRmse()));
        m.put("trainingSeconds", finite(c.trainingSeconds()));
        m.put("source", c.source());
        Map<String, Object> windows = new LinkedHashMap<>();
        c.windowSampleRunRmse().forEach((k, v) -> windows.put(Integer.toString(k), finite(v)));
        m.put("windowSampleRunRmse", windows);
        Map<String, Object> rounds = new LinkedHashMap<>();
        c.rounds().forEach((k, v) -> rounds.put(k, v.stream().map(x -> (Object) finite(x)).toList()));
        m.put("rounds", rounds);
        return m;
    }

    @SuppressWarnings("unchecked")
    static CalibrationSummary calibration(Map<String, Object> m) {
        List<Object> scales = (List<Object>) m.get("scales");
        List<Object> rmse = (List<Object>) m.get("scaleRmse");
        Map<Double, Double> scaleRmse = new LinkedHashMap<>();
        for (int i = 0; i < scales.size(); i++) {
            scaleRmse.put(real(scales.get(i), Double.NaN), real(rmse.get(i), Double.POSITIVE_INFINITY));
        }
        List<Double> sampleRuns = ((List<Object>) m.get("sampleRunRmse")).stream().map(v -> real(v, Double.NaN))
                .toList();
        return new CalibrationSummary((String) m.get("settingId"), ((Number) m.get("samples")).intValue(),
                real(m.get("looseRmse"), Double.NaN), scaleRmse, real(m.get("chosenScale"), Double.NaN), sampleRuns,
                real(m.get("climatologyRmse"), Double.NaN), real(m.get("trainingSeconds"), Double.NaN),
                (String) m.get("source"), windows(m.get("windowSampleRunRmse")), rounds(m.get("rounds")));
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, Double> windows(Object o) {
        Map<Integer, Double> w = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> w.put(Integer.parseInt(k), real(v, Double.NaN)));
        return w;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> rounds(Object o) {
        Map<String, List<Double>> r = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> r.put(k, ((List<Object>) v).stream()
                .map(x -> real(x, Double.NaN)).toList()));
        return r;
    }

    // ------------------------------------------------------------------------------------------ tuning

    static Map<String, Object> choice(TuningChoice c) {
        if (c == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidate", c.candidate());
        m.put("config", c.prior().toMap());
        m.put("value", c.value());
        m.put("tuningRmse", finite(c.tuningRmse()));
        m.put("atGridEdge", c.atGridEdge());
        List<Object> tried = new ArrayList<>();
        for (TuningChoice.CandidateCurve curve : c.tried()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("candidate", curve.candidate());
            cm.put("values", curve.points().stream().map(p -> (Object) p.value()).toList());
            cm.put("rmseAnalysis", curve.points().stream().map(p -> (Object) finite(p.rmseAnalysis())).toList());
            cm.put("divergence", curve.divergence());
            tried.add(cm);
        }
        m.put("tried", tried);
        return m;
    }

    @SuppressWarnings("unchecked")
    static TuningChoice choice(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) json;
        List<TuningChoice.CandidateCurve> tried = new ArrayList<>();
        for (Object o : (List<Object>) m.get("tried")) {
            Map<String, Object> cm = (Map<String, Object>) o;
            List<Object> values = (List<Object>) cm.get("values");
            List<Object> rmse = (List<Object>) cm.get("rmseAnalysis");
            List<ExperimentResult.TuningPoint> points = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                points.add(new ExperimentResult.TuningPoint(real(values.get(i), Double.NaN),
                        real(rmse.get(i), Double.POSITIVE_INFINITY)));
            }
            tried.add(new TuningChoice.CandidateCurve((String) cm.get("candidate"), points,
                    (String) cm.get("divergence")));
        }
        return new TuningChoice((String) m.get("candidate"), plugin(m.get("config")), real(m.get("value"),
                Double.NaN), real(m.get("tuningRmse"), Double.POSITIVE_INFINITY), (Boolean) m.get("atGridEdge"),
                tried);
    }

    @SuppressWarnings("unchecked")
    private static PluginConfig plugin(Object json) {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) json);
        String name = (String) m.remove("name");
        return new PluginConfig(name, m);
    }

    // ------------------------------------------------------------------------------------------ evaluation

    static Map<String, Object> seedRun(SeedRun r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("runSeed", r.runSeed());
        m.put("cycles", r.cycles());
        m.put("rmseAnalysis", finite(r.rmseAnalysis()));
        m.put("rmseBackground", finite(r.rmseBackground()));
        m.put("msPerCycle", finite(r.msPerCycle()));
        m.put("divergedCycle", r.divergedCycle());
        m.put("divergence", r.divergence());
        m.put("notConverged", finite(r.notConverged()));
        return m;
    }

    @SuppressWarnings("unchecked")
    static SeedRun seedRun(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) json;
        return new SeedRun(((Number) m.get("index")).intValue(), ((Number) m.get("runSeed")).longValue(),
                ((Number) m.get("cycles")).intValue(), real(m.get("rmseAnalysis"), Double.NaN),
                real(m.get("rmseBackground"), Double.NaN), real(m.get("msPerCycle"), Double.NaN),
                ((Number) m.get("divergedCycle")).intValue(), (String) m.get("divergence"),
                real(m.get("notConverged"), Double.NaN));
    }

    static Map<String, Object> trajectory(Trajectory t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("components", t.components());
        m.put("times", t.times());
        m.put("truth", t.truth());
        m.put("background", t.background());
        m.put("analysis", t.analysis());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Trajectory trajectory(Object json) {
        if (json == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) json;
        List<Object> components = (List<Object>) m.get("components");
        int[] c = components.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        return new Trajectory(c, vector(m.get("times")), matrix(m.get("truth")), matrix(m.get("background")),
                matrix(m.get("analysis")));
    }

    @SuppressWarnings("unchecked")
    private static double[] vector(Object json) {
        return ((List<Object>) json).stream().mapToDouble(o -> real(o, Double.NaN)).toArray();
    }

    @SuppressWarnings("unchecked")
    private static double[][] matrix(Object json) {
        return ((List<Object>) json).stream().map(WorkItems::vector).toArray(double[][]::new);
    }

    // ------------------------------------------------------------------------------------------ numbers

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double real(Object v, double nonFinite) {
        return v instanceof Number n ? n.doubleValue() : nonFinite;
    }
}
