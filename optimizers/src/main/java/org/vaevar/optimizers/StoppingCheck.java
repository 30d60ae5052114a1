package org.vaevar.optimizers;

import org.vaevar.api.StoppingCriteria;

/**
 * The convergence tests of {@link StoppingCriteria}, written once so that every minimizer here reads them
 * identically: ‖∇f‖ ≤ gradientTolerance · max(1, ‖∇f(x0)‖), and (f_{k−1} − f_k) ≤ relativeCostTolerance ·
 * max(1, |f_k|) with a zero tolerance switching the cost test off.
 */
final class StoppingCheck {

    private final double gradientThreshold;
    private final double relativeCostTolerance;

    StoppingCheck(StoppingCriteria criteria, double initialGradientNorm) {
        // Relative to the first gradient, as usual in variational assimilation; absolute when ‖∇f(x0)‖ < 1.
        this.gradientThreshold = criteria.gradientTolerance() * Math.max(1.0, initialGradientNorm);
        this.relativeCostTolerance = criteria.relativeCostTolerance();
    }

    /** ‖∇f‖ ≤ gradientTolerance · max(1, ‖∇f(x0)‖). */
    boolean gradientSmall(double gradientNorm) {
        return gradientNorm <= gradientThreshold;
    }

    /** (f_{k−1} − f_k) ≤ relativeCostTolerance · max(1, |f_k|); never true when the tolerance is 0 (disabled). */
    boolean costStagnated(double previousValue, double value) {
        return relativeCostTolerance > 0
                && previousValue - value <= relativeCostTolerance * Math.max(1.0, Math.abs(value));
    }
}
