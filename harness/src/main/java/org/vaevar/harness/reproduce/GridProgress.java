package org.vaevar.harness.reproduce;

import java.util.Locale;
import org.vaevar.api.util.ProgressListener;

/**
 * One progress task over the whole grid: units of work done of the total, with the number of finished settings
 * as status. Called from every worker thread; updates are serialised so {@code done} never goes backwards.
 */
final class GridProgress {

    static final String TASK = "reproduce";

    private final ProgressListener listener;
    private final long total;
    private final int settings;
    private long done;
    private int settingsDone;

    GridProgress(ProgressListener listener, long total, int settings) {
        this.listener = listener;
        this.total = Math.max(1, total);
        this.settings = settings;
    }

    synchronized void start() {
        report();
    }

    synchronized void advance(long units) {
        done = Math.min(total, done + units);
        report();
    }

    synchronized void settingDone() {
        settingsDone++;
    }

    private void report() {
        listener.update(TASK, done, total, String.format(Locale.ROOT, "%d/%d settings done", settingsDone,
                settings));
    }
}
