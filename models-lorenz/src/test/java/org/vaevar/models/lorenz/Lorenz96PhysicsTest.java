package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Vectors;

/**
 * Physics of Lorenz 96 (n = 40, F = 8) that a wrong model or tangent-linear cannot reproduce: the literature's
 * climatology, the exact long-time energy budget, the leading Lyapunov exponent through the tangent-linear,
 * fourth-order convergence of RK4, and the burn-in from {@link Lorenz96#randomState} landing on the attractor.
 */
class Lorenz96PhysicsTest {

    /**
     * Lorenz &amp; Emanuel (1998, J. Atmos. Sci. 55, 399–414), F = 8: every variable has mean 2.3 and standard
     * deviation 3.6 (one decimal quoted). Here: 1000 time units (20 000 steps of 0.05) after a 50-unit burn-in,
     * pooled over the 40 points; this estimate's sampling error is ~0.01 (measured over seeds: mean 2.33–2.34,
     * std 3.63–3.64). Tolerance ±0.1 covers the quoted rounding (±0.05) plus sampling.
     */
    @Test
    void climatologyMatchesTheLiterature() {
        Moments m = moments(Lorenz96.standard(), 1, 1000, 20_000);
        assertThat(m.mean()).as("climatological mean").isCloseTo(2.3, within(0.1));
        assertThat(m.std()).as("climatological standard deviation").isCloseTo(3.6, within(0.1));
    }

    /**
     * ½ d/dt Σx² = Σ x_i adv_i − Σx² + F Σx, and the advection term vanishes identically, so over a long
     * run ⟨x²⟩ = F ⟨x⟩ per point up to the boundary term ΔE / (n T) (and O(dt⁴) from RK4). With T = 1000 and
     * |ΔE| / n ≲ 50, the relative error is below 3e-3 / 18.5 ≈ 2e-4 (measured: 1e-4 to 2e-4). Holds at dt = 0.05
     * and 0.01; tolerance 1e-3.
     */
    @Test
    void longTimeEnergyBudgetCloses() {
        for (double dt : new double[] {0.05, 0.01}) {
            Lorenz96 model = new Lorenz96(40, 8.0, dt);
            Moments m = moments(model, 2, (int) Math.round(50 / dt), (int) Math.round(1000 / dt));
            double meanSquare = m.std() * m.std() + m.mean() * m.mean();
            assertThat(meanSquare / (8.0 * m.mean())).as("<x²> / (F <x>) at dt = %s", dt)
                    .isCloseTo(1.0, within(1e-3));
        }
    }

    /**
     * The leading Lyapunov exponent from the tangent-linear alone: a perturbation propagated by M' segment by
     * segment, renormalised, grows at λ₁. Literature for F = 8: λ₁ ≈ 1.66 for n = 36 (Carrassi et al. 2008, as
     * reproduced by DAPPER) and ≈ 1.7 for n = 40. 1350 time units averaged here (this run: 1.670);
     * measured spread across seeds ±0.04 on 450 units. Tolerance: [1.55, 1.80].
     */
    @Test
    void tangentLinearGrowsAtTheLeadingLyapunovExponent() {
        double lambda = leadingLyapunovExponent(Lorenz96.standard(), 3, 10, 3000);
        assertThat(lambda).as("λ₁ per time unit").isBetween(1.55, 1.80);
    }

    /**
     * RK4's global error falls like dt⁴: over 0.5 time units, against a 256× finer reference, halving dt from
     * 0.0125 and from 0.00625 divides the error by 2⁴. Median order over 21 attractor points (measured medians
     * 4.03 and 4.02; single points scatter ±0.06 at the coarser pair). Tolerance ±0.05.
     */
    @Test
    void rk4ConvergesAtFourthOrder() {
        for (double dt : new double[] {0.0125, 0.00625}) {
            double order = ConvergenceOrder.median(step -> new Lorenz96(40, 8.0, step), Lorenz96.standard(), dt,
                    0.5, 21);
            assertThat(order).as("median order from dt = %s to %s", dt, dt / 2).isCloseTo(4.0, within(0.05));
        }
    }

    /**
     * A burn-in of 500 steps (25 units) from randomState lands on the attractor: pooled over 200 seeds × 40
     * points, mean and standard deviation match the climatology above (sampling error ~0.05; tolerance 0.25),
     * and no state is still near the unstable uniform fixed point (its spatial spread is ~1 at the draw).
     */
    @Test
    void burnInFromARandomStateReachesTheAttractor() {
        Lorenz96 model = Lorenz96.standard();
        double sum = 0, sumSquares = 0, smallestSpread = Double.POSITIVE_INFINITY;
        int count = 0;
        for (long seed = 0; seed < 200; seed++) {
            double[] x = model.forecast(model.randomState(new SplittableRandom(seed)), 500);
            double s = 0, s2 = 0;
            for (double v : x) {
                s += v;
                s2 += v * v;
            }
            smallestSpread = Math.min(smallestSpread, Math.sqrt(s2 / x.length - (s / x.length) * (s / x.length)));
            sum += s;
            sumSquares += s2;
            count += x.length;
        }
        double mean = sum / count;
        double std = Math.sqrt(sumSquares / count - mean * mean);
        assertThat(mean).isCloseTo(2.3, within(0.25));
        assertThat(std).isCloseTo(3.6, within(0.25));
        assertThat(smallestSpread).as("smallest spatial standard deviation over seeds").isGreaterThan(2.0);
    }

    record Moments(double mean, double std) {
    }

    /** Time and space mean and standard deviation over {@code steps} steps after {@code burnIn}. */
    static Moments moments(Lorenz96 model, long seed, int burnIn, int steps) {
        double[] x = model.forecast(model.randomState(new SplittableRandom(seed)), burnIn);
        double sum = 0, sumSquares = 0;
        for (int k = 0; k < steps; k++) {
            x = model.forecast(x, 1);
            for (double v : x) {
                sum += v;
                sumSquares += v * v;
            }
        }
        long count = (long) steps * x.length;
        double mean = sum / count;
        return new Moments(mean, Math.sqrt(sumSquares / count - mean * mean));
    }

    /** λ₁ from the tangent-linear over {@code segments} segments of {@code segmentSteps}, the first 10 % skipped. */
    static double leadingLyapunovExponent(org.vaevar.api.DynamicalModel model, long seed, int segmentSteps,
                                          int segments) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = model.forecast(model.randomState(random), 1000);
        double[] dx = new double[model.dimension()];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = random.nextGaussian();
        }
        int skip = segments / 10;
        double logGrowth = 0;
        for (int s = 0; s < segments; s++) {
            Linearization lin = model.linearize(x, segmentSteps);
            dx = lin.apply(dx);
            double norm = Vectors.norm(dx);
            if (s >= skip) {
                logGrowth += Math.log(norm);
            }
            dx = Vectors.scaled(1 / norm, dx);
            x = lin.value();
        }
        return logGrowth / ((segments - skip) * segmentSteps * model.timeStep());
    }
}
