package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan.json}: the sweep as given and as expanded: every point with the full config of every method, the
 * evaluation seeds, and every tuning curve.
 */
public final class SweepPlanJson {

    private SweepPlanJson() {
    }

    public static Map<String, Object> of(SweepPlan plan, Map<String, TaskResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        SweepFile f = plan.file();
        m.put("name", f.name());
        m.put("description", f.description());
        m.put("base", f.base());
        m.put("set", f.set());
        Map<String, Object> axes = new LinkedHashMap<>();
        f.axes().forEach(a -> axes.put(a.path(), a.values()));
        m.put("axes", axes);
        m.put("combine", f.zip() ? "zip" : "cross");
        m.put("baseline", f.baseline());
        m.put("masterSeed", f.masterSeed());
        List<Object> seeds = new ArrayList<>();
        for (int i = 0; i < f.seeds(); i++) {
            Map<String, Object> seed = new LinkedHashMap<>(); // in this order in every run (Map.of's is not fixed)
            seed.put("index", i);
            seed.put("runSeed", plan.runSeed(i));
            seeds.add(seed);
        }
        m.put("evaluationSeeds", seeds);
        List<Object> points = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("key", p.key());
            pm.put("id", p.id());
            pm.put("values", p.values());
            pm.put("settingSeed", plan.settingSeed(p));
            List<Object> methods = new ArrayList<>();
            for (SweepMethod meth : plan.methods()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("name", meth.name());
                mm.put("overrides", meth.overrides());
                mm.put("config", plan.config(p, meth).toMap());
                TaskResult trained = results.get(p.key() + "-" + meth.name() + "-train");
                if (trained != null) {
                    // the training task's record without the model's bytes (they stay in tasks/)
                    Map<String, Object> training = new LinkedHashMap<>(trained.values());
                    if (trained.map("model") != null) {
                        Map<String, Object> model = new LinkedHashMap<>(trained.map("model"));
                        model.remove("bytes");
                        training.put("model", model);
                    }
                    mm.put("training", training);
                }
                TaskResult t = results.get(p.key() + "-" + meth.name() + "-tune");
                if (t != null) {
                    mm.put("tuning", t.values());
                }
                methods.add(mm);
            }
            pm.put("methods", methods);
            points.add(pm);
        }
        m.put("points", points);
        return m;
    }
}
