package org.vaevar.api.parallel;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * How many threads one computation (one cycle's kernels: model steps, B products, decoder layers, minimiser vector
 * operations) may use through {@link Blocks}. Results never depend on it (the blocking rule of {@link Blocks}), only
 * the speed does, so it is a property of the process, not of an experiment: {@code run --compute-threads N} sets it
 * (default: all processors), and threads that already run work items side by side (reproduce, sweep) are marked
 * {@link #serialThreads serial} (or run their items {@link #serially}) so that they do not compete for the cores.
 */
public final class ComputeThreads {

    /** Default {@link #minimumParallelWork()}: below it a hand-off to another core costs more than it saves. */
    public static final long DEFAULT_MINIMUM_PARALLEL_WORK = 1L << 18;

    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile long minimumWork = DEFAULT_MINIMUM_PARALLEL_WORK;
    private static final ThreadLocal<Boolean> SERIAL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ComputeThreads() {
    }

    /** The threads a computation started on the calling thread may use (1 on a serial thread). */
    public static int get() {
        return SERIAL.get() ? 1 : threads;
    }

    /** Sets the process-wide count; 0 means all processors. */
    public static void set(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("compute threads = " + count + ": must be non-negative (0 = all "
                    + "processors)");
        }
        threads = count == 0 ? Runtime.getRuntime().availableProcessors() : count;
    }

    /**
     * The work of one kernel call (indices × its cost per index, in simple operations) from which it is shared
     * among threads; below, it runs on the caller alone. Only the speed depends on it.
     */
    public static long minimumParallelWork() {
        return minimumWork;
    }

    /** Sets {@link #minimumParallelWork()} (0: every call of more than one block is shared; for tests). */
    public static void setMinimumParallelWork(long work) {
        if (work < 0) {
            throw new IllegalArgumentException("minimum parallel work = " + work + ": must be non-negative");
        }
        minimumWork = work;
    }

    /** The process-wide count. */
    public static int configured() {
        return threads;
    }

    /** {@code work} with its computations on the calling thread alone (a work item among others run at once). */
    public static <T> T serially(Supplier<T> work) {
        Boolean before = SERIAL.get();
        SERIAL.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            SERIAL.set(before);
        }
    }

    /**
     * {@code work} with {@code count} compute threads and every kernel call of more than one block shared among
     * them, light ones included, then the previous settings back: how a test shows that a plugin's results do not
     * depend on the thread count.
     */
    public static <T> T sharingEveryCall(int count, Supplier<T> work) {
        int before = threads;
        long beforeWork = minimumWork;
        set(count);
        setMinimumParallelWork(0);
        try {
            return work.get();
        } finally {
            threads = before;
            minimumWork = beforeWork;
        }
    }

    /** Threads from {@code factory} whose computations run on themselves alone (pools of work items). */
    public static ThreadFactory serialThreads(ThreadFactory factory) {
        return r -> factory.newThread(() -> {
            SERIAL.set(Boolean.TRUE);
            r.run();
        });
    }
}
