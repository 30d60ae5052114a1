package org.vaevar.api;

import java.util.random.RandomGenerator;

/** The observation-error covariance R: what the cost needs (R^{-1} d, the whitened misfit) and sampling. */
public interface ObservationError {

    int dimension();

    /** R^{-1} d. */
    double[] applyInverse(double[] d);

    /** ½ dᵀ R^{-1} d, the observation term of a cost for one misfit d. */
    double halfMahalanobis(double[] d);

    /** A sample e ~ N(0, R). */
    double[] sample(RandomGenerator random);
}
