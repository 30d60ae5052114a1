package org.vaevar.api.parallel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Deterministic data parallelism over the indices 0..n−1 of a large vector: the indices are cut into fixed
 * contiguous blocks of {@link #SIZE} (boundaries b·SIZE, depending on n only, never on the thread count), and the
 * blocks run on up to {@link ComputeThreads#get()} threads.
 *
 * <ul>
 *   <li>{@link #forEach}: element-wise work, each index computed by the same expression whoever runs its block, so
 *       the result is the serial loop's, bit for bit, for any thread count;</li>
 *   <li>{@link #sum}: a reduction; each block is summed by the caller's own serial loop over it, then the block sums
 *       are added in block order, s = ((p₀ + p₁) + p₂) + …, so the order of every addition is fixed by n alone. For
 *       n ≤ SIZE this is the serial loop itself: small problems keep their exact results.</li>
 * </ul>
 * Up to n = SIZE everything runs inline on the caller, without a task (no overhead at Lorenz 96 N 40), and so does a
 * call whose work is below {@link ComputeThreads#minimumParallelWork()}: the blocks (and so the sums) are the
 * same, only one thread computes them.
 */
public final class Blocks {

    /** Indices per block; below it a kernel runs serially. */
    public static final int SIZE = 4096;

    /** Helper pools by size (threads − 1: the caller is one of the threads), shared by every kernel. */
    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Blocks() {
    }

    /** Element-wise work on [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** The partial sum of a reduction over [from, to). */
    @FunctionalInterface
    public interface RangeSum {
        double sum(int from, int to);
    }

    /** The partial sums of k reductions over [from, to), written to {@code out} (length k, zero on entry). */
    @FunctionalInterface
    public interface RangeSums {
        void sums(int from, int to, double[] out);
    }

    /** Number of blocks of n indices. */
    public static int count(int n) {
        return (n + SIZE - 1) / SIZE;
    }

    /** body over every block of 0..n−1, a light kernel (cost 1 per index). */
    public static void forEach(int n, Range body) {
        forEach(n, 1, body);
    }

    /**
     * body over every block of 0..n−1, shared among the compute threads when n &gt; SIZE and n × cost reaches
     * {@link ComputeThreads#minimumParallelWork()}; otherwise inline on the caller, as one range.
     *
     * @param cost the kernel's work per index, in simple operations (an axpy is 1)
     */
    public static void forEach(int n, long cost, Range body) {
        int threads = threads(n, cost);
        if (threads == 1) {
            body.run(0, n);
            return;
        }
        run(threads, new BlockTask(n, count(n), body));
    }

    /** The threads a call of n indices at {@code cost} each is shared among (1: inline). */
    private static int threads(int n, long cost) {
        if (n <= SIZE || (long) n * cost < ComputeThreads.minimumParallelWork()) {
            return 1;
        }
        return ComputeThreads.get();
    }

    /**
     * Σ over the blocks of 0..n−1 of {@code body}'s partial sums, in block order, whoever computes them; shared among
     * the compute threads as {@link #forEach(int, long, Range)} is.
     */
    public static double sum(int n, long cost, RangeSum body) {
        if (n <= SIZE) {
            return body.sum(0, n);
        }
        int blocks = count(n);
        double[] partial = new double[blocks];
        int threads = threads(n, cost);
        if (threads == 1) {
            for (int b = 0; b < blocks; b++) {
                partial[b] = body.sum(b * SIZE, Math.min(n, (b + 1) * SIZE));
            }
        } else {
            run(threads, new BlockTask(n, blocks, (from, to) -> partial[from / SIZE] = body.sum(from, to)));
        }
        double s = partial[0];
        for (int b = 1; b < blocks; b++) {
            s += partial[b];
        }
        return s;
    }

    /** {@link #sum} of k reductions at once (one sweep of the data), each added over the blocks in block order. */
    public static double[] sums(int n, int k, long cost, RangeSums body) {
        double[] total = new double[k];
        if (n <= SIZE) {
            body.sums(0, n, total);
            return total;
        }
        int blocks = count(n);
        double[][] partial = new double[blocks][k];
        int threads = threads(n, cost);
        if (threads == 1) {
            for (int b = 0; b < blocks; b++) {
                body.sums(b * SIZE, Math.min(n, (b + 1) * SIZE), partial[b]);
            }
        } else {
            run(threads, new BlockTask(n, blocks, (from, to) -> body.sums(from, to, partial[from / SIZE])));
        }
        for (int j = 0; j < k; j++) {
            double s = partial[0][j];
            for (int b = 1; b < blocks; b++) {
                s += partial[b][j];
            }
            total[j] = s;
        }
        return total;
    }

    /**
     * Runs the blocks [first, last) of {@code task}: the calling thread takes blocks too, and up to threads − 1
     * helpers from the pool take the rest, one block at a time from a shared counter. The caller waits only for
     * blocks that were taken, never for a helper that has not started (it finds nothing left and ends), so a busy
     * machine costs at most the serial time, and a nested call cannot deadlock.
     */
    private static void run(int threads, BlockTask task) {
        Region region = new Region(task, Thread.currentThread());
        ForkJoinPool pool = POOLS.computeIfAbsent(threads - 1, ForkJoinPool::new);
        for (int h = 0, helpers = Math.min(threads - 1, task.last - 1); h < helpers; h++) {
            pool.execute(region::work);
        }
        region.work();
        region.await();
    }

    /** The shared state of one parallel call: the next block to take, the blocks finished, the first failure. */
    private static final class Region {
        private final BlockTask task;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Region(BlockTask task, Thread caller) {
            this.task = task;
            this.caller = caller;
        }

        void work() {
            int b;
            while ((b = next.getAndIncrement()) < task.last) {
                try {
                    task.body.run(b * SIZE, Math.min(task.n, (b + 1) * SIZE));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                if (done.incrementAndGet() == task.last && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        void await() {
            while (done.get() < task.last) {
                LockSupport.park(this);
            }
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Blocks [0, last) of n indices and the work of each. */
    private record BlockTask(int n, int last, Range body) {
    }
}
