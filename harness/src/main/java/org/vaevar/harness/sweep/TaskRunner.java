package org.vaevar.harness.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.LearnedPrior;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigReader;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.DivergenceException;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.TwinSetting;
import org.vaevar.harness.reproduce.CalibrationSummary;

/**
 * Runs one task from its JSON input and returns its JSON result; the same on any worker, in any JVM. The result
 * depends only on the input (the config carries its seed, the input its run seed), never on which worker ran
 * it or what ran before: settings are cached per JVM only to share their climatology, which is itself a function
 * of the config. A setting's calibration runs once per sweep, in its calibration task, which writes the samples
 * to the sweep's work area; the tasks after it read them back (the same doubles) rather than recalibrating. A
 * learned prior trains once per point and method, in its training task, which returns the saved model's bytes;
 * the tasks after it write them to a file of their own JVM and load the prior from it rather than retraining.
 */
public final class TaskRunner {

    /** Settings of this JVM by {@link TwinKey}. */
    private static final Map<String, TwinSetting> SETTINGS = new ConcurrentHashMap<>();
    private static final Map<String, Double> CLIMATOLOGY_RMSE = new ConcurrentHashMap<>();
    /** Settings kept per JVM; beyond this the cache is emptied (a large sweep must not hold every calibration). */
    private static final int CACHE_LIMIT = 16;

    /** Tasks of this JVM whose setting ran its calibration itself (its calibration task, or a task given none). */
    private static final java.util.concurrent.atomic.AtomicInteger CALIBRATED =
            new java.util.concurrent.atomic.AtomicInteger();

    private TaskRunner() {
    }

    /** Empties this JVM's settings, as if the next task ran on a fresh executor (for tests). */
    static void forgetSettings() {
        SETTINGS.clear();
    }

    /** How many tasks ran a calibration since the last call (meaningful with {@link #forgetSettings} before each). */
    static int calibrationsRun() {
        return CALIBRATED.getAndSet(0);
    }

    /** Runs the task of {@code inputJson}; a deterministic failure is a result, never an exception. */
    public static String run(String inputJson, String cacheDirectory) {
        // Tasks run side by side (threads, Spark executors): each computes on its own thread alone.
        return org.vaevar.api.parallel.ComputeThreads.serially(() -> runTask(inputJson, cacheDirectory));
    }

