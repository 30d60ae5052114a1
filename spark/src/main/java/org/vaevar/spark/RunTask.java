package org.vaevar.spark;

import org.apache.spark.api.java.function.Function;
import org.vaevar.harness.sweep.TaskRunner;

/** What an executor does with a task's input: {@link TaskRunner#run}. Serialisable: it travels to executors. */
final class RunTask implements Function<String, String> {

    private static final long serialVersionUID = 1L;

    private final String cacheDirectory;

    RunTask(String cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    @Override
    public String call(String input) {
        return TaskRunner.run(input, cacheDirectory);
    }
}
