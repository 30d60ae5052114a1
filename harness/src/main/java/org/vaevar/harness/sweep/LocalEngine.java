package org.vaevar.harness.sweep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Tasks on a pool of threads in this JVM. */
public final class LocalEngine implements SweepEngine {

    private final int threads;
    private final String cacheDirectory;
    private final ExecutorService pool;

    public LocalEngine(EngineOptions options) {
        this.threads = options.threads();
        this.cacheDirectory = options.cacheDirectory();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String description() {
        return "local, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public CompletableFuture<String> submit(String taskId, String input, Runnable started) {
        return CompletableFuture.supplyAsync(() -> {
            started.run();
            return TaskRunner.run(input, cacheDirectory);
        }, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
