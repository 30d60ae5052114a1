package org.vaevar.api.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.LinearOperator;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Vectors;

/**
 * The numerical checks behind the contract kit, as plain functions returning what they measured, so that the
 * abstract JUnit classes, the kit's own tests and a researcher's notebook all use the same arithmetic.
 */
public final class DerivativeChecks {

    /** ε = 10⁰, 10⁻¹, …, 10⁻¹¹. */
    public static final double[] EPSILONS = decades(0, -11);

    private static final double UNIT_ROUNDOFF = 0x1.0p-53;

    private DerivativeChecks() {
    }

    /** Relative errors of TL(0) = 0, AD(0) = 0 and TL(a·dx) = a·TL(dx), AD(a·dy) = a·AD(dy). */
    public record Exactness(double tangentOfZero, double adjointOfZero, double tangentLinearity,
                            double adjointLinearity) {
        public double worst() {
            return Math.max(Math.max(tangentOfZero, adjointOfZero), Math.max(tangentLinearity, adjointLinearity));
        }
    }

    public static Exactness exactness(LinearOperator op, double[] dx, double[] dy, double a) {
        double tl0 = Vectors.norm(op.apply(new double[op.inputDimension()]));
        double ad0 = Vectors.norm(op.applyAdjoint(new double[op.outputDimension()]));
        double[] tl = op.apply(dx);
        double[] tlScaled = op.apply(Vectors.scaled(a, dx));
        double[] ad = op.applyAdjoint(dy);
        double[] adScaled = op.applyAdjoint(Vectors.scaled(a, dy));
        return new Exactness(
                tl0 / Math.max(Vectors.norm(tl), Double.MIN_NORMAL),
                ad0 / Math.max(Vectors.norm(ad), Double.MIN_NORMAL),
                relativeDistance(tlScaled, Vectors.scaled(a, tl)),
                relativeDistance(adScaled, Vectors.scaled(a, ad)));
    }

    /**
     * The Taylor test of F at x along dx: for each ε, the absolute remainder ‖F(x+ε dx) − F(x) − ε F'dx‖ and the
     * relative one (divided by ‖F(x+ε dx) − F(x)‖).
     */
    public record Taylor(double[] epsilons, double[] absolute, double[] relative, double floor,
                         double[] roundingBound) {

        /** min over ε of the relative remainder. */
        public double minRelative() {
            return Arrays.stream(relative).filter(Double::isFinite).min().orElse(Double.NaN);
        }

        /**
         * The log-log slope of the absolute remainder against ε in the mid range: the median of the slopes
         * between consecutive decades ε ≤ 0.1 whose remainders both lie well above rounding (10⁴ × the floor).
         * NaN when fewer than two decades qualify (the map is linear along dx, or too rough to tell).
         */
        public double midRangeSlope() {
            List<Double> slopes = new ArrayList<>();
            for (int k = 0; k + 1 < epsilons.length; k++) {
                if (epsilons[k] > 0.1 + 1e-12) {
                    continue;
                }
                double threshold = 1e4 * floor;
                if (absolute[k] > threshold && absolute[k + 1] > threshold) {
                    slopes.add(Math.log10(absolute[k] / absolute[k + 1]) / Math.log10(epsilons[k] / epsilons[k + 1]));
                }
            }
            if (slopes.size() < 2) {
                return Double.NaN;
            }
            slopes.sort(Double::compare);
            int m = slopes.size();
            return m % 2 == 1 ? slopes.get(m / 2) : 0.5 * (slopes.get(m / 2 - 1) + slopes.get(m / 2));
        }

        /**
         * max over ε of ‖remainder‖ / (rounding bound at ε): for a linear or affine map the remainder is rounding
         * only, so this stays of order 1 (a few ulps); any curvature makes it grow like ε / u at large ε.
         */
        public double maxRemainderInRoundingUnits() {
            double worst = 0;
            for (int k = 0; k < epsilons.length; k++) {
                worst = Math.max(worst, absolute[k] / roundingBound[k]);
            }
            return worst;
        }

        public String table() {
            StringBuilder sb = new StringBuilder("      eps   |remainder|   relative\n");
            for (int k = 0; k < epsilons.length; k++) {
                sb.append(String.format(Locale.ROOT, "  %8.0e  %11.3e  %10.3e%n", epsilons[k], absolute[k],
                        relative[k]));
            }
            return sb.toString();
        }
    }

