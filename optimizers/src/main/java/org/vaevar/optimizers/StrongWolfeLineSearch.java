package org.vaevar.optimizers;

/**
 * A line search for a step α > 0 along a descent direction that satisfies the strong Wolfe conditions
 *
 * <pre>
 *   φ(α) ≤ φ(0) + c1 α φ'(0)        (sufficient decrease)
 *   |φ'(α)| ≤ c2 |φ'(0)|            (curvature)
 * </pre>
 *
 * <p>with 0 &lt; c1 &lt; c2 &lt; 1, following Nocedal &amp; Wright, <i>Numerical Optimization</i> (2nd ed.),
 * Algorithm 3.5 (bracketing by extrapolation) and Algorithm 3.6 (zoom), with safeguarded cubic interpolation
 * (quadratic, then bisection, as fall-backs) to pick each trial step.
 *
 * <p>A trial where φ or φ' is NaN or infinite is treated as a step too long: the search bisects back towards the
 * last finite point (a cost that overflows far away, a model that blows up, still has acceptable steps nearer).
 * {@link #sawNonFinite()} tells the caller that it happened.
 *
 * <p>One instance is reused for every search of a minimisation (no allocation per search) and is therefore not
 * thread-safe. The outcome of the last search is read from {@link #alpha()}, {@link #value()},
 * {@link #derivative()}, {@link #evaluations()}.
 */
public final class StrongWolfeLineSearch {

    /** φ(α) = f(x + α d) along one search direction, with its derivative φ'(α) = ∇f(x + α d)ᵀ d. */
    public interface LineFunction {

        /** Evaluates φ(α) (may be NaN or infinite) and remembers φ'(α) for {@link #derivative()}. */
        double value(double alpha);

        /** φ'(α) at the α of the last {@link #value(double)} call. */
        double derivative();
    }

    /** How a search ended. */
    public enum Status {
        /** The last evaluated step satisfies both strong Wolfe conditions. */
        CONVERGED,
        /** The evaluation budget of this search ran out first. */
        MAX_EVALUATIONS,
        /** The bracket collapsed to rounding or the step grew without bound: no acceptable step was found. */
        FAILED
    }

    /** Largest step the extrapolation phase may try before giving up (φ unbounded below along d). */
    static final double MAX_STEP = 1e20;
    /** Zoom gives up once the bracket is this narrow relative to its position (steps indistinguishable). */
    private static final double MIN_RELATIVE_WIDTH = 1e-15;
    /** Trial steps in zoom keep this fraction of the bracket from either end so it shrinks geometrically. */
    private static final double ZOOM_MARGIN = 0.1;
    /** Extrapolated steps lie in [α + 1.1 (α − α_prev), α + 4 (α − α_prev)] (at least 2.1× the first step). */
    private static final double EXTRAPOLATION_MIN = 1.1;
    private static final double EXTRAPOLATION_MAX = 4.0;

    private final double c1;
    private final double c2;

    private double phi0;
    private double armijoSlope;
    private double curvatureBound;
    private int evaluations;
    private int budget;
    private boolean sawNonFinite;

    private double alpha;
    private double value;
    private double derivative;

    /**
     * @param c1 sufficient-decrease constant, 0 &lt; c1 &lt; c2
     * @param c2 curvature constant, c1 &lt; c2 &lt; 1 (0.9 for quasi-Newton methods, 0.1 for conjugate gradients)
     */
    public StrongWolfeLineSearch(double c1, double c2) {
        if (!(c1 > 0 && c1 < 1)) {
            throw new IllegalArgumentException("c1 = " + c1 + ": must lie in (0, 1)");
        }
        if (!(c2 > c1 && c2 < 1)) {
            throw new IllegalArgumentException("c2 = " + c2 + ": must lie in (c1, 1) with c1 = " + c1);
        }
        this.c1 = c1;
        this.c2 = c2;
    }

    public double c1() {
        return c1;
    }

