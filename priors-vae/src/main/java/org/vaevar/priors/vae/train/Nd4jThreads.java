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

    // The counts are process-wide, and trainings may run side by side (the grid's workers): the first training
    // in sets them and saves the previous ones, the last one out restores them; a training that asks for another
    // count waits until the running ones end. Restoring them while another
    // training still ran gave that training more threads halfway through, and so other sums (a result that
    // changed from run to run in the last digits).
    private static final Object LOCK = new Object();
    private static int users;
    private static int activeThreads;
    private static int previousOmp;
    private static int previousBlas;

    private Nd4jThreads(int threads) {
        synchronized (LOCK) {
            while (users > 0 && threads != activeThreads) { // another count: wait until those trainings end
                try {
                    LOCK.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for other VAE trainings", e);
                }
            }
            if (users == 0) {
                Nd4j.create(1); // the backend (and NativeOpsHolder's properties) must be loaded first
                var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
                Nd4jBlas blas = (Nd4jBlas) Nd4j.factory().blas();
                previousOmp = ops.ompGetMaxThreads();
                previousBlas = blas.getMaxThreads();
                ops.setOmpNumThreads(threads);
                blas.setMaxThreads(threads);
                activeThreads = threads;
            }
            users++;
        }
    }

    static Nd4jThreads use(int threads) {
        return new Nd4jThreads(threads);
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (--users == 0) {
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(previousOmp);
                ((Nd4jBlas) Nd4j.factory().blas()).setMaxThreads(previousBlas);
                LOCK.notifyAll();
            }
        }
    }
}
