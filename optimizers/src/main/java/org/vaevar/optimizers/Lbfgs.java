package org.vaevar.optimizers;

import java.util.Objects;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.util.Checks;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.5) with a {@link StrongWolfeLineSearch}.
 *
 * <ul>
 *   <li>Direction d = −H g by the two-loop recursion over the last {@code history} pairs ({@link LbfgsMemory}),
 *       H0 = γ I with γ = sᵀy / yᵀy; a pair with sᵀy ≤ ε ‖s‖ ‖y‖ is skipped.</li>
 *   <li>If d is not a descent direction (dᵀg ≥ 0 or not finite) the memory is cleared and d = −g.</li>
 *   <li>First trial step min(1, 1/‖g‖) along −g (whenever the memory is empty), 1 along a quasi-Newton
 *       direction.</li>
 *   <li>A failed line search along a quasi-Newton direction clears the memory and retries along −g; a failure
 *       along −g ends the run ({@link StopReason#LINE_SEARCH_FAILED}, or {@link StopReason#NON_FINITE} when the
 *       search met NaN/inf values).</li>
 * </ul>
 *
 * <p>The result's argmin is the lowest point evaluated (a failed last line search may still have found a lower
 * point than the last iterate; it is returned, though the partial step is not counted as an iteration). Every
 * evaluation is one {@link DifferentiableFunction#valueAndGradient} call; {@code value} alone is never called.
 *
 * <p>Each {@link #minimize} call allocates its buffers (2(m+1)n + 7n doubles) once and nothing afterwards, so one
 * instance may serve concurrent minimisations.
 */
public final class Lbfgs implements Minimizer {

    /** Default history length m. */
    public static final int DEFAULT_HISTORY = 7;
    public static final double DEFAULT_C1 = 1e-4;
    public static final double DEFAULT_C2 = 0.9;
    public static final int DEFAULT_MAX_LINE_SEARCH_EVALUATIONS = 20;

    private final int history;
    private final double c1;
    private final double c2;
    private final int maxLineSearchEvaluations;

    /**
     * @param history                  number m of correction pairs kept (≥ 1)
     * @param c1                       sufficient-decrease constant of the line search, 0 &lt; c1 &lt; c2
     * @param c2                       curvature constant of the line search, c1 &lt; c2 &lt; 1
     * @param maxLineSearchEvaluations evaluations one line search may spend (≥ 1)
     */
    public Lbfgs(int history, double c1, double c2, int maxLineSearchEvaluations) {
        Checks.positive("history", history);
        Checks.positive("maxLineSearchEvaluations", maxLineSearchEvaluations);
        new StrongWolfeLineSearch(c1, c2); // validates 0 < c1 < c2 < 1, naming the values
        this.history = history;
        this.c1 = c1;
        this.c2 = c2;
        this.maxLineSearchEvaluations = maxLineSearchEvaluations;
    }

    /** m = 7, c1 = 1e-4, c2 = 0.9, 20 evaluations per line search. */
    public static Lbfgs withDefaults() {
        return new Lbfgs(DEFAULT_HISTORY, DEFAULT_C1, DEFAULT_C2, DEFAULT_MAX_LINE_SEARCH_EVALUATIONS);
    }

    /** A copy with another history length m. */
    public Lbfgs withHistory(int m) {
        return new Lbfgs(m, c1, c2, maxLineSearchEvaluations);
    }

    public int history() {
        return history;
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public MinimizationResult minimize(DifferentiableFunction f, double[] start, StoppingCriteria stopping) {
        Objects.requireNonNull(f, "function");
        Objects.requireNonNull(stopping, "stopping criteria");
        Checks.finiteWithDimension("start", start, f.dimension());
        return new Run(f, start, stopping).minimize();
    }

    @Override
    public String toString() {
        return "lbfgs(history=" + history + ", c1=" + c1 + ", c2=" + c2 + ", maxLineSearchEvaluations="
                + maxLineSearchEvaluations + ")";
    }

    /**
     * One minimisation: its buffers, counters, and φ(α) = f(x + α d) for the line search. Trial points are
     * written into {@code trialX/trialG}; whenever a trial is the lowest so far its buffers are swapped with
     * {@code bestX/bestG}, so the best point of a search is kept without copying.
     */
    private final class Run implements StrongWolfeLineSearch.LineFunction {

        private final DifferentiableFunction f;
        private final StoppingCriteria stopping;
        private final StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(c1, c2);
        private final LbfgsMemory memory;
        private final double[] d;
        private double[] x;
        private double[] g;
        private double fx;
        private double[] trialX;
        private double[] trialG;
        private double[] bestX;
        private double[] bestG;
        private double bestValue;
        private boolean lastTrialIsBest;
        private double trialDerivative;
        private int evaluations;
        private int iterations;

        Run(DifferentiableFunction f, double[] start, StoppingCriteria stopping) {
            int n = start.length;
            this.f = f;
            this.stopping = stopping;
            this.memory = new LbfgsMemory(history, n);
            this.x = start.clone();
            this.g = new double[n];
            this.d = new double[n];
            this.trialX = new double[n];
            this.trialG = new double[n];
            this.bestX = new double[n];
            this.bestG = new double[n];
        }

        MinimizationResult minimize() {
            fx = f.valueAndGradient(x, g);
            evaluations = 1;
            double initialValue = fx;
            double gNorm = DenseVectors.norm(g);
            if (!Double.isFinite(fx) || !Double.isFinite(gNorm)) {
                return result(gNorm, initialValue, StopReason.NON_FINITE);
            }
            StoppingCheck check = new StoppingCheck(stopping, gNorm);
            if (check.gradientSmall(gNorm)) {
                return result(gNorm, initialValue, StopReason.GRADIENT_TOLERANCE);
            }
            while (true) {
                if (iterations >= stopping.maxIterations()) {
                    return result(gNorm, initialValue, StopReason.MAX_ITERATIONS);
                }
                int remaining = stopping.maxEvaluations() - evaluations;
                if (remaining <= 0) {
                    return result(gNorm, initialValue, StopReason.MAX_EVALUATIONS);
                }
                memory.direction(g, d);
                double slope = DenseVectors.dot(g, d); // φ'(0) = gᵀd
                if (!(slope < 0) || !Double.isFinite(slope)) {
                    memory.clear(); // H lost positive definiteness to rounding: restart from steepest descent
                    negate(g, d);
                    slope = -gNorm * gNorm;
                    if (!(slope < 0)) { // ‖g‖² underflowed: no usable slope (only with gradientTolerance = 0)
                        return result(gNorm, initialValue, StopReason.LINE_SEARCH_FAILED);
                    }
                }
                double step = memory.isEmpty() ? Math.min(1.0, 1.0 / gNorm) : 1.0;
                bestValue = fx;
                StrongWolfeLineSearch.Status status = lineSearch.search(this, fx, slope, step,
                        Math.min(maxLineSearchEvaluations, remaining));
                evaluations += lineSearch.evaluations();
                if (status != StrongWolfeLineSearch.Status.CONVERGED) {
                    boolean budgetSpent = evaluations >= stopping.maxEvaluations();
                    if (!budgetSpent && !memory.isEmpty()) {
                        memory.clear(); // retry once along −g before giving up
                        continue;
                    }
                    moveToBestTrial();
                    StopReason reason = budgetSpent ? StopReason.MAX_EVALUATIONS
                            : lineSearch.sawNonFinite() ? StopReason.NON_FINITE : StopReason.LINE_SEARCH_FAILED;
                    return result(DenseVectors.norm(g), initialValue, reason);
                }
                double previous = fx;
                acceptLastTrial();
                iterations++;
                gNorm = DenseVectors.norm(g);
                if (check.gradientSmall(gNorm)) {
                    return result(gNorm, initialValue, StopReason.GRADIENT_TOLERANCE);
                }
                if (check.costStagnated(previous, fx)) {
                    return result(gNorm, initialValue, StopReason.COST_STAGNATION);
                }
            }
        }

        /** φ(α) = f(x + α d); φ'(α) = ∇f(x + α d)ᵀ d. */
        @Override
        public double value(double alpha) {
            double[] xt = trialX;
            DenseVectors.step(x, alpha, d, xt);
            double v = f.valueAndGradient(xt, trialG);
            // A NaN/inf gradient entry makes the dot product NaN/inf, so one finiteness test covers all of ∇f.
            trialDerivative = DenseVectors.dot(trialG, d);
            lastTrialIsBest = Double.isFinite(v) && Double.isFinite(trialDerivative) && v < bestValue;
            if (lastTrialIsBest) {
                bestValue = v;
                trialX = bestX;
                bestX = xt;
                double[] t = trialG;
                trialG = bestG;
                bestG = t;
            }
            return v;
        }

        @Override
        public double derivative() {
            return trialDerivative;
        }

        /** The line search accepted its last trial: store the pair (s, y) and make it the iterate. */
        private void acceptLastTrial() {
            double[] newX = lastTrialIsBest ? bestX : trialX;
            double[] newG = lastTrialIsBest ? bestG : trialG;
            memory.update(x, newX, g, newG);
            double[] oldX = x;
            double[] oldG = g;
            x = newX;
            g = newG;
            if (lastTrialIsBest) {
                bestX = oldX;
                bestG = oldG;
            } else {
                trialX = oldX;
                trialG = oldG;
            }
            fx = lineSearch.value();
        }

        /** After a failed search: move to its lowest trial if that is lower than the iterate. */
        private void moveToBestTrial() {
            if (bestValue < fx) {
                double[] t = x;
                x = bestX;
                bestX = t;
                t = g;
                g = bestG;
                bestG = t;
                fx = bestValue;
            }
        }

        private MinimizationResult result(double gradientNorm, double initialValue, StopReason reason) {
            return new MinimizationResult(x, fx, gradientNorm, initialValue, iterations, evaluations, reason);
        }
    }

    private static void negate(double[] a, double[] out) {
        DenseVectors.negate(a, out);
    }
}
