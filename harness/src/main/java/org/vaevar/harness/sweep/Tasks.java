package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.ExperimentConfig;

/**
 * The tasks of a plan and their inputs. An input is plain JSON (it travels to Spark executors as text) holding
 * everything the task needs: the full config, the run seed, and for an evaluation the tuned sections. Its
 * SHA-256 is the task's key: a recorded result counts as finished only for the same key, so a changed sweep file
 * reruns exactly the tasks it changed.
 */
public final class Tasks {

    private Tasks() {
    }

    /** Whether a config has a tuning section with values to try. */
    public static boolean tunes(ExperimentConfig c) {
        return c.tuning() != null && !c.tuning().grid().isEmpty();
    }

    /** Every task, in plan order: per point, per method, its tuning (if any) then its seeds. */
    public static List<SweepTask> of(SweepPlan plan) {
        List<SweepTask> tasks = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            for (SweepMethod m : plan.methods()) {
                String prefix = p.key() + "-" + m.name();
                String tuning = null;
                if (tunes(plan.config(p, m))) {
                    tuning = prefix + "-tune";
                    tasks.add(new SweepTask(tuning, SweepTask.Kind.TUNE, p, m, -1, null));
                }
                for (int i = 0; i < plan.file().seeds(); i++) {
                    tasks.add(new SweepTask(prefix + "-seed" + i, SweepTask.Kind.EVALUATE, p, m, i, tuning));
                }
            }
        }
        return List.copyOf(tasks);
    }

    /** The input of a tuning task. */
    public static Map<String, Object> tuneInput(SweepPlan plan, SweepTask t) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        Map<String, Object> in = header(t, c);
        in.put("prior", c.prior().toMap());
        in.put("method", c.methodOrDefault().toMap());
        return in;
    }

    /**
     * The input of an evaluation task.
     *
     * @param tuned the tuning task's result (status ok), or {@code null} for a method without tuning
     */
    public static Map<String, Object> evaluateInput(SweepPlan plan, SweepTask t, TaskResult tuned) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        Map<String, Object> in = header(t, c);
        in.put("seed", t.seed());
        in.put("runSeed", plan.runSeed(t.seed()));
        in.put("prior", tuned != null ? tuned.map("prior") : c.prior().toMap());
        in.put("method", tuned != null ? tuned.map("method") : c.methodOrDefault().toMap());
        return in;
    }

    private static Map<String, Object> header(SweepTask t, ExperimentConfig c) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", t.id());
        in.put("kind", t.kind() == SweepTask.Kind.TUNE ? "tune" : "evaluate");
        in.put("label", t.point().id() + " " + t.method().name()
                + (t.kind() == SweepTask.Kind.TUNE ? " tuning" : " seed " + t.seed()));
        in.put("config", c.toMap());
        return in;
    }

    /** The key of an input: SHA-256 of its canonical JSON. */
    public static String key(Map<String, Object> input) {
        return Values.sha256(Values.canonical(input));
    }
}
