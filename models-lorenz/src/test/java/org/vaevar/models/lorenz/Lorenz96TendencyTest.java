package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaevar.api.Linearization;
import org.vaevar.api.contract.DerivativeChecks;
import org.vaevar.api.contract.DifferentiableMapContract;

/**
 * The Lorenz 96 tendency against independent statements of the same mathematics: the textbook formula with
 * modulo indices, the Jacobian from central differences (exact for a quadratic up to rounding), the conservation
 * of energy by the advection term, the uniform fixed point, and exact equivariance under cyclic shifts.
 */
class Lorenz96TendencyTest {

    private static final double F = 8.0;

    /** The textbook form, indices mod n: (x_{i+1} − x_{i−2}) x_{i−1} − x_i + F. */
    private static double reference(double[] x, int i) {
        int n = x.length;
        return (x[(i + 1) % n] - x[(i - 2 + n) % n]) * x[(i - 1 + n) % n] - x[i] + F;
    }

    /** J_ij from the textbook partial derivatives (a dense matrix; small n only). */
    private static double[][] referenceJacobian(double[] x) {
        int n = x.length;
        double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            int ip1 = (i + 1) % n, im1 = (i - 1 + n) % n, im2 = (i - 2 + n) % n;
            j[i][ip1] += x[im1];
            j[i][im2] -= x[im1];
            j[i][im1] += x[ip1] - x[im2];
            j[i][i] -= 1;
        }
        return j;
    }

    private static double[] state(int n, long seed) {
        return DifferentiableMapContract.gaussian(new SplittableRandom(seed), n, 4.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 40, 1001})
    void evaluateIsTheTextbookFormulaBitForBit(int n) {
        double[] x = state(n, n);
        double[] f = new double[n];
        new Lorenz96Tendency(n, F).evaluate(x, f);
        for (int i = 0; i < n; i++) {
            assertThat(f[i]).as("f_%d, n = %d", i, n).isEqualTo(reference(x, i));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 40, 101})
    void tangentAndAdjointAreTheJacobianAndItsTranspose(int n) {
        SplittableRandom random = new SplittableRandom(7 * n);
        double[] x = DifferentiableMapContract.gaussian(random, n, 4.0);
        double[] d = DifferentiableMapContract.gaussian(random, n, 1.0);
        double[][] j = referenceJacobian(x);
        double[] tl = new double[n], ad = new double[n];
        Lorenz96Tendency f = new Lorenz96Tendency(n, F);
        f.tangent(x, d, tl);
        f.adjoint(x, d, ad);
        for (int i = 0; i < n; i++) {
            double jd = 0, jtd = 0, scale = 0;
            for (int k = 0; k < n; k++) {
                jd += j[i][k] * d[k];
                jtd += j[k][i] * d[k];
                scale += Math.abs(j[i][k] * d[k]) + Math.abs(j[k][i] * d[k]);
            }
            // Different summation order from the dense product: a few ulps of the terms' magnitudes.
            assertThat(tl[i]).as("(J d)_%d, n = %d", i, n).isCloseTo(jd, within(1e-14 * scale));
            assertThat(ad[i]).as("(Jᵀ d)_%d, n = %d", i, n).isCloseTo(jtd, within(1e-14 * scale));
        }
    }

    /**
     * f is quadratic, so the central difference (f(x + h d) − f(x − h d)) / 2h equals J d exactly in exact
     * arithmetic (no truncation error at any h): only rounding, ~1e-16 |f| / h, separates it from the tangent.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 40, 1001})
    void tangentEqualsTheCentralDifferenceOfAQuadratic(int n) {
        SplittableRandom random = new SplittableRandom(11 * n);
        double[] x = DifferentiableMapContract.gaussian(random, n, 4.0);
        double[] d = DifferentiableMapContract.gaussian(random, n, 1.0);
        Lorenz96Tendency f = new Lorenz96Tendency(n, F);
        double h = 1e-2;
        double[] up = new double[n], down = new double[n], tl = new double[n];
        double[] xp = x.clone(), xm = x.clone();
        for (int i = 0; i < n; i++) {
            xp[i] += h * d[i];
            xm[i] -= h * d[i];
        }
        f.evaluate(xp, up);
        f.evaluate(xm, down);
        f.tangent(x, d, tl);
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) {
            fd[i] = (up[i] - down[i]) / (2 * h);
        }
        assertThat(DerivativeChecks.relativeDistance(tl, fd)).as("‖J d − central difference‖ / ‖J d‖")
                .isLessThan(1e-12);
    }

    /**
     * The advection term conserves energy: Σ_i x_i (x_{i+1} − x_{i−2}) x_{i−1} = 0 for every x on a ring (the
     * sum telescopes). Recovered from the tendency as adv_i = f_i + x_i − F; zero to rounding relative to the
     * magnitude of its terms.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 40, 1001, 10000})
    void advectionConservesEnergy(int n) {
        double[] x = state(n, 3L * n);
        double[] f = new double[n];
        new Lorenz96Tendency(n, F).evaluate(x, f);
        double sum = 0, magnitude = 0;
        for (int i = 0; i < n; i++) {
            double advection = f[i] + x[i] - F;
            sum += x[i] * advection;
            magnitude += Math.abs(x[i] * advection);
        }
        assertThat(magnitude).isPositive();
        assertThat(Math.abs(sum) / magnitude).as("|Σ x_i adv_i| / Σ |x_i adv_i|, n = %d", n).isLessThan(1e-13);
    }

    /** x = F·1 is a fixed point for every F: the advection vanishes on a uniform state and −x + F = 0. */
    @ParameterizedTest
    @ValueSource(ints = {4, 40, 1001})
    void uniformForcingStateIsAFixedPoint(int n) {
        for (double forcing : new double[] {8.0, -3.5, 0.1}) {
            double[] x = new double[n];
            java.util.Arrays.fill(x, forcing);
            double[] f = new double[n];
            new Lorenz96Tendency(n, forcing).evaluate(x, f);
            assertThat(f).as("f(F·1), F = %s", forcing).containsOnly(0.0);
        }
    }

    /**
     * The ring has no preferred point: shifting the state by one index shifts the forecast, its tangent-linear
     * and its adjoint by one index, bit for bit (boundary and interior points use the same arithmetic). A
     * wrong wrap-around index breaks this at once.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 40, 10000})
    void cyclicShiftCommutesWithForecastTangentAndAdjoint(int n) {
        Lorenz96 model = new Lorenz96(n, F, 0.05);
        SplittableRandom random = new SplittableRandom(n);
        double[] x = model.forecast(model.randomState(random), 100);
        double[] dx = DifferentiableMapContract.gaussian(random, n, 1.0);
        double[] dy = DifferentiableMapContract.gaussian(random, n, 1.0);
        int steps = n > 1000 ? 5 : 50;
        Linearization lin = model.linearize(x, steps);
        Linearization shiftedLin = model.linearize(shift(x), steps);
        assertThat(model.forecast(shift(x), steps)).as("M(Sx) = S M(x)").containsExactly(shift(lin.value()));
        assertThat(shiftedLin.apply(shift(dx))).as("M'(Sx) S dx = S M'(x) dx").containsExactly(shift(lin.apply(dx)));
        assertThat(shiftedLin.applyAdjoint(shift(dy))).as("M'(Sx)ᵀ S dy = S M'(x)ᵀ dy")
                .containsExactly(shift(lin.applyAdjoint(dy)));
    }

    /** (S x)_i = x_{i−1}: every point moves one place along the ring. */
    private static double[] shift(double[] x) {
        double[] s = new double[x.length];
        System.arraycopy(x, 0, s, 1, x.length - 1);
        s[0] = x[x.length - 1];
        return s;
    }
}
