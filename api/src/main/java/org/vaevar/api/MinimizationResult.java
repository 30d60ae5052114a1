package org.vaevar.api;

/**
 * What a minimisation produced.
 *
 * @param argmin       the final point (the best point found)
 * @param value        f(argmin)
 * @param gradientNorm ‖∇f(argmin)‖
 * @param initialValue f(x0)
 * @param iterations   completed iterations
 * @param evaluations  evaluations of f and ∇f (one valueAndGradient call counts one)
 * @param reason       why it stopped
 */
public record MinimizationResult(double[] argmin, double value, double gradientNorm, double initialValue,
                                 int iterations, int evaluations, StopReason reason) {
}
