package org.vaevar.api.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocking rule: serial results up to one block, the same bits for any thread count beyond. */
class BlocksTest {


    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * Math.exp(4 * r.nextGaussian()); // widely spread magnitudes: order matters
        }
        return v;
    }

    private static double serialSum(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 40, Blocks.SIZE - 1, Blocks.SIZE})
    void upToOneBlockASumIsTheSerialLoop(int n) {
        double[] v = random(n, n);
        for (int t : new int[] {1, 2, 3, 8}) {
            double s = ComputeThreads.sharingEveryCall(t, () -> Blocks.sum(n, 1, (a, b) -> serialSum(v, a, b)));
            assertThat(Double.doubleToLongBits(s)).isEqualTo(Double.doubleToLongBits(serialSum(v, 0, n)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Blocks.SIZE + 1, 3 * Blocks.SIZE + 17, 20_000})
    void beyondOneBlockTheBlockSumsAddInBlockOrderForAnyThreadCount(int n) {
        double[] v = random(n, n);
        double expected = serialSum(v, 0, Blocks.SIZE);
        for (int b = 1; b < Blocks.count(n); b++) {
            expected += serialSum(v, b * Blocks.SIZE, Math.min(n, (b + 1) * Blocks.SIZE));
        }
        for (int t : new int[] {1, 2, 3, 8}) {
            double s = ComputeThreads.sharingEveryCall(t, () -> Blocks.sum(n, 1, (a, b) -> serialSum(v, a, b)));
            assertThat(Double.doubleToLongBits(s)).as("threads %d", t).isEqualTo(Double.doubleToLongBits(expected));
            double[] both = ComputeThreads.sharingEveryCall(t, () -> Blocks.sums(n, 2, 1, (a, b, out) -> {
                out[0] = serialSum(v, a, b);
                out[1] = -serialSum(v, a, b);
            }));
            assertThat(both).containsExactly(expected, -expected);
        }
    }

    /** Rounding tells the two orders apart: block sums 10¹⁶ and −10¹⁶ absorb the ones, the single chain does not. */
    @Test
    void theBlockOrderIsNotTheSingleChain() {
        int n = 2 * Blocks.SIZE;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1.0);
        v[0] = 1e16;
        v[Blocks.SIZE] = -1e16;
        assertThat(serialSum(v, 0, n)).isEqualTo(Blocks.SIZE - 1);
        for (int t : new int[] {1, 2, 3}) {
            assertThat(ComputeThreads.sharingEveryCall(t, () -> Blocks.sum(n, 1, (a, b) -> serialSum(v, a, b))))
                    .isEqualTo(0.0);
        }
    }

    @Test
    void forEachVisitsEveryIndexOnceAndNestedCallsWork() {
        int n = 5 * Blocks.SIZE + 3;
        for (int t : new int[] {1, 2, 3}) {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            double inner = ComputeThreads.sharingEveryCall(t, () -> {
                Blocks.forEach(n, (a, b) -> {
                    for (int i = a; i < b; i++) {
                        visits.incrementAndGet(i);
                    }
                });
                double[] ones = new double[n];
                java.util.Arrays.fill(ones, 1);
                double[] got = new double[1];
                Blocks.forEach(2 * Blocks.SIZE, (a, b) -> {
                    if (a == 0) {
                        got[0] = Blocks.sum(n, 1, (c, d) -> serialSum(ones, c, d));
                    }
                });
                return got[0];
            });
            for (int i = 0; i < n; i++) {
                assertThat(visits.get(i)).isEqualTo(1);
            }
            assertThat(inner).isEqualTo(n);
        }
    }

    @Test
    void aCallBelowTheMinimumWorkStaysOnTheCaller() {
        int n = 4 * Blocks.SIZE;
        Thread me = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean elsewhere = new java.util.concurrent.atomic.AtomicBoolean();
        int before = ComputeThreads.configured();
        ComputeThreads.set(2);
        try {
            Blocks.forEach(n, 1, (a, b) -> elsewhere.compareAndSet(false, Thread.currentThread() != me));
        } finally {
            ComputeThreads.set(before);
        }
        assertThat(elsewhere).isFalse();
        assertThat((long) n).isLessThan(ComputeThreads.minimumParallelWork());
    }

    @Test
    void aSerialItemComputesAlone() {
        int before = ComputeThreads.get();
        assertThat(ComputeThreads.serially(ComputeThreads::get)).isEqualTo(1);
        assertThat(ComputeThreads.get()).isEqualTo(before);
        assertThat(ComputeThreads.sharingEveryCall(0, ComputeThreads::configured))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
