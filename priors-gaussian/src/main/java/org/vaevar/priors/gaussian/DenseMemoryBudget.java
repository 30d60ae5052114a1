package org.vaevar.priors.gaussian;

import java.util.Locale;
import org.vaevar.api.plugin.InvalidParameterException;

/**
 * Refuses a dense n×n covariance that would not fit in the heap, before anything is allocated, so a too-large
 * request ends with an error naming the parameter and size instead of an {@link OutOfMemoryError} minutes in.
 *
 * <p>The estimate: building a dense B and its symmetric square root holds about {@value #MATRICES} n×n double
 * matrices at its peak (the estimate, its ridged and scaled copies, Commons Math's matrix, tridiagonal
 * transformer and eigenvectors, and L).
 */
final class DenseMemoryBudget {

    static final int MATRICES = 8;

    private DenseMemoryBudget() {
    }

    static long bytes(int n) {
        return (long) MATRICES * Double.BYTES * n * n;
    }

    /** Throws when {@link #bytes} exceeds {@code maxMemory}; the message names {@code parameter = value}. */
    static void require(String parameter, Object value, int n, long maxMemory, String alternative) {
        long need = bytes(n);
        if (need > maxMemory) {
            throw new InvalidParameterException(GaussianPrior.NAME, parameter, value, String.format(Locale.ROOT,
                    "a dense B for state dimension n = %d needs about %.1f GB (%d n×n matrices), more than the"
                            + " JVM's maximum heap of %.1f GB (-Xmx); %s", n, need / 1e9, MATRICES, maxMemory / 1e9,
                    alternative));
        }
    }
}