    public double c2() {
        return c2;
    }

    /**
     * Searches for a strong-Wolfe step.
     *
     * @param phi            the function along the direction
     * @param value0         φ(0), finite
     * @param derivative0    φ'(0), finite and negative (a descent direction)
     * @param initialStep    first trial step, positive and finite
     * @param maxEvaluations most evaluations of {@code phi} this search may spend (≥ 1)
     * @return how it ended; on {@link Status#CONVERGED} the accepted step is the last one evaluated
     */
    public Status search(LineFunction phi, double value0, double derivative0, double initialStep,
                         int maxEvaluations) {
        if (!Double.isFinite(value0)) {
            throw new IllegalArgumentException("phi(0) = " + value0 + ": must be finite");
        }
        if (!(derivative0 < 0) || !Double.isFinite(derivative0)) {
            throw new IllegalArgumentException("phi'(0) = " + derivative0 + ": must be negative (descent direction)");
        }
        if (!(initialStep > 0) || !Double.isFinite(initialStep)) {
            throw new IllegalArgumentException("initialStep = " + initialStep + ": must be positive and finite");
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations = " + maxEvaluations + ": must be at least 1");
        }
        this.phi0 = value0;
        this.armijoSlope = c1 * derivative0;      // φ(α) ≤ φ(0) + α · c1 φ'(0)
        this.curvatureBound = -c2 * derivative0;  // |φ'(α)| ≤ c2 |φ'(0)|
        this.evaluations = 0;
        this.budget = maxEvaluations;
        this.sawNonFinite = false;
        this.alpha = 0;
        this.value = value0;
        this.derivative = derivative0;
        return bracket(phi, derivative0, initialStep);
    }

    /** Algorithm 3.5: grow the step until it satisfies the conditions or brackets an acceptable one. */
    private Status bracket(LineFunction phi, double derivative0, double initialStep) {
        double aPrev = 0;
        double fPrev = phi0;
        double dPrev = derivative0;
        double a = initialStep;
        while (true) {
            if (evaluations >= budget) {
                return Status.MAX_EVALUATIONS;
            }
            double fa = phi.value(a);
            double da = phi.derivative();
            evaluations++;
            if (!Double.isFinite(fa) || !Double.isFinite(da)) {
                sawNonFinite = true;
                return zoom(phi, aPrev, fPrev, dPrev, a, Double.NaN, Double.NaN);
            }
            if (fa > phi0 + a * armijoSlope || (evaluations > 1 && fa >= fPrev)) {
                return zoom(phi, aPrev, fPrev, dPrev, a, fa, da);
            }
            if (Math.abs(da) <= curvatureBound) {
                return accept(a, fa, da);
            }
            if (da >= 0) {
                return zoom(phi, a, fa, da, aPrev, fPrev, dPrev);
            }
            recordBest(a, fa, da); // sufficient decrease and lower than every earlier trial
            // Still descending with a steep slope: extrapolate to a longer step.
            double span = a - aPrev;
            double lo = a + EXTRAPOLATION_MIN * span;
            double hi = a + EXTRAPOLATION_MAX * span;
            double next = cubicMinimizer(aPrev, fPrev, dPrev, a, fa, da);
            next = Double.isFinite(next) ? Math.min(Math.max(next, lo), hi) : hi;
            if (!(next <= MAX_STEP)) {
                return Status.FAILED;
            }
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = next;
        }
    }

