package org.vaevar.harness.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a plan's tasks on an engine, skipping those already recorded with the same input key, and records each
 * as it finishes. A training starts when its setting's calibration is done, a tuning when its calibration and
 * training (if its prior is learned) are done, an evaluation when its calibration, training and tuning (those it
 * has) are done; a task whose calibration, training or tuning did not succeed does not run (its
 * method's row says why). A failed task is a result; only an error outside the tasks (the engine,
 * the file system) stops the sweep.
 */
public final class SweepScheduler {

    private final SweepPlan plan;
    private final TaskStore store;
    private final SweepEngine engine;
    private final SweepProgress progress;
    private final Map<String, TaskResult> recorded;
    private final Map<String, TaskResult> results = new ConcurrentHashMap<>();

    private SweepScheduler(SweepPlan plan, TaskStore store, SweepEngine engine, SweepProgress progress,
                           Map<String, TaskResult> recorded) {
        this.plan = plan;
        this.store = store;
        this.engine = engine;
        this.progress = progress;
        this.recorded = recorded;
    }

    /** What ran: every task's result by id (tasks that could not run are absent), and how many were reused. */
    public record Outcome(Map<String, TaskResult> results, int reused, int ran) {
    }

    public static Outcome run(SweepPlan plan, TaskStore store, SweepEngine engine, SweepProgress progress)
            throws IOException {
        return new SweepScheduler(plan, store, engine, progress, store.load()).execute();
    }

    private Outcome execute() throws IOException {
        List<SweepTask> tasks = Tasks.of(plan);
        Map<String, SweepTask> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        int[] reused = {0};
        long preDone = 0;
        int preFailed = 0;
        // Count what is already recorded (only exact keys; a key needs the results of the tasks it depends on).
        for (SweepTask t : tasks) {
            TaskResult r = reusable(t, byId);
            if (r != null) {
                preDone++;
                preFailed += r.ok() ? 0 : 1;
            }
        }
        progress.start(tasks.size(), preDone, preFailed);
        // Tasks come in plan order, each after the tasks it needs: its calibration, then its tuning.
        Map<String, CompletableFuture<TaskResult>> futures = new LinkedHashMap<>();
        CompletableFuture<TaskResult> none = CompletableFuture.completedFuture(null);
        for (SweepTask t : tasks) {
            CompletableFuture<TaskResult> calibration = t.calibration() != null ? futures.get(t.calibration()) : none;
            CompletableFuture<TaskResult> train = t.train() != null ? futures.get(t.train()) : none;
            CompletableFuture<TaskResult> tuning = t.tuning() != null ? futures.get(t.tuning()) : none;
            futures.put(t.id(), calibration.thenCombine(train, (c, r) -> new TaskResult[] {c, r, null})
                    .thenCombine(tuning, (d, u) -> {
                        d[2] = u;
                        return d;
                    })
                    .thenCompose(d -> {
                        if (t.calibration() != null && (d[0] == null || !d[0].ok())
                                || t.train() != null && (d[1] == null || !d[1].ok())
                                || t.tuning() != null && (d[2] == null || !d[2].ok())) {
                            progress.dropped(1);
                            return none;
                        }
                        return runTask(t, d[0], d[1], d[2], reused);
                    }));
        }
        try {
            CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        return new Outcome(Map.copyOf(results), reused[0], results.size() - reused[0]);
    }

    private Map<String, Object> input(SweepTask t, TaskResult calibrated, TaskResult trained, TaskResult tuned) {
        return switch (t.kind()) {
            case CALIBRATE -> Tasks.calibrateInput(plan, t, store.workDirectory());
            case TRAIN -> Tasks.trainInput(plan, t, calibrated, store.workDirectory());
            case TUNE -> Tasks.tuneInput(plan, t, calibrated, trained, store.workDirectory());
            case EVALUATE -> Tasks.evaluateInput(plan, t, tuned, calibrated, trained, store.workDirectory());
        };
    }

    /**
     * The recorded result of a task if its key matches the current input (what it needs resolved from the
     * record), and for a calibration if its samples file is still there.
     */
    private TaskResult reusable(SweepTask t, Map<String, SweepTask> byId) {
        TaskResult calibrated = null;
        TaskResult trained = null;
        TaskResult tuned = null;
        if (t.train() != null) {
            trained = reusable(byId.get(t.train()), byId);
            if (trained == null || !trained.ok()) {
                return null;
            }
        }
        if (t.calibration() != null) {
            calibrated = reusable(byId.get(t.calibration()), byId);
            if (calibrated == null || !calibrated.ok()) {
                return null;
            }
        }
        if (t.tuning() != null) {
            tuned = reusable(byId.get(t.tuning()), byId);
            if (tuned == null || !tuned.ok()) {
                return null;
            }
        }
        TaskResult r = recorded.get(t.id());
        return r != null && r.key().equals(Tasks.key(input(t, calibrated, trained, tuned))) && filesKept(t, r)
                ? r : null;
    }

    private boolean filesKept(SweepTask t, TaskResult r) {
        return t.kind() != SweepTask.Kind.CALIBRATE || !r.ok() || r.map("samples") == null
                || java.nio.file.Files.isRegularFile(Tasks.samplesFile(store.workDirectory(), t.id()));
    }

    private CompletableFuture<TaskResult> runTask(SweepTask t, TaskResult calibrated, TaskResult trained,
                                                  TaskResult tuned, int[] reused) {
        Map<String, Object> in = input(t, calibrated, trained, tuned);
        String key = Tasks.key(in);
        TaskResult old = recorded.get(t.id());
        if (old != null && old.key().equals(key) && filesKept(t, old)) {
            synchronized (reused) {
                reused[0]++;
            }
            results.put(t.id(), old);
            return CompletableFuture.completedFuture(old);
        }
        return engine.submit(t.id(), Values.json(in), progress::started).thenApply(json -> {
            TaskResult r = TaskResult.parse(json);
            if (!key.equals(r.key()) || !t.id().equals(r.id())) {
                throw new IllegalStateException("task " + t.id() + ": the engine returned the result of another input");
            }
            try {
                store.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            results.put(t.id(), r);
            progress.finished(r, (String) in.get("label"));
            return r;
        });
    }
}
