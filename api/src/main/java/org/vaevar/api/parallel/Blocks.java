package org.vaevar.api.parallel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

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
 * Up to n = SIZE everything runs inline on the caller, without a task (no overhead at Lorenz 96 N 40).
 */
public final class Blocks {

    /** Indices per block; below it a kernel runs serially. */
    public static final int SIZE = 4096;

    /** One pool per thread count, shared by every kernel. */
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

    /** Whether n indices run serially whatever the thread count. */
    public static boolean serial(int n) {
        return n <= SIZE;
    }

    /** body over every block of 0..n−1 (inline for n ≤ SIZE or one thread). */
    public static void forEach(int n, Range body) {
        if (n <= SIZE) {
            body.run(0, n);
            return;
        }
        int threads = ComputeThreads.get();
        if (threads == 1) {
            body.run(0, n);
            return;
        }
        run(threads, new BlockTask(n, 0, count(n), body));
    }

    /** Σ over the blocks of 0..n−1 of {@code body}'s partial sums, in block order. */
    public static double sum(int n, RangeSum body) {
        if (n <= SIZE) {
            return body.sum(0, n);
        }
        int blocks = count(n);
        double[] partial = new double[blocks];
        int threads = ComputeThreads.get();
        if (threads == 1) {
            for (int b = 0; b < blocks; b++) {
                partial[b] = body.sum(b * SIZE, Math.min(n, (b + 1) * SIZE));
            }
        } else {
            run(threads, new BlockTask(n, 0, blocks, (from, to) -> partial[from / SIZE] = body.sum(from, to)));
        }
        double s = partial[0];
        for (int b = 1; b < blocks; b++) {
            s += partial[b];
        }
        return s;
    }

    /** {@link #sum} of k reductions at once (one sweep of the data), each added over the blocks in block order. */
    public static double[] sums(int n, int k, RangeSums body) {
        double[] total = new double[k];
        if (n <= SIZE) {
            body.sums(0, n, total);
            return total;
        }
        int blocks = count(n);
        double[][] partial = new double[blocks][k];
        int threads = ComputeThreads.get();
        if (threads == 1) {
            for (int b = 0; b < blocks; b++) {
                body.sums(b * SIZE, Math.min(n, (b + 1) * SIZE), partial[b]);
            }
        } else {
            run(threads, new BlockTask(n, 0, blocks, (from, to) -> body.sums(from, to, partial[from / SIZE])));
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

    private static void run(int threads, BlockTask task) {
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, ForkJoinPool::new);
        if (ForkJoinTask.getPool() == pool) {
            task.invoke(); // nested in one of our own blocks: fork within the pool
        } else {
            pool.invoke(task);
        }
    }

    /** Blocks [first, last) of n indices, split in halves down to one block each. */
    private static final class BlockTask extends RecursiveAction {
        private final int n;
        private final int first;
        private final int last;
        private final Range body;

        BlockTask(int n, int first, int last, Range body) {
            this.n = n;
            this.first = first;
            this.last = last;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (last - first == 1) {
                body.run(first * SIZE, Math.min(n, last * SIZE));
                return;
            }
            int mid = (first + last) >>> 1;
            invokeAll(new BlockTask(n, first, mid, body), new BlockTask(n, mid, last, body));
        }
    }
}
