package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.parallel.ComputeThreads;

/** L-BFGS on a 20 000-dimensional quadratic: the same iterates, to the bit, on 1, 2, 3 and 8 threads. */
class LbfgsThreadCountTest {

    @Test
    void theMinimisationDoesNotDependOnTheThreadCount() {
        int n = 20_000;
        StoppingCriteria stopping = new StoppingCriteria(300, 600, 1e-9, 0);
        MinimizationResult reference = null;
        for (int t : new int[] {1, 2, 3, 8}) {
            MinimizationResult r = ComputeThreads.sharingEveryCall(t, () -> Lbfgs.withDefaults().minimize(
                    TestProblems.tridiagonalQuadratic(n, 100), new double[n], stopping));
            assertThat(r.reason()).isEqualTo(StopReason.GRADIENT_TOLERANCE);
            if (reference == null) {
                reference = r;
            } else {
                assertThat(r.argmin()).as("threads %d", t).containsExactly(reference.argmin());
                assertThat(r.value()).isEqualTo(reference.value());
                assertThat(r.gradientNorm()).isEqualTo(reference.gradientNorm());
                assertThat(r.iterations()).isEqualTo(reference.iterations());
            }
        }
    }
}
