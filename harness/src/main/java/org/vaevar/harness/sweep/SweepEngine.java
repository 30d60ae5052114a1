package org.vaevar.harness.sweep;

import java.util.concurrent.CompletableFuture;

/**
 * Where a sweep's tasks run. An engine takes a task's JSON input and completes with its JSON result (computed by
 * {@link TaskRunner}); it never decides anything about the result, so every engine gives the same tables.
 */
public interface SweepEngine extends AutoCloseable {

    /** For the page and the terminal: {@code local, 2 threads}, {@code spark local[2]}. */
    String description();

    /** Tasks that run at once. */
    int parallelism();

    /**
     * Runs a task.
     *
     * @param started called when the task starts running (for the progress)
     */
    CompletableFuture<String> submit(String taskId, String input, Runnable started);

    @Override
    void close();
}
