package org.vaevar.harness.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.ExperimentConfig;

/**
 * The tasks of a plan and their inputs. An input is plain JSON (it travels to Spark executors as text) holding
 * everything the task needs: the full config, the run seed, for an evaluation the tuned sections, and for a
 * setting whose priors use calibration samples the SHA-256 of its calibration's samples file. Its SHA-256 is the
 * task's key (a learned prior's model counts by its SHA-256 only, not its bytes): a recorded result counts as
 * finished only for the same key, so a changed sweep file reruns exactly the tasks it changed. The {@code local} section (where this run keeps its files) is not part of the key: a
 * resumed sweep may sit in a renamed directory.
 */
public final class Tasks {

    private Tasks() {
    }

    /** Whether a config has a tuning section with values to try. */
    public static boolean tunes(ExperimentConfig c) {
        return c.tuning() != null && !c.tuning().grid().isEmpty();
    }

    /** The work area's directory under the run directory: the calibration samples files. */
    public static final String WORK = "work";
    /** The input section that is not part of the key. */
    static final String LOCAL = "local";

    /**
     * Every task, in plan order: per point, a calibration per twin setting (methods whose configs differ only in
     * what a method brings share one), then per method the training of its prior (if learned, see
     * {@link #learned}), its tuning (if any) then its seeds.
     */
    public static List<SweepTask> of(SweepPlan plan) {
        List<SweepTask> tasks = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            Map<String, String> calibrations = new LinkedHashMap<>();
            for (SweepMethod m : plan.methods()) {
                String setting = TwinKey.of(plan.config(p, m));
                if (!calibrations.containsKey(setting)) {
                    String id = p.key() + "-calibrate" + (calibrations.isEmpty() ? "" : "-" + calibrations.size());
                    calibrations.put(setting, id);
                    tasks.add(new SweepTask(id, SweepTask.Kind.CALIBRATE, p, m, -1, null, null, null));
                }
            }
            for (SweepMethod m : plan.methods()) {
                String calibration = calibrations.get(TwinKey.of(plan.config(p, m)));
                String prefix = p.key() + "-" + m.name();
                String train = null;
                if (learned(plan.config(p, m))) {
                    train = prefix + "-train";
                    tasks.add(new SweepTask(train, SweepTask.Kind.TRAIN, p, m, -1, null, calibration, null));
                }
                String tuning = null;
                if (tunes(plan.config(p, m))) {
                    tuning = prefix + "-tune";
                    tasks.add(new SweepTask(tuning, SweepTask.Kind.TUNE, p, m, -1, null, calibration, train));
                }
                for (int i = 0; i < plan.file().seeds(); i++) {
                    tasks.add(new SweepTask(prefix + "-seed" + i, SweepTask.Kind.EVALUATE, p, m, i, tuning,
                            calibration, train));
                }
            }
        }
        return List.copyOf(tasks);
    }

    /** The plugins on the class path, to tell which priors are learned. */
    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    /**
     * Whether a config's method uses a prior that is learned from samples and saved to a model file (its provider
     * names a model-file parameter) and the config does not already load one: such a prior is trained once per
     * point and method, in its own task, and the tasks after it load the model it returns.
     */
    static boolean learned(ExperimentConfig c) {
        try {
            return PLUGINS.methodProvider(c.methodOrDefault().name()).usesPrior() && learned(c.prior());
        } catch (RuntimeException e) {
            return false; // an unknown plugin: its tasks fail with the plugin's own message
        }
    }

    /** Whether a prior section is learned from samples and does not load a model file. */
    static boolean learned(org.vaevar.assimilation.config.PluginConfig prior) {
        try {
            return PLUGINS.priorProvider(prior.name()).modelFileParameter()
                    .filter(f -> !prior.parameters().containsKey(f)).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The input of a calibration task: its setting's neutral config, the prior sections of the setting's methods
     * (built to learn whether any uses samples) and where to write the samples file.
     */
    public static Map<String, Object> calibrateInput(SweepPlan plan, SweepTask t, Path work) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        String setting = TwinKey.of(c);
        Map<String, Object> in = header(t, TwinKey.neutral(c));
        List<Object> priors = new ArrayList<>();
        for (SweepMethod m : plan.methods()) {
            ExperimentConfig mc = plan.config(t.point(), m);
            Map<String, Object> prior = mc.prior().toMap();
            if (TwinKey.of(mc).equals(setting) && !priors.contains(prior)) {
                priors.add(prior);
            }
        }
        in.put("priors", priors);
        in.put(LOCAL, Map.of("samplesFile", samplesFile(work, t.id()).toString()));
        return in;
    }

    /** Where a calibration task keeps its samples. */
    static Path samplesFile(Path work, String calibrationId) {
        return work.resolve(calibrationId + ".samples").toAbsolutePath();
    }

    /** The input of a training task: the prior section as configured, and the calibration's samples. */
    public static Map<String, Object> trainInput(SweepPlan plan, SweepTask t, TaskResult calibrated, Path work) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        Map<String, Object> in = header(t, c);
        in.put("prior", c.prior().toMap());
        samples(in, t, calibrated, work);
        return in;
    }

    /**
     * The input of a tuning task.
     *
     * @param trained the training task's result (status ok), or {@code null} for a prior that is not learned
     */
    public static Map<String, Object> tuneInput(SweepPlan plan, SweepTask t, TaskResult calibrated,
                                                TaskResult trained, Path work) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        Map<String, Object> in = header(t, c);
        in.put("prior", c.prior().toMap());
        in.put("method", c.methodOrDefault().toMap());
        samples(in, t, calibrated, work);
        model(in, trained);
        return in;
    }

    /**
     * The input of an evaluation task.
     *
     * @param tuned      the tuning task's result (status ok), or {@code null} for a method without tuning
     * @param calibrated the calibration task's result (status ok)
     * @param trained    the training task's result (status ok), or {@code null} for a prior that is not learned
     */
    public static Map<String, Object> evaluateInput(SweepPlan plan, SweepTask t, TaskResult tuned,
                                                    TaskResult calibrated, TaskResult trained, Path work) {
        ExperimentConfig c = plan.config(t.point(), t.method());
        Map<String, Object> in = header(t, c);
        in.put("seed", t.seed());
        in.put("runSeed", plan.runSeed(t.seed()));
        in.put("prior", tuned != null ? tuned.map("prior") : c.prior().toMap());
        in.put("method", tuned != null ? tuned.map("method") : c.methodOrDefault().toMap());
        samples(in, t, calibrated, work);
        model(in, trained);
        return in;
    }

    /**
     * The trained model, inline: its bytes (Base64) and SHA-256. A model is small (55 KB for the l63-vae3dvar
     * VAE) and inline it reaches any executor without a shared file system; the key counts only its
     * SHA-256, so a retrained model reruns the tasks that used it.
     */
    private static void model(Map<String, Object> in, TaskResult trained) {
        if (trained != null) {
            in.put("model", trained.map("model"));
        }
    }

    /** The calibration's samples file, if its setting's priors use samples. */
    private static void samples(Map<String, Object> in, SweepTask t, TaskResult calibrated, Path work) {
        Map<String, Object> samples = calibrated != null ? calibrated.map("samples") : null;
        if (samples != null) {
            in.put("calibrationSamples", samples.get("sha256"));
            in.put(LOCAL, Map.of("samplesFile", samplesFile(work, t.calibration()).toString()));
        }
    }

    private static Map<String, Object> header(SweepTask t, ExperimentConfig c) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", t.id());
        in.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
        in.put("label", t.point().id() + switch (t.kind()) {
            case CALIBRATE -> " calibration";
            case TRAIN -> " " + t.method().name() + " training";
            case TUNE -> " " + t.method().name() + " tuning";
            case EVALUATE -> " " + t.method().name() + " seed " + t.seed();
        });
        in.put("config", c.toMap());
        return in;
    }

    /** The key of an input: SHA-256 of its canonical JSON. */
    public static String key(Map<String, Object> input) {
        Map<String, Object> keyed = new LinkedHashMap<>(input);
        keyed.remove(LOCAL);
        if (keyed.get("model") instanceof Map<?, ?> model) {
            keyed.put("model", model.get("sha256"));
        }
        return Values.sha256(Values.canonical(keyed));
    }
}
