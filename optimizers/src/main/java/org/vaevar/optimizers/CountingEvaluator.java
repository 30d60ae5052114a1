package org.vaevar.optimizers;

import java.util.Arrays;
import org.vaevar.api.DifferentiableFunction;

/**
 * Wraps a {@link DifferentiableFunction} for an optimizer that asks for f and ∇f separately (Commons Math):
 * every request is served by one {@code valueAndGradient} call per distinct point, counted, and remembered, so
 * value and gradient at the same point cost one evaluation.
 *
 * <p>Two points are remembered: the last one evaluated and the lowest finite one (the optimizer returns to its
 * best line-search trial, which is rarely the last evaluated). The lowest point is also the answer when the run
 * stops for any reason.
 *
 * <p>It enforces the evaluation cap itself (throws {@link BudgetExhausted} instead of evaluating once more) and
 * throws {@link NonFiniteEvaluation} when f or ∇f is NaN or infinite, so the caller can stop with the right
 * reason and the last finite point. Not thread-safe: one per minimisation.
 */
final class CountingEvaluator {

    /** Thrown instead of an evaluation beyond the cap. */
    static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super("evaluation budget exhausted", null, false, false);
        }
    }

    /** Thrown after an evaluation whose value or gradient is NaN or infinite. */
    static final class NonFiniteEvaluation extends RuntimeException {
        NonFiniteEvaluation() {
            super("non-finite value or gradient", null, false, false);
        }
    }

    /** One evaluated point. */
    private static final class Point {
        final double[] x;
        final double[] g;
        double value;

        Point(int n) {
            x = new double[n];
            g = new double[n];
        }
    }

    private final DifferentiableFunction f;
    private final int maxEvaluations;
    private final Point[] slots;
    private Point last;
    private Point best;
    private int evaluations;
    private double nonFiniteValue = Double.NaN;
    private double nonFiniteGradientNorm = Double.NaN;

    CountingEvaluator(DifferentiableFunction f, int maxEvaluations) {
        int n = f.dimension();
        this.f = f;
        this.maxEvaluations = maxEvaluations;
        this.slots = new Point[] {new Point(n), new Point(n), new Point(n)};
    }

    /** f(x). */
    double value(double[] x) {
        return at(x).value;
    }

    /** ∇f(x) as a fresh array (Commons Math keeps it). */
    double[] gradient(double[] x) {
        return at(x).g.clone();
    }

    /** ‖∇f(x)‖. */
    double gradientNorm(double[] x) {
        return norm(at(x).g);
    }

    int evaluations() {
        return evaluations;
    }

    /** f at the point that threw {@link NonFiniteEvaluation}. */
    double nonFiniteValue() {
        return nonFiniteValue;
    }

    /** ‖∇f‖ at the point that threw {@link NonFiniteEvaluation}. */
    double nonFiniteGradientNorm() {
        return nonFiniteGradientNorm;
    }

    /** The lowest finite point evaluated (a copy). */
    double[] bestPoint() {
        return best.x.clone();
    }

    double bestValue() {
        return best.value;
    }

    double bestGradientNorm() {
        return norm(best.g);
    }

    private Point at(double[] x) {
        if (last != null && Arrays.equals(last.x, x)) {
            return last;
        }
        if (best != null && Arrays.equals(best.x, x)) {
            return best;
        }
        if (evaluations >= maxEvaluations) {
            throw new BudgetExhausted();
        }
        Point p = freeSlot();
        System.arraycopy(x, 0, p.x, 0, x.length); // copy: Commons Math moves its point array in place
        p.value = f.valueAndGradient(p.x, p.g);
        evaluations++;
        double gNorm = norm(p.g);
        if (!Double.isFinite(p.value) || !Double.isFinite(gNorm)) {
            nonFiniteValue = p.value;
            nonFiniteGradientNorm = gNorm;
            throw new NonFiniteEvaluation();
        }
        last = p;
        if (best == null || p.value < best.value) {
            best = p;
        }
        return p;
    }

    /** A slot that holds neither the last nor the best point. */
    private Point freeSlot() {
        for (Point p : slots) {
            if (p != last && p != best) {
                return p;
            }
        }
        throw new IllegalStateException("unreachable: three slots, at most two in use");
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
