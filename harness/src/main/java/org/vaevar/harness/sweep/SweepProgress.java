package org.vaevar.harness.sweep;

import java.util.Locale;
import org.vaevar.api.util.ProgressListener;

/**
 * The sweep's progress as one task of a progress listener: tasks done of the total (the bar adds the rate and the
 * ETA), with the running and failed counts as status. Tasks recorded by an earlier run count as done from the
 * start (the rate, hence the ETA, counts only this run's). Thread-safe.
 */
public final class SweepProgress {

    static final String TASK = "sweep";

    private final ProgressListener listener;
    private final java.util.function.Consumer<String> log;
    private long total;
    private long done;
    private int running;
    private int failed;

    /**
     * @param log receives one line per finished task (null: none), for output redirected to a file
     */
    public SweepProgress(ProgressListener listener, java.util.function.Consumer<String> log) {
        this.listener = listener;
        this.log = log;
    }

    synchronized void start(long total, long alreadyDone, int alreadyFailed) {
        this.total = Math.max(1, total);
        this.done = alreadyDone;
        this.failed = alreadyFailed;
        report();
    }

    synchronized void started() {
        running++;
        report();
    }

    synchronized void finished(TaskResult r, String label) {
        running = Math.max(0, running - 1);
        done++;
        if (!r.ok()) {
            failed++;
        }
        if (log != null) {
            log.accept(String.format(Locale.ROOT, "task %s %s (%.1f s)%s", label, r.status(), r.real("seconds"),
                    r.ok() ? "" : ": " + r.message()));
        }
        report();
    }

    /** Tasks that will not run (their tuning did not succeed): out of the total. */
    synchronized void dropped(int n) {
        total = Math.max(1, total - n);
        done = Math.min(done, total);
        report();
    }

    synchronized long done() {
        return done;
    }

    synchronized int failed() {
        return failed;
    }

    private void report() {
        listener.update(TASK, Math.min(done, total), total, String.format(Locale.ROOT, "%d running, %d failed",
                running, failed));
    }
}
