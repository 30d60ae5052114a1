package org.vaevar.spark;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.vaevar.harness.sweep.EngineOptions;
import org.vaevar.harness.sweep.SweepEngine;

/**
 * Every task is a Spark job of one partition (its JSON input in, its JSON result out), run by an executor with
 * {@code TaskRunner}; the driver submits up to {@code --threads} jobs at once and records each result as its
 * job completes, so a sweep on Spark is as resumable as a local one. The master is {@code --master}, by default
 * {@code local[N]}.
 *
 * <p>On a standalone cluster ({@code spark://...}) the executors get the driver's classpath as their extra
 * classpath: the workers must see the same files (the same machine, or a shared file system).
 */
public final class SparkEngine implements SweepEngine {

    private final String master;
    private final int parallelism;
    private final JavaSparkContext spark;
    private final ExecutorService driver;
    private final RunTask task;

    public SparkEngine(EngineOptions options) {
        this.parallelism = options.threads();
        this.master = options.master() != null ? options.master() : "local[" + parallelism + "]";
        SparkConf conf = new SparkConf().setAppName("vaevar-sweep").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.scheduler.mode", "FAIR")
                // A task's failure is a result (TaskRunner records it); a failing job is an engine error.
                .set("spark.task.maxFailures", "1");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        } else {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.set("spark.executor.extraJavaOptions", System.getProperty("vaevar.spark.jvmFlags", ""));
            if (System.getProperty("spark.driver.host") == null) {
                conf.set("spark.driver.host", "127.0.0.1");
            }
        }
        this.spark = new JavaSparkContext(conf);
        this.task = new RunTask(options.cacheDirectory());
        AtomicInteger n = new AtomicInteger();
        this.driver = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "sweep-spark-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String description() {
        return "spark " + master;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public CompletableFuture<String> submit(String taskId, String input, Runnable started) {
        return CompletableFuture.supplyAsync(() -> {
            started.run();
            spark.setJobDescription(taskId);
            List<String> out = spark.parallelize(List.of(input), 1).map(task).collect();
            return out.get(0);
        }, driver);
    }

    @Override
    public void close() {
        driver.shutdownNow();
        spark.stop();
    }
}