    private static String runTask(String inputJson, String cacheDirectory) {
        Map<String, Object> in = Values.parseObject(inputJson);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", in.get("id"));
        out.put("key", Tasks.key(in));
        out.put("kind", in.get("kind"));
        long start = System.nanoTime();
        try {
            @SuppressWarnings("unchecked")
            ExperimentConfig config = ConfigReader.read((Map<String, Object>) in.get("config"));
            TwinSetting twin = setting(config, cacheDirectory);
            boolean given = in.get("calibrationSamples") != null;
            if (given) {
                twin.useSamples(SamplesFile.read(Path.of(samplesFile(in)), (String) in.get("calibrationSamples")));
            }
            try {
                run(twin, config, in, out);
            } finally {
                if (!given && twin.priorContext().hasSamples()) {
                    CALIBRATED.incrementAndGet();
                }
            }
        } catch (DivergenceException e) {
            out.put("status", TaskResult.DIVERGED);
            out.put("divergedCycle", Math.max(0, e.cycle()));
            out.put("message", e.getMessage());
        } catch (RuntimeException | java.io.IOException e) {
            Throwable cause = org.vaevar.harness.io.ExitStatus.unwrap(e);
            out.put("status", TaskResult.FAILED);
            out.put("message", cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        return finish(out, start);
    }

    private static void run(TwinSetting twin, ExperimentConfig config, Map<String, Object> in,
                            Map<String, Object> out) throws java.io.IOException {
        if ("calibrate".equals(in.get("kind"))) {
            calibrate(twin, in, out);
            return;
        }
        if ("train".equals(in.get("kind"))) {
            train(twin, plugin(in.get("prior")), out);
            return;
        }
        PluginConfig prior = plugin(in.get("prior"));
        PluginConfig method = plugin(in.get("method"));
        String fileParameter = null;
        if (in.get("model") != null) {
            fileParameter = twin.priorProvider("prior", prior).modelFileParameter().orElseThrow();
            prior = prior.with(fileParameter, ModelFiles.file(TaskResult.asMap(in.get("model"))).toString());
        }
        if ("tune".equals(in.get("kind"))) {
            tune(twin, config, prior, method, out);
            if (fileParameter != null) {
                // the model file is this JVM's copy: the tuned section passes on without it (the key has its hash)
                Map<String, Object> tuned = new LinkedHashMap<>(TaskResult.asMap(out.get("prior")));
                tuned.remove(fileParameter);
                out.put("prior", tuned);
            }
        } else {
            evaluate(twin, config, prior, method, in, out);
            out.put("climatologyRmse", TaskResult.finite(CLIMATOLOGY_RMSE.computeIfAbsent(TwinKey.of(config),
                    k -> CalibrationSummary.climatologyRmse(twin.priorContext().climatology()))));
        }
    }

    private static String finish(Map<String, Object> out, long start) {
        out.put("seconds", (System.nanoTime() - start) / 1e9);
        out.put("worker", ProcessHandle.current().pid() + "/" + Thread.currentThread().getName());
        return Values.json(out);
    }

    /**
     * Builds each prior of the setting's methods: those that learn from the calibration samples run the
     * calibration (once: the setting shares it). If any did, the samples go to the work area and the result
     * names them by SHA-256; otherwise {@code samples} is null and the later tasks need none.
     */
    private static void calibrate(TwinSetting twin, Map<String, Object> in, Map<String, Object> out)
            throws java.io.IOException {
        for (Object p : (List<?>) in.get("priors")) {
            try {
                PluginConfig prior = plugin(p);
                if (Tasks.learned(prior)) {
                    twin.priorContext().backgroundErrors(); // trained in its own task, from these samples
                    continue;
                }
                twin.prior("prior", prior);
            } catch (RuntimeException e) {
                // a prior that cannot be built fails in its own tuning or evaluation tasks, with their message
            }
        }
        Map<String, Object> samples = null;
        if (twin.priorContext().hasSamples()) {
            var s = twin.priorContext().backgroundErrors();
            samples = new LinkedHashMap<>();
            samples.put("sha256", SamplesFile.write(Path.of(samplesFile(in)), s));
            samples.put("count", s.size());
            samples.put("dimension", s.dimension());
        }
        out.put("status", TaskResult.OK);
        out.put("samples", samples);
    }

    /**
     * Builds the prior as a tuning or evaluation of this setting would (the same samples and prior seed, so the same
     * weights), saves it through {@link LearnedPrior} and returns the model file's bytes and SHA-256.
     */
    private static void train(TwinSetting twin, PluginConfig prior, Map<String, Object> out)
            throws java.io.IOException {
        BackgroundPrior built = twin.prior("prior", prior);
        if (!(built instanceof LearnedPrior learned)) {
            throw new IllegalStateException("prior " + prior.name() + " declares a model-file parameter but cannot"
                    + " save itself");
        }
        out.put("status", TaskResult.OK);
        out.put("model", ModelFiles.encode(learned));
        out.put("training", learned.trainingReport());
    }

    @SuppressWarnings("unchecked")
    private static String samplesFile(Map<String, Object> in) {
        return (String) ((Map<String, Object>) in.get(Tasks.LOCAL)).get("samplesFile");
    }

    /** The tuning result: the chosen value, the coarse {@code grid} and every {@code points} value in evaluation order. */
    private static void tune(TwinSetting twin, ExperimentConfig config, PluginConfig prior, PluginConfig method,
                             Map<String, Object> out) {
        TwinSetting.Tuned t = twin.tune(method, prior, config.tuning(), config.window());
        double best = Double.POSITIVE_INFINITY;
        List<Object> points = new ArrayList<>();
        for (ExperimentResult.TuningPoint p : t.points()) {
            points.add(java.util.Arrays.asList(p.value(), TaskResult.finite(p.rmseAnalysis())));
            best = Math.min(best, p.rmseAnalysis());
        }
        out.put("status", TaskResult.OK);
        out.put("prior", t.prior().toMap());
        out.put("method", t.method().toMap());
        out.put("target", t.target().tunesMethod() ? "method" : "prior");
        out.put("parameter", t.target().parameter());
        out.put("value", t.chosen());
        out.put("tuningRmse", TaskResult.finite(best));
        out.put("grid", config.tuning().grid());
        out.put("points", points);
    }

    private static void evaluate(TwinSetting twin, ExperimentConfig config, PluginConfig prior,
                                 PluginConfig method, Map<String, Object> in, Map<String, Object> out) {
        long runSeed = ((Number) in.get("runSeed")).longValue();
        int cycles = config.cycles();
        out.put("seed", in.get("seed"));
        out.put("runSeed", runSeed);
        out.put("cycles", cycles);
        AssimilationMethod m = twin.method("method", method, prior, config.window());
        RunResult r = twin.evaluate(m, runSeed, cycles, config.spinupCycles(), (String) in.get("label"));
        double a = r.meanRmseAnalysis();
        double b = r.meanRmseBackground();
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            int c = r.firstNonFinite();
            throw new DivergenceException(c, "the RMSE at cycle " + c + " is not finite (overflow)");
        }
        out.put("status", TaskResult.OK);
        out.put("rmseAnalysis", a);
        out.put("rmseBackground", b);
        out.put("msPerCycle", r.msPerCycle());
    }

    private static TwinSetting setting(ExperimentConfig config, String cacheDirectory) {
        if (SETTINGS.size() > CACHE_LIMIT) {
            SETTINGS.clear();
        }
        return SETTINGS.computeIfAbsent(TwinKey.of(config), k -> Vaevar.setting(TwinKey.neutral(config),
                new RunOptions(Path.of(cacheDirectory), ProgressListener.SILENT)));
    }

    @SuppressWarnings("unchecked")
    private static PluginConfig plugin(Object section) {
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) section);
        String name = (String) m.remove("name");
        return new PluginConfig(name, m);
    }
}