    public static Taylor taylor(DifferentiableMap map, double[] x, double[] dx) {
        Linearization lin = map.linearize(x);
        double[] fx = lin.value();
        double[] tangent = lin.apply(dx);
        double[] abs = new double[EPSILONS.length];
        double[] rel = new double[EPSILONS.length];
        for (int k = 0; k < EPSILONS.length; k++) {
            double eps = EPSILONS[k];
            double[] diff = Vectors.minus(map.apply(Vectors.plusScaled(x, eps, dx)), fx);
            double[] remainder = Vectors.plusScaled(diff, -eps, tangent);
            abs[k] = Vectors.norm(remainder);
            rel[k] = abs[k] / Vectors.norm(diff);
        }
        // Rounding in F(x+εdx) − F(x): a few ulps of the larger of the two states, per component.
        double floor = UNIT_ROUNDOFF * Math.sqrt(fx.length) * (maxAbs(fx) + 1e-300);
        // What rounding alone can leave in the remainder of a linear or affine map at ε: the rounding of F(x), of
        // x + ε dx carried through F' (about ‖x‖ ‖F'dx‖/‖dx‖), and of ε F'dx.
        double tangentNorm = Vectors.norm(tangent);
        double carried = Vectors.norm(x) * tangentNorm / Math.max(Vectors.norm(dx), Double.MIN_NORMAL);
        double[] bound = new double[EPSILONS.length];
        for (int k = 0; k < EPSILONS.length; k++) {
            bound[k] = UNIT_ROUNDOFF * (Vectors.norm(fx) + carried + EPSILONS[k] * tangentNorm) + Double.MIN_NORMAL;
        }
        return new Taylor(EPSILONS.clone(), abs, rel, floor, bound);
    }

    /**
     * |⟨M'dx, dy⟩ − ⟨dx, M'ᵀdy⟩| / max(‖M'dx‖ ‖dy‖, ‖dx‖ ‖M'ᵀdy‖). The scale is the Cauchy-Schwarz bound of both
     * products, the size their rounding errors are relative to; dividing by the products themselves would fail a
     * correct adjoint whenever a random draw makes them nearly cancel.
     */
    public static double adjointMismatch(LinearOperator op, double[] dx, double[] dy) {
        double[] tangent = op.apply(dx);
        double[] adjoint = op.applyAdjoint(dy);
        double lhs = Vectors.dot(tangent, dy);
        double rhs = Vectors.dot(dx, adjoint);
        double scale = Math.max(Vectors.norm(tangent) * Vectors.norm(dy), Vectors.norm(dx) * Vectors.norm(adjoint));
        return scale == 0 ? 0 : Math.abs(lhs - rhs) / scale;
    }

    /**
     * Gradient check along p: for each ε, ratio = (f(x+εp) − f(x−εp)) / (2ε⟨∇f(x), p⟩). Central differences:
     * the truncation error falls like ε² instead of ε, so the best ε reaches ~1e-10 instead of ~1e-8 and the
     * 1e-6 bound is met with room even for stiff 4D-Var costs.
     */
    public record GradientCheck(double[] epsilons, double[] ratios, double directional) {

        public double bestError() {
            double best = Double.POSITIVE_INFINITY;
            for (double r : ratios) {
                if (Double.isFinite(r)) {
                    best = Math.min(best, Math.abs(1 - r));
                }
            }
            return best;
        }

        public String table() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  <grad, p> = %.6e%n", directional));
            sb.append("      eps        ratio     |1-ratio|\n");
            for (int k = 0; k < epsilons.length; k++) {
                sb.append(String.format(Locale.ROOT, "  %8.0e  %.12f  %9.2e%n", epsilons[k], ratios[k],
                        Math.abs(1 - ratios[k])));
            }
            return sb.toString();
        }
    }

    public static GradientCheck gradient(DifferentiableFunction f, double[] x, double[] p) {
        double[] g = new double[f.dimension()];
        f.valueAndGradient(x, g);
        double directional = Vectors.dot(g, p);
        double[] eps = decades(-1, -10);
        double[] ratios = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
            double up = f.value(Vectors.plusScaled(x, eps[k], p));
            double down = f.value(Vectors.plusScaled(x, -eps[k], p));
            ratios[k] = (up - down) / (2 * eps[k] * directional);
        }
        return new GradientCheck(eps, ratios, directional);
    }

    /** ‖a − b‖ / max(‖a‖, ‖b‖), 0 when both vanish. */
    public static double relativeDistance(double[] a, double[] b) {
        double scale = Math.max(Vectors.norm(a), Vectors.norm(b));
        return scale == 0 ? 0 : Vectors.norm(Vectors.minus(a, b)) / scale;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    private static double[] decades(int from, int to) {
        double[] e = new double[from - to + 1];
        for (int k = 0; k < e.length; k++) {
            e[k] = Math.pow(10, from - k);
        }
        return e;
    }
}
