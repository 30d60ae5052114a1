package org.vaevar.priors.vae.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The native thread count holds for as long as any training that set it still runs. */
class Nd4jThreadsTest {

    private static int omp() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    @Test
    void theLastTrainingOutRestoresTheCount() {
        Nd4jThreads.use(1).close(); // loads the backend
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int saved = omp();
        ops.setOmpNumThreads(3); // a count the trainings do not use, so that a premature restore shows
        try {
            Nd4jThreads first = Nd4jThreads.use(1);
            Nd4jThreads second = Nd4jThreads.use(1);
            assertThat(omp()).isEqualTo(1);
            first.close(); // the second training still runs: its count must not change under it
            assertThat(omp()).isEqualTo(1);
            second.close();
            assertThat(omp()).isEqualTo(3);
        } finally {
            ops.setOmpNumThreads(saved);
        }
    }
}
