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
 * as it finishes. An evaluation starts when its tuning is done; an evaluation whose tuning did not succeed does
 * not run (its method's row says why). A failed task is a result; only an error outside the tasks (the engine,
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
        Map<String, List<SweepTask>> evaluationsOf = new LinkedHashMap<>();
        List<SweepTask> roots = new ArrayList<>();
        for (SweepTask t : tasks) {
            if (t.kind() == SweepTask.Kind.EVALUATE && t.tuning() != null) {
                evaluationsOf.computeIfAbsent(t.tuning(), k -> new ArrayList<>()).add(t);
            } else {
                roots.add(t);
            }
        }
        int[] reused = {0};
        long preDone = 0;
        int preFailed = 0;
        // Count what is already recorded (only exact keys; an evaluation's key needs its tuning's result).
        for (SweepTask t : tasks) {
            TaskResult r = reusable(t);
            if (r != null) {
                preDone++;
                preFailed += r.ok() ? 0 : 1;
            }
        }
        progress.start(tasks.size(), preDone, preFailed);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (SweepTask t : roots) {
            CompletableFuture<TaskResult> f = runTask(t, null, reused);
            all.add(f);
            List<SweepTask> seeds = evaluationsOf.getOrDefault(t.id(), List.of());
            if (!seeds.isEmpty()) {
                all.add(f.thenCompose(tuned -> {
                    if (!tuned.ok()) {
                        progress.dropped(seeds.size());
                        return CompletableFuture.completedFuture(null);
                    }
                    List<CompletableFuture<TaskResult>> fs = new ArrayList<>();
                    for (SweepTask s : seeds) {
                        fs.add(runTask(s, tuned, reused));
                    }
                    return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new));
                }));
            }
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
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

    private Map<String, Object> input(SweepTask t, TaskResult tuned) {
        return t.kind() == SweepTask.Kind.TUNE ? Tasks.tuneInput(plan, t) : Tasks.evaluateInput(plan, t, tuned);
    }

    /** The recorded result of a task if its key matches the current input (tunings resolved from the record). */
    private TaskResult reusable(SweepTask t) {
        TaskResult tuned = null;
        if (t.tuning() != null) {
            tuned = recorded.get(t.tuning());
            SweepTask tuning = new SweepTask(t.tuning(), SweepTask.Kind.TUNE, t.point(), t.method(), -1, null);
            if (tuned == null || !tuned.ok() || !tuned.key().equals(Tasks.key(input(tuning, null)))) {
                return null;
            }
        }
        TaskResult r = recorded.get(t.id());
        return r != null && r.key().equals(Tasks.key(input(t, tuned))) ? r : null;
    }

    private CompletableFuture<TaskResult> runTask(SweepTask t, TaskResult tuned, int[] reused) {
        Map<String, Object> in = input(t, tuned);
        String key = Tasks.key(in);
        TaskResult old = recorded.get(t.id());
        if (old != null && old.key().equals(key)) {
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
