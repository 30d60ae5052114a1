package org.vaevar.api;

import org.vaevar.api.util.Checks;

/**
 * When a minimisation stops. Shared by every {@link Minimizer} so that switching the minimizer keeps the
 * comparison fair.
 *
 * @param maxIterations        iteration cap (≥ 1)
 * @param maxEvaluations       cap on evaluations of f and ∇f (≥ 1)
 * @param gradientTolerance    stop when ‖∇f‖ ≤ gradientTolerance · max(1, ‖∇f(x0)‖) (relative reduction of the
 *                             gradient, as usual in variational assimilation; absolute when ‖∇f(x0)‖ &lt; 1)
 * @param relativeCostTolerance stop when (f_{k−1} − f_k) ≤ relativeCostTolerance · max(1, |f_k|); 0 disables
 */
public record StoppingCriteria(int maxIterations, int maxEvaluations, double gradientTolerance,
                               double relativeCostTolerance) {

    public StoppingCriteria {
        Checks.positive("maxIterations", maxIterations);
        Checks.positive("maxEvaluations", maxEvaluations);
        Checks.nonNegative("gradientTolerance", gradientTolerance);
        Checks.nonNegative("relativeCostTolerance", relativeCostTolerance);
    }

    /** Defaults for assimilation cycles: 200 iterations, 400 evaluations, gradient reduced by 1e-6, cost by 1e-12. */
    public static StoppingCriteria defaults() {
        return new StoppingCriteria(200, 400, 1e-6, 1e-12);
    }

    public StoppingCriteria withMaxIterations(int n) {
        return new StoppingCriteria(n, maxEvaluations, gradientTolerance, relativeCostTolerance);
    }

    public StoppingCriteria withMaxEvaluations(int n) {
        return new StoppingCriteria(maxIterations, n, gradientTolerance, relativeCostTolerance);
    }

    public StoppingCriteria withGradientTolerance(double tol) {
        return new StoppingCriteria(maxIterations, maxEvaluations, tol, relativeCostTolerance);
    }

    public StoppingCriteria withRelativeCostTolerance(double tol) {
        return new StoppingCriteria(maxIterations, maxEvaluations, gradientTolerance, tol);
    }
}
