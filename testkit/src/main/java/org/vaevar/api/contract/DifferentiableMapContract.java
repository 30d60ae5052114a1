package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableMap;
import org.vaevar.api.Linearization;

/**
 * The contract of every tangent-linear and adjoint (docs/DESIGN.md §4): TL(0) = 0, AD(0) = 0, linearity, the Taylor
 * test with its ε² slope, and the adjoint dot-product test. A plugin opts in with a small subclass:
 *
 * <pre>{@code
 * class Lorenz96ContractTest extends DynamicalModelContract {
 *     protected DynamicalModel model() { return new Lorenz96(40, 8.0, 0.05); }
 * }
 * }</pre>
 *
 * Override {@link #tolerances()}, {@link #point}, {@link #direction} or {@link #linear()} where the defaults do
 * not fit. Every random draw comes from {@link #seed()}, so a failure reproduces.
 */
public abstract class DifferentiableMapContract {

    /** A linear map's Taylor remainder may be this many times the rounding bound, no more. */
    private static final double LINEAR_REMAINDER_ROUNDING_UNITS = 100;

    /** The map under test. Called once per test. */
    protected abstract DifferentiableMap map();

    /** A linearisation point. Default: standard normal entries. */
    protected double[] point(SplittableRandom random, DifferentiableMap map) {
        return gaussian(random, map.inputDimension(), 1.0);
    }

    /** A perturbation of the input. Default: standard normal entries. */
    protected double[] direction(SplittableRandom random, DifferentiableMap map) {
        return gaussian(random, map.inputDimension(), 1.0);
    }

    /** A perturbation of the output, for the adjoint test. Default: standard normal entries. */
    protected double[] outputDirection(SplittableRandom random, DifferentiableMap map) {
        return gaussian(random, map.outputDimension(), 1.0);
    }

    /** True if the map is linear: the Taylor remainder is then required to be rounding only. */
    protected boolean linear() {
        return false;
    }

    protected Tolerances tolerances() {
        return Tolerances.standard();
    }

    protected long seed() {
        return 20240521L;
    }

    /** How many random (x, dx, dy) triples each test draws. */
    protected int trials() {
        return 3;
    }

    @Test
    protected void tangentLinearAndAdjointAreExactlyLinear() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        for (int t = 0; t < trials(); t++) {
            double[] x = point(random, map);
            Linearization lin = map.linearize(x);
            var e = DerivativeChecks.exactness(lin, direction(random, map), outputDirection(random, map), -2.75);
            assertThat(e.worst())
                    .as("TL(0)=0, AD(0)=0 and linearity, trial %d: %s", t, e)
                    .isLessThanOrEqualTo(tolerances().exactness());
        }
    }

    @Test
    protected void linearizationValueIsTheMapValue() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        double[] x = point(random, map);
        assertThat(map.linearize(x).value()).as("linearize(x).value() against apply(x)")
                .containsExactly(map.apply(x));
    }

    @Test
    protected void taylorRemainderIsSmall() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        for (int t = 0; t < trials(); t++) {
            var taylor = DerivativeChecks.taylor(map, point(random, map), direction(random, map));
            assertThat(taylor.minRelative())
                    .as("min over eps of the relative Taylor remainder, trial %d%n%s", t, taylor.table())
                    .isLessThan(tolerances().taylor());
        }
    }

    @Test
    protected void taylorRemainderFallsLikeEpsilonSquared() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        for (int t = 0; t < trials(); t++) {
            double[] x = point(random, map);
            double[] dx = direction(random, map);
            var taylor = DerivativeChecks.taylor(map, x, dx);
            if (linear()) {
                assertThat(taylor.maxRemainderInRoundingUnits())
                        .as("a linear map's Taylor remainder must be rounding only (in units of the rounding bound),"
                                + " trial %d%n%s", t, taylor.table())
                        .isLessThan(LINEAR_REMAINDER_ROUNDING_UNITS);
            } else {
                double slope = taylor.midRangeSlope();
                assertThat(slope)
                        .as("%s, trial %d%n%s", slopeVerdict(slope, tolerances().slope()), t, taylor.table())
                        .isCloseTo(2.0, within(tolerances().slope()));
            }
        }
    }

    @Test
    protected void adjointMatchesTangentLinear() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        for (int t = 0; t < trials(); t++) {
            Linearization lin = map.linearize(point(random, map));
            double mismatch = DerivativeChecks.adjointMismatch(lin, direction(random, map),
                    outputDirection(random, map));
            assertThat(mismatch).as("adjoint dot-product test |<M'dx,dy> - <dx,M'^T dy>| / scale, trial %d", t)
                    .isLessThanOrEqualTo(tolerances().adjoint());
        }
    }

    @Test
    protected void dimensionsAgree() {
        DifferentiableMap map = map();
        SplittableRandom random = new SplittableRandom(seed());
        double[] x = point(random, map);
        Linearization lin = map.linearize(x);
        assertThat(map.apply(x)).hasSize(map.outputDimension());
        assertThat(lin.inputDimension()).isEqualTo(map.inputDimension());
        assertThat(lin.outputDimension()).isEqualTo(map.outputDimension());
        assertThat(lin.apply(direction(random, map))).hasSize(map.outputDimension());
        assertThat(lin.applyAdjoint(outputDirection(random, map))).hasSize(map.inputDimension());
    }

    /**
     * What a mid-range Taylor slope says, for the failure message: the measured value against the expected 2, and
     * what a NaN (no decade above rounding: a linear or affine map, which should override {@link #linear()}) or a
     * slope near 1 (a remainder of first order in ε: a wrong tangent-linear) means.
     */
    public static String slopeVerdict(double slope, double tolerance) {
        String head = "mid-range slope of log|remainder| against log eps";
        if (Double.isNaN(slope)) {
            return head + " is NaN: fewer than two decades of eps <= 0.1 leave a remainder above rounding, so the"
                    + " map looks linear or affine along dx; if it is, override linear() to return true";
        }
        String verdict = String.format(Locale.ROOT, "%s is %.3f, expected 2 within %s", head, slope, tolerance);
        if (Math.abs(slope - 1) < 0.5) {
            verdict += " (a slope near 1: the remainder is first order in eps, so the tangent-linear is not the"
                    + " derivative of the map)";
        } else if (slope > 2) {
            verdict += " (a slope above 2: the second derivative nearly vanishes along dx at this point;"
                    + " override point() or direction())";
        }
        return verdict;
    }

    public static double[] gaussian(SplittableRandom random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }
}
