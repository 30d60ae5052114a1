package org.vaevar.optimizers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.StopReason;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.util.Checks;

/**
 * Apache Commons Math 3.6.1's {@link NonLinearConjugateGradientOptimizer} behind {@link Minimizer}.
 *
 * <p>Its line search ({@code org.apache.commons.math3.optim.nonlinear.scalar.LineSearch}) brackets the minimum of
 * φ(α) = f(x + α d) starting from the steps 0 and {@code initialBracketingRange}, then refines it with a Brent
 * optimiser on <em>values</em> (no derivatives), stopping when two successive Brent values differ by at most
 * {@code lineSearchRelativeTolerance · |φ|} or {@code lineSearchAbsoluteTolerance}. The direction is reset to
 * −∇f every n iterations and whenever the Polak–Ribière β is negative.
 *
 * <p>Defaults differ from Commons Math's (1e-8 for all three), for reasons measured on the contract problems.
 * With its defaults every run there ended in {@link StopReason#LINE_SEARCH_FAILED} (stalled, though within 1e-8
 * of the minimiser), the 30-D quadratic only after 12,554 evaluations. (1) An absolute tolerance on f ends a line
 * search as soon as successive values differ by less than it, which is always the case once f itself is that
 * small; it depends on the scale of f and is off (0) here. (2) A first bracketing step of 1e-8 along the
 * unnormalised −∇f leaves x unchanged to rounding once ‖∇f‖ is small: the bracket finder sees a flat φ and the run
 * stalls (‖∇f‖ ≈ 2.5e-11 on the contract's 3-D quadratic, whose threshold is 6.6e-13). A first step of 1, the
 * natural step for a unit-scaled control variable (Hessian ≥ I), converges there and on Rosenbrock to ‖x − x*‖ ≈
 * 1e-13. The relative tolerance keeps Commons Math's 1e-8 (1e-6 passed the same tests with fewer evaluations;
 * 1e-10 only cost more).
 *
 * <p>How our {@link StoppingCriteria} map onto it:
 * <ul>
 *   <li>gradient, cost and iteration tests: a {@link ConvergenceChecker} that reads ∇f at Commons Math's
 *       current point from the evaluation cache ({@link StoppingCheck}, identical to {@link Lbfgs});</li>
 *   <li>the evaluation cap: counted and enforced by {@link CountingEvaluator} (Commons Math counts only value
 *       requests, cache hits included, so its {@code MaxEval} cannot express ours); its {@code MaxIter} is a
 *       backstop one above ours;</li>
 *   <li>two successive iterations without any decrease of f: {@link StopReason#LINE_SEARCH_FAILED} (after the
 *       first one Polak–Ribière restarts along −∇f, which gets its chance); so does Commons Math's bracket finder
 *       giving up (its own cap of 500 evaluations, e.g. f unbounded below along d);</li>
 *   <li>NaN/inf: {@link StopReason#NON_FINITE} at once, returning the lowest finite point (this adapter does not
 *       backtrack away from non-finite values, unlike {@link Lbfgs}).</li>
 * </ul>
 * The result reports the lowest point evaluated, its value and gradient norm; iterations are completed line
 * searches; evaluations are {@code valueAndGradient} calls.
 */
public final class CommonsMathConjugateGradient implements Minimizer {

    /** The β update formula. */
    public enum Formula {
        POLAK_RIBIERE("polak-ribiere", NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE),
        FLETCHER_REEVES("fletcher-reeves", NonLinearConjugateGradientOptimizer.Formula.FLETCHER_REEVES);

        private final String label;
        private final NonLinearConjugateGradientOptimizer.Formula commons;

        Formula(String label, NonLinearConjugateGradientOptimizer.Formula commons) {
            this.label = label;
            this.commons = commons;
        }

        /** The parameter value naming it, e.g. "polak-ribiere". */
        public String label() {
            return label;
        }

        /** The formula named by {@link #label()}. */
        public static Formula fromLabel(String label) {
            for (Formula f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("formula = " + label + ": must be one of "
                    + Arrays.stream(values()).map(Formula::label).toList());
        }
    }

    public static final Formula DEFAULT_FORMULA = Formula.POLAK_RIBIERE;
    public static final double DEFAULT_LINE_SEARCH_RELATIVE_TOLERANCE = 1e-8;
    public static final double DEFAULT_LINE_SEARCH_ABSOLUTE_TOLERANCE = 0;
    public static final double DEFAULT_INITIAL_BRACKETING_RANGE = 1;

    private final Formula formula;
    private final double lineSearchRelativeTolerance;
    private final double lineSearchAbsoluteTolerance;
    private final double initialBracketingRange;

    /**
     * @param formula                     β update
     * @param lineSearchRelativeTolerance line search stops when successive values differ by at most this times
     *                                    |φ| (≥ 0)
     * @param lineSearchAbsoluteTolerance ... or by at most this (≥ 0)
     * @param initialBracketingRange      first trial step of the bracket search (&gt; 0)
     */
    public CommonsMathConjugateGradient(Formula formula, double lineSearchRelativeTolerance,
                                        double lineSearchAbsoluteTolerance, double initialBracketingRange) {
        this.formula = Objects.requireNonNull(formula, "formula");
        Checks.nonNegative("lineSearchRelativeTolerance", lineSearchRelativeTolerance);
        Checks.nonNegative("lineSearchAbsoluteTolerance", lineSearchAbsoluteTolerance);
        Checks.positive("initialBracketingRange", initialBracketingRange);
        this.lineSearchRelativeTolerance = lineSearchRelativeTolerance;
        this.lineSearchAbsoluteTolerance = lineSearchAbsoluteTolerance;
        this.initialBracketingRange = initialBracketingRange;
    }

