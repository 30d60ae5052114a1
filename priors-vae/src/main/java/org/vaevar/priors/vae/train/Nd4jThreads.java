package org.vaevar.priors.vae.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's native thread counts (OpenMP for its own ops, OpenBLAS for matrix products), set for the duration of
 * a training run and restored afterwards. Measured here: on a shared 2-core machine, two OpenMP threads that
 * spin-wait for each other made a small VAE's training iterations 5-20× slower than one thread, while the
 * matrices of these networks are too small to gain from a second thread.
 */
final class Nd4jThreads implements AutoCloseable {

    private final int previousOmp;
    private final int previousBlas;

    private Nd4jThreads(int threads) {
        Nd4j.create(1); // the backend (and NativeOpsHolder's properties) must be loaded first
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        Nd4jBlas blas = (Nd4jBlas) Nd4j.factory().blas();
        previousOmp = ops.ompGetMaxThreads();
        previousBlas = blas.getMaxThreads();
        ops.setOmpNumThreads(threads);
        blas.setMaxThreads(threads);
    }

    static Nd4jThreads use(int threads) {
        return new Nd4jThreads(threads);
    }

    @Override
    public void close() {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(previousOmp);
        ((Nd4jBlas) Nd4j.factory().blas()).setMaxThreads(previousBlas);
    }
}