    /**
     * Algorithm 3.6. Invariants: α_lo satisfies sufficient decrease and has the lowest φ seen among such steps;
     * φ'(α_lo)(α_hi − α_lo) &lt; 0, so [α_lo, α_hi] contains a strong-Wolfe step. fHi is NaN for a non-finite
     * α_hi.
     */
    private Status zoom(LineFunction phi, double aLo, double fLo, double dLo, double aHi, double fHi, double dHi) {
        while (true) {
            recordBest(aLo, fLo, dLo);
            if (evaluations >= budget) {
                return Status.MAX_EVALUATIONS;
            }
            double width = Math.abs(aHi - aLo);
            if (width <= MIN_RELATIVE_WIDTH * Math.max(Math.abs(aLo), Math.abs(aHi))) {
                return Status.FAILED;
            }
            double a = trialInBracket(aLo, fLo, dLo, aHi, fHi, dHi);
            double fa = phi.value(a);
            double da = phi.derivative();
            evaluations++;
            if (!Double.isFinite(fa) || !Double.isFinite(da)) {
                sawNonFinite = true;
                aHi = a;
                fHi = Double.NaN;
                dHi = Double.NaN;
            } else if (fa > phi0 + a * armijoSlope || fa > fLo) {
                // A tie fa = fLo (N&W reject it with ≥) is kept as a candidate: near a minimum φ is flat to
                // rounding and only φ' still tells the steps apart.
                aHi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= curvatureBound) {
                    return accept(a, fa, da);
                }
                if (da * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    fHi = fLo;
                    dHi = dLo;
                }
                aLo = a;
                fLo = fa;
                dLo = da;
            }
        }
    }

    /** Next trial in [α_lo, α_hi]: cubic interpolation, else quadratic, else bisection, kept off the ends. */
    private static double trialInBracket(double aLo, double fLo, double dLo, double aHi, double fHi, double dHi) {
        double left = Math.min(aLo, aHi);
        double right = Math.max(aLo, aHi);
        double margin = ZOOM_MARGIN * (right - left);
        double mid = 0.5 * (aLo + aHi);
        if (Double.isNaN(fHi)) {
            return mid; // no finite information at α_hi: halve the step towards the finite end
        }
        double t = cubicMinimizer(aLo, fLo, dLo, aHi, fHi, dHi);
        if (!Double.isFinite(t)) {
            t = quadraticMinimizer(aLo, fLo, dLo, aHi, fHi);
        }
        if (!Double.isFinite(t)) {
            return mid;
        }
        return Math.min(Math.max(t, left + margin), right - margin);
    }

    /**
     * Minimiser of the cubic matching φ and φ' at a and b (Nocedal &amp; Wright eq. 3.59):
     * d1 = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b), d2 = sign(b − a) √(d1² − φ'(a) φ'(b)),
     * t = b − (b − a) (φ'(b) + d2 − d1) / (φ'(b) − φ'(a) + 2 d2). NaN when the cubic has no local minimum.
     */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    /**
     * Minimiser of the quadratic matching φ(a), φ'(a) and φ(b): t = a − φ'(a) (b − a)² / (2 (φ(b) − φ(a) − φ'(a)
     * (b − a))). NaN (or infinite) when that parabola opens downwards or is degenerate.
     */
    static double quadraticMinimizer(double a, double fa, double da, double b, double fb) {
        double h = b - a;
        double curvature = fb - fa - da * h; // = ½ φ'' h² for the parabola
        if (!(curvature > 0)) {
            return Double.NaN;
        }
        return a - da * h * h / (2 * curvature);
    }

    private Status accept(double a, double fa, double da) {
        alpha = a;
        value = fa;
        derivative = da;
        return Status.CONVERGED;
    }

    private void recordBest(double a, double fa, double da) {
        alpha = a;
        value = fa;
        derivative = da;
    }

    /**
     * The accepted step after {@link Status#CONVERGED}; otherwise the best step found that satisfies sufficient
     * decrease (0 when none did).
     */
    public double alpha() {
        return alpha;
    }

    /** φ at {@link #alpha()}. */
    public double value() {
        return value;
    }

    /** φ' at {@link #alpha()}. */
    public double derivative() {
        return derivative;
    }

    /** Evaluations of φ spent by the last search. */
    public int evaluations() {
        return evaluations;
    }

    /** Whether the last search met a NaN or infinite φ or φ'. */
    public boolean sawNonFinite() {
        return sawNonFinite;
    }
}
