package org.vaevar.harness.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.SampleSource;
import org.vaevar.assimilation.experiment.Calibration;
import org.vaevar.assimilation.experiment.DivergenceException;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.assimilation.experiment.RunResult;
import org.vaevar.assimilation.experiment.Trajectory;
import org.vaevar.assimilation.experiment.TrajectoryRecorder;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * Runs a {@link Plan} on a pool of threads and collects every method's tuning and evaluation runs.
 *
 * <p>Work items, each on one thread: per setting, the calibration (and the training of each learned prior, once,
 * before its methods run); per method, the tuning on the tuning seed; per method and seed, one evaluation run.
 * An item starts when what it needs is done, so settings, methods and seeds run side by side. Every item draws
 * only from its own seeded streams and results are collected in plan order, so the outcome does not depend on
 * the number of threads or on which item finishes first (only the measured milliseconds do).
 *
 * <p>Replications: the whole pipeline (calibration, training, tuning, evaluation) runs once per replication, each
 * with its own master seed ({@link Plan#replication(int)}); all replications share the pool.
 *
 * <p>Resuming: every finished tuning and evaluation item is recorded in a {@link WorkStore}, keyed by the hash of
 * its inputs, the moment it completes; an item the store already holds is taken from it, not run. Calibration
 * (and a learned prior, from the prior's cache) are redone: they are the input every item of a setting needs.
 *
 * <p>A divergence (in calibration, tuning or a seed) is a result and is recorded. Any other failure stops the
 * whole run: the remaining items are skipped and the first failure is rethrown ({@link FirstFailure}). A method's
 * tuning over its candidate priors is {@link CandidateTuning}.
 */
public final class Reproduction {

    /** Trajectories are kept for the figure setting's first seed (of the first replication) only. */
    private static final int TRAJECTORY_SEED = 0;

    private final Plan plan;
    private final int replication;
    private final Path cacheDirectory;
    private final GridProgress progress;
    private final WorkStore store;
    private final FirstFailure failures;

    private Reproduction(Plan plan, int replication, Path cacheDirectory, GridProgress progress, WorkStore store,
                         FirstFailure failures) {
        this.plan = plan;
        this.replication = replication;
        this.cacheDirectory = cacheDirectory;
        this.progress = progress;
        this.store = store;
        this.failures = failures;
    }

    /** Runs the plan with nothing recorded between runs. */
    public static ReproductionResult run(Plan plan, int threads, Path cacheDirectory, ProgressListener listener) {
        return run(plan, threads, cacheDirectory, listener, WorkStore.none());
    }

    /**
     * Runs every replication of the plan on one pool of threads.
     *
     * @param threads        worker threads (≥ 1); the outcome is the same for any number
     * @param cacheDirectory where plugins cache trained priors
     * @param listener       hears one task, "reproduce", advancing over the whole grid
     * @param store          finished work items: those it holds are taken from it, the others recorded in it
     */
    public static ReproductionResult run(Plan plan, int threads, Path cacheDirectory, ProgressListener listener,
                                         WorkStore store) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(store, "store");
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be at least 1");
        }
        long start = System.nanoTime();
        int count = Math.max(1, plan.replications());
        GridProgress progress = new GridProgress(listener, count * WorkUnits.totalUnits(plan),
                count * plan.settings().size());
        FirstFailure failures = new FirstFailure();
        List<Reproduction> parts = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            parts.add(new Reproduction(plan.replication(r), r, cacheDirectory, progress, store, failures));
        }
        // Build every setting of every replication first, on this thread: a misconfigured plugin fails here.
        List<List<Map<String, TwinSetting>>> twins = new ArrayList<>();
        for (Reproduction part : parts) {
            twins.add(part.build());
        }
        progress.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            // Replications are submitted in order, so an interrupted run has finished the early ones first.
            List<Submitted> submitted = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                submitted.add(parts.get(r).submit(twins.get(r), pool));
            }
            List<ReproductionResult.Replication> replications = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                replications.add(parts.get(r).collect(submitted.get(r)));
            }
            failures.rethrowIfAny();
            return new ReproductionResult(plan, replications, (System.nanoTime() - start) / 1e9, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ work items

    private record Prepared(TwinSetting setting, String failure, CalibrationSummary calibration) {
    }

    private record Evaluated(SeedRun run, Trajectory trajectory) {
    }

    private record Submitted(List<CompletableFuture<MethodOutcome>> outcomes,
                             List<CompletableFuture<Prepared>> preparations) {
    }

    /**
     * A setting's calibrations, one per sample source (in {@code calibration.sources} order): a candidate runs on
     * its source's, one that uses no samples on the first.
     */
    private record Sources(Map<String, Prepared> bySource, String first) {

        Prepared of(MethodSpec.Candidate c) {
            return bySource.get(c.source() == null || !bySource.containsKey(c.source()) ? first : c.source());
        }

        /** The failure every candidate of {@code m} met, when each one's calibration failed; else null. */
        String failure(MethodSpec m) {
            String first = null;
            for (MethodSpec.Candidate c : m.candidates()) {
                String f = of(c).failure();
                if (f == null) {
                    return null;
                }
                first = first == null ? f : first;
            }
            return first;
        }
    }

    private volatile ErrorShape shape;

    /** This replication's settings, one twin per sample source, each built and its candidates validated. */
    private List<Map<String, TwinSetting>> build() {
        List<Map<String, TwinSetting>> twins = new ArrayList<>();
        CalibrationSources sources = plan.schedule().sources();
        for (Plan.PlannedSetting ps : plan.settings()) {
            Map<String, TwinSetting> bySource = new LinkedHashMap<>();
            for (String source : sources.names()) {
                bySource.put(source, Vaevar.setting(plan.config(ps.spec(), source),
                        new RunOptions(cacheDirectory, ProgressListener.SILENT)));
            }
            for (MethodSpec m : ps.allMethods()) {
                for (MethodSpec.Candidate c : m.candidates()) {
                    String source = c.source() != null && bySource.containsKey(c.source()) ? c.source()
                            : sources.first();
                    MethodRuns.validate(bySource.get(source), plan.schedule(), m, c);
                }
            }
            twins.add(bySource);
        }
        return twins;
    }

    /** Submits every work item of this replication to the pool. */
    private Submitted submit(List<Map<String, TwinSetting>> twins, ExecutorService pool) {
        List<CompletableFuture<MethodOutcome>> futures = new ArrayList<>();
        List<CompletableFuture<Prepared>> preparations = new ArrayList<>();
        CalibrationSources sources = plan.schedule().sources();
        long units = WorkUnits.calibrationUnits(plan) / sources.names().size();
        for (int s = 0; s < plan.settings().size(); s++) {
            Plan.PlannedSetting ps = plan.settings().get(s);
            AtomicInteger remaining = new AtomicInteger(ps.allMethods().size() * plan.seeds());
            List<CalibrationSummary> recorded = finished(ps);
            Map<String, CompletableFuture<Prepared>> bySource = new LinkedHashMap<>();
            for (int k = 0; k < sources.names().size(); k++) {
                String source = sources.names().get(k);
                TwinSetting twin = twins.get(s).get(source);
                CompletableFuture<Prepared> prepared;
                if (recorded != null) {
                    // Every item of the setting is recorded: its calibration is not needed again, only its summary.
                    progress.advance(units);
                    prepared = CompletableFuture.completedFuture(new Prepared(twin, null, recorded.get(k)));
                } else {
                    prepared = CompletableFuture.supplyAsync(guarded(units,
                            () -> recordedPrepare(ps, twin, source)), pool);
                }
                bySource.put(source, prepared);
                preparations.add(prepared);
            }
            CompletableFuture<Sources> prepared = CompletableFuture.allOf(bySource.values()
                    .toArray(CompletableFuture[]::new)).thenApply(done -> {
                        Map<String, Prepared> p = new LinkedHashMap<>();
                        bySource.forEach((k, f) -> p.put(k, f.join()));
                        return new Sources(p, sources.first());
                    });
            for (MethodSpec m : ps.allMethods()) {
                CompletableFuture<TuningOutcome> tuned = prepared.thenApplyAsync(
                        p -> guarded(WorkUnits.tuningUnits(plan, m), () -> recordedTune(ps, p, m)).get(), pool);
                List<CompletableFuture<Evaluated>> seeds = new ArrayList<>();
                for (int i = 0; i < plan.seeds(); i++) {
                    int seed = i;
                    seeds.add(prepared.thenCombineAsync(tuned, (p, t) -> guarded(WorkUnits.evaluationUnits(plan, m),
                            () -> {
                                Evaluated e = recordedEvaluate(ps, p, m, t, seed);
                                if (remaining.decrementAndGet() == 0) {
                                    progress.settingDone();
                                }
                                return e;
                            }).get(), pool));
                }
                futures.add(tuned.thenCombine(CompletableFuture.allOf(seeds.toArray(CompletableFuture[]::new)),
                        (t, done) -> outcome(ps.spec(), m, t, seeds)));
            }
        }
        return new Submitted(futures, preparations);
    }

    /** Waits for this replication's items; a fatal failure is recorded (and rethrown by the caller). */
    private ReproductionResult.Replication collect(Submitted submitted) {
        List<MethodOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<MethodOutcome> f : submitted.outcomes()) {
            try {
                outcomes.add(f.join());
            } catch (CompletionException e) {
                failures.record(e.getCause());
            }
        }
        List<CalibrationSummary> summaries = new ArrayList<>();
        if (!failures.happened()) {
            for (CompletableFuture<Prepared> p : submitted.preparations()) {
                CalibrationSummary c = p.join().calibration();
                if (c != null) {
                    summaries.add(c.withRounds(p.join().setting().rounds()));
                }
            }
        }
        return new ReproductionResult.Replication(replication, plan.masterSeed(), outcomes, summaries, shape);
    }

    /**
     * The recorded calibration summary of a setting all of whose work items are recorded, else null (also for the
     * figure setting of the first replication, whose calibration draws the error-shape figure).
     */
    private List<CalibrationSummary> finished(Plan.PlannedSetting ps) {
        if (replication == 0 && ps.spec().id().equals(plan.figureSetting().id())) {
            return null;
        }
        List<CalibrationSummary> summaries = new ArrayList<>();
        for (String source : plan.schedule().sources().names()) {
            Map<String, Object> calibration = store.peek(WorkItems.calibrationInput(plan, replication, ps, source));
            if (calibration == null) {
                return null;
            }
            summaries.add(WorkItems.calibration(calibration));
        }
        for (MethodSpec m : ps.allMethods()) {
            Map<String, Object> tuned = store.peek(WorkItems.tuneInput(plan, replication, ps.spec(), m));
            if (tuned == null) {
                return null;
            }
            TuningChoice choice = WorkItems.choice(tuned.get("choice"));
            for (int i = 0; choice != null && i < plan.seeds(); i++) {
                if (store.peek(WorkItems.evaluateInput(plan, replication, ps.spec(), m, choice, i)) == null) {
                    return null;
                }
            }
        }
        return summaries;
    }

    /** {@link #prepare}, recording its calibration summary (for a resumed run that finds the setting finished). */
    private Prepared recordedPrepare(Plan.PlannedSetting ps, TwinSetting twin, String source) {
        Prepared p = prepare(ps, twin, source);
        if (p.calibration() != null) {
            Map<String, Object> input = WorkItems.calibrationInput(plan, replication, ps, source);
            if (store.peek(input) == null) {
                store.recordQuietly(input, WorkItems.calibration(p.calibration()));
            }
        }
        return p;
    }

    /** {@link #tune}, or its recorded result when the store holds one for the same inputs. */
    private TuningOutcome recordedTune(Plan.PlannedSetting ps, Sources p, MethodSpec m) {
        if (p.failure(m) != null) {
            return tune(p, m); // nothing to run: the calibration diverged
        }
        Map<String, Object> input = WorkItems.tuneInput(plan, replication, ps.spec(), m);
        Map<String, Object> recorded = store.find(input);
        if (recorded != null) {
            return new TuningOutcome(WorkItems.choice(recorded.get("choice")), (String) recorded.get("failure"),
                    Boolean.TRUE.equals(recorded.get("refused")));
        }
        TuningOutcome t = tune(p, m);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("choice", WorkItems.choice(t.choice()));
        result.put("failure", t.failure());
        result.put("refused", t.refused());
        store.record(input, result);
        return t;
    }

    /** {@link #evaluate}, or its recorded result when the store holds one for the same inputs. */
    private Evaluated recordedEvaluate(Plan.PlannedSetting ps, Sources p, MethodSpec m, TuningOutcome t, int i) {
        if (t.choice() == null) {
            return evaluate(ps.spec(), p, m, t, i); // nothing to run
        }
        Map<String, Object> input = WorkItems.evaluateInput(plan, replication, ps.spec(), m, t.choice(), i);
        Map<String, Object> recorded = store.find(input);
        if (recorded != null) {
            return new Evaluated(WorkItems.seedRun(recorded.get("run")),
                    WorkItems.trajectory(recorded.get("trajectory")));
        }
        Evaluated e = evaluate(ps.spec(), p, m, t, i);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", WorkItems.seedRun(e.run()));
        result.put("trajectory", WorkItems.trajectory(e.trajectory()));
        store.record(input, result);
        return e;
    }

    private static MethodOutcome outcome(SettingSpec s, MethodSpec m, TuningOutcome t,
                                         List<CompletableFuture<Evaluated>> seeds) {
        List<SeedRun> runs = new ArrayList<>();
        Trajectory trajectory = null;
        for (CompletableFuture<Evaluated> f : seeds) {
            Evaluated e = f.join();
            if (e.run() != null) {
                runs.add(e.run());
            }
            if (e.trajectory() != null) {
                trajectory = e.trajectory();
            }
        }
        return new MethodOutcome(s, m, t.choice(), t.failure(), t.refused(), runs, trajectory);
    }

    /**
     * Calibrates the setting with one sample source, trains each learned prior of that source once, and (for the
     * first source) draws the error-shape figure's samples.
     */
    private Prepared prepare(Plan.PlannedSetting ps, TwinSetting twin, String source) {
        boolean first = source.equals(plan.schedule().sources().first());
        try {
            twin.calibration();
        } catch (DivergenceException e) {
            return new Prepared(twin, "calibration diverged: " + e.getMessage(), null);
        }
        // Methods of a setting run in parallel: train each learned prior here, once, so that they find it in the
        // prior's cache instead of training it side by side.
        // With calibration.source window a prior learns from its own window's samples: one training per window.
        Map<PluginConfig, Set<Integer>> learned = new LinkedHashMap<>();
        Set<Integer> windows = new TreeSet<>();
        for (MethodSpec m : ps.allMethods()) {
            windows.add(m.window());
            if (m.family() == MethodSpec.Family.LEARNED) {
                for (MethodSpec.Candidate c : m.candidates()) {
                    if (!source.equals(c.source()) && !(first && c.source() == null)) {
                        continue; // trained by its own source's calibration
                    }
                    learned.computeIfAbsent(c.prior().with(m.tunedParameter(), 1.0), k -> new TreeSet<>())
                            .add(m.window());
                }
            }
        }
        Map<Integer, Calibration.Outcome> perWindow = new LinkedHashMap<>();
        if (twin.config().calibration().source() == SampleSource.WINDOW) {
            try {
                for (int w : windows) {
                    perWindow.put(w, twin.calibration(w));
                }
            } catch (DivergenceException e) {
                return new Prepared(twin, "calibration diverged: " + e.getMessage(), null);
            }
        }
        double trainingSeconds = Double.NaN; // of the first (main) learned prior, for the results page
        for (Map.Entry<PluginConfig, Set<Integer>> entry : learned.entrySet()) {
            PluginConfig c = entry.getKey();
            try {
                double seconds = Double.NaN;
                for (int w : entry.getValue()) {
                    double s = trainingSeconds(twin.prior("method prior " + c.name(), c, w));
                    seconds = Double.isNaN(seconds) ? s : seconds;
                }
                if (Double.isNaN(trainingSeconds)) {
                    trainingSeconds = seconds;
                }
            } catch (IllegalArgumentException e) {
                // A refused ablation variant is reported by its own tuning item.
            }
        }
        if (first && ps.spec().id().equals(plan.figureSetting().id())) {
            shape = ErrorShapes.of(plan, ps.spec(), twin);
        }
        return new Prepared(twin, null, CalibrationSummary.of(ps.spec().id(), source, twin.calibration(),
                twin.priorContext().climatology(), trainingSeconds, perWindow));
    }

    /** The training seconds a trained prior reports in {@code describe().training.seconds}, else NaN. */
    private static double trainingSeconds(BackgroundPrior prior) {
        Object training = prior.describe().get("training");
        if (training instanceof java.util.Map<?, ?> t && t.get("seconds") instanceof Number seconds) {
            return seconds.doubleValue();
        }
        return Double.NaN;
    }

    /** The method's tuning, or the calibration's failure when there is nothing to tune. */
    private TuningOutcome tune(Sources p, MethodSpec m) {
        return p.failure(m) != null ? new TuningOutcome(null, p.failure(m), false)
                : CandidateTuning.best(plan.schedule(), c -> p.of(c).setting(), c -> p.of(c).failure(), m);
    }

    /** One evaluation run of the tuned prior on held-out seed i. */
    private Evaluated evaluate(SettingSpec s, Sources sources, MethodSpec m, TuningOutcome t, int i) {
        int cycles = plan.schedule().cycles(m.window());
        if (t.choice() == null) {
            return new Evaluated(null, null);
        }
        long runSeed = plan.runSeed(i);
        // The chosen candidate runs on its source's setting: its prior learns from that source's samples.
        Prepared p = sources.of(m.candidates().stream().filter(c -> c.label().equals(t.choice().candidate()))
                .findFirst().orElseThrow());
        // A fresh method per run: a prior instance need not be safe to use from two threads at once.
        AssimilationMethod method = MethodRuns.build(p.setting(), m, t.choice().prior());
        boolean keep = replication == 0 && i == TRAJECTORY_SEED && s.id().equals(plan.figureSetting().id());
        TrajectoryRecorder trajectory = new TrajectoryRecorder();
        RunResult r;
        try {
            r = p.setting().evaluate(method, runSeed, cycles, plan.schedule().spinup(m.window()),
                    s.id() + " " + m.key() + " seed " + i, keep ? new CycleObserver[] {trajectory}
                            : new CycleObserver[0]);
        } catch (DivergenceException e) {
            return new Evaluated(SeedRun.diverged(i, runSeed, cycles, e.cycle(), e.getMessage()), null);
        }
        double rmseA = r.meanRmseAnalysis();
        double rmseB = r.meanRmseBackground();
        if (!Double.isFinite(rmseA) || !Double.isFinite(rmseB)) {
            int c = r.firstNonFinite();
            return new Evaluated(SeedRun.diverged(i, runSeed, cycles, c, "the RMSE at cycle " + c
                    + " is not finite (overflow)"), null);
        }
        double ms = r.msPerCycle();
        return new Evaluated(new SeedRun(i, runSeed, cycles, rmseA, rmseB, ms, -1, null, notConvergedShare(r)),
                keep ? trajectory.trajectory() : null);
    }

    /** The share of cycles whose minimisation stopped without converging; NaN when nothing was minimised. */
    static double notConvergedShare(RunResult r) {
        long minimised = r.minimised();
        return minimised == 0 ? Double.NaN : (double) r.notConverged() / minimised;
    }

    /** {@code work} under the first-failure rule, advancing the progress by {@code units} when it completes. */
    private <T> java.util.function.Supplier<T> guarded(long units, java.util.function.Supplier<T> work) {
        return failures.guard(() -> {
            T result = work.get();
            progress.advance(units);
            return result;
        });
    }

    /** Items already run side by side, so each computes on its own thread alone (ComputeThreads). */
    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return org.vaevar.api.parallel.ComputeThreads.serialThreads(r -> {
            Thread t = new Thread(r, "reproduce-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