    /** Polak–Ribière with this class's default line-search tolerances. */
    public static CommonsMathConjugateGradient withDefaults() {
        return new CommonsMathConjugateGradient(DEFAULT_FORMULA, DEFAULT_LINE_SEARCH_RELATIVE_TOLERANCE,
                DEFAULT_LINE_SEARCH_ABSOLUTE_TOLERANCE, DEFAULT_INITIAL_BRACKETING_RANGE);
    }

    public Formula formula() {
        return formula;
    }

    @Override
    public String name() {
        return "cg";
    }

    @Override
    public MinimizationResult minimize(DifferentiableFunction f, double[] start, StoppingCriteria stopping) {
        Objects.requireNonNull(f, "function");
        Objects.requireNonNull(stopping, "stopping criteria");
        Checks.finiteWithDimension("start", start, f.dimension());
        double[] x0 = start.clone();
        CountingEvaluator evaluator = new CountingEvaluator(f, stopping.maxEvaluations());

        double initialValue;
        double initialGradientNorm;
        try {
            initialValue = evaluator.value(x0);
            initialGradientNorm = evaluator.gradientNorm(x0);
        } catch (CountingEvaluator.NonFiniteEvaluation e) {
            return new MinimizationResult(x0, evaluator.nonFiniteValue(), evaluator.nonFiniteGradientNorm(),
                    evaluator.nonFiniteValue(), 0, evaluator.evaluations(), StopReason.NON_FINITE);
        }
        StoppingCheck check = new StoppingCheck(stopping, initialGradientNorm);
        if (check.gradientSmall(initialGradientNorm)) {
            return new MinimizationResult(x0, initialValue, initialGradientNorm, initialValue, 0,
                    evaluator.evaluations(), StopReason.GRADIENT_TOLERANCE);
        }

        Checker checker = new Checker(check, evaluator, stopping.maxIterations());
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(formula.commons,
                checker, lineSearchRelativeTolerance, lineSearchAbsoluteTolerance, initialBracketingRange);
        StopReason reason;
        try {
            optimizer.optimize(
                    new MaxEval(Integer.MAX_VALUE), // our cap lives in the evaluator
                    stopping.maxIterations() == Integer.MAX_VALUE ? MaxIter.unlimited()
                            : new MaxIter(stopping.maxIterations() + 1), // backstop: the checker stops first
                    new ObjectiveFunction(evaluator::value),
                    new ObjectiveFunctionGradient(evaluator::gradient),
                    GoalType.MINIMIZE,
                    new InitialGuess(x0.clone()));
            reason = checker.reason;
        } catch (CountingEvaluator.BudgetExhausted e) {
            reason = StopReason.MAX_EVALUATIONS;
        } catch (CountingEvaluator.NonFiniteEvaluation e) {
            reason = StopReason.NON_FINITE;
        } catch (TooManyEvaluationsException e) {
            reason = StopReason.LINE_SEARCH_FAILED; // the bracket finder's own cap; ours throws BudgetExhausted
        } catch (TooManyIterationsException e) {
            reason = StopReason.MAX_ITERATIONS;
        }
        // Commons Math counts an iteration when it starts one; the last started one is complete only when
        // the checker ended the run, and then it had not searched yet: completed = started − 1 either way.
        int iterations = Math.max(0, optimizer.getIterations() - 1);
        return new MinimizationResult(evaluator.bestPoint(), evaluator.bestValue(), evaluator.bestGradientNorm(),
                initialValue, iterations, evaluator.evaluations(), reason);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cg(formula=%s, lineSearchRelativeTolerance=%g, "
                        + "lineSearchAbsoluteTolerance=%g, initialBracketingRange=%g)", formula.label(),
                lineSearchRelativeTolerance, lineSearchAbsoluteTolerance, initialBracketingRange);
    }

    /** Our stopping tests, run by Commons Math at the start of each of its iterations. */
    private static final class Checker implements ConvergenceChecker<PointValuePair> {

        private final StoppingCheck check;
        private final CountingEvaluator evaluator;
        private final int maxIterations;
        private int iterationsWithoutDecrease;
        StopReason reason;

        Checker(StoppingCheck check, CountingEvaluator evaluator, int maxIterations) {
            this.check = check;
            this.evaluator = evaluator;
            this.maxIterations = maxIterations;
        }

        @Override
        public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
            int completed = iteration - 1; // Commons Math calls this before the iteration's line search
            double previousValue = previous.getValue();
            double value = current.getValue();
            // ∇f at the current point was computed just before (cache hit: no evaluation).
            if (check.gradientSmall(evaluator.gradientNorm(current.getPointRef()))) {
                return stop(StopReason.GRADIENT_TOLERANCE);
            }
            if (check.costStagnated(previousValue, value)) {
                return stop(StopReason.COST_STAGNATION);
            }
            iterationsWithoutDecrease = value < previousValue ? 0 : iterationsWithoutDecrease + 1;
            if (iterationsWithoutDecrease >= 2) {
                return stop(StopReason.LINE_SEARCH_FAILED);
            }
            if (completed >= maxIterations) {
                return stop(StopReason.MAX_ITERATIONS);
            }
            return false;
        }

        private boolean stop(StopReason why) {
            reason = why;
            return true;
        }
    }
}
