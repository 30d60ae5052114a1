package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.util.Vectors;

/**
 * Physics of Lorenz 63 (σ = 10, ρ = 28, β = 8/3) that a wrong model or tangent-linear cannot reproduce: the
 * literature's mean height, exact long-time averages of the equations, the leading Lyapunov exponent through
 * the tangent-linear, fourth-order convergence of RK4, and the burn-in from {@link Lorenz63#randomState}.
 */
class Lorenz63PhysicsTest {

    private static final int BURN_IN = 1000;
    private static final int STEPS = 200_000; // 2000 time units

    /**
     * Mean z on the attractor ≈ 23.5 (literature values 23.5–23.6 for the standard parameters). Over 2000 time
     * units the sampling spread across seeds is ~0.03 (measured 23.53–23.57); tolerance ±0.3.
     */
    @Test
    void meanHeightMatchesTheLiterature() {
        Averages a = averages(1);
        assertThat(a.z()).as("<z>").isCloseTo(23.5, within(0.3));
    }

    /**
     * Averaging the equations over a long run kills the time derivatives up to boundary terms O(1/T):
     * ½ d(x²)/dt = σ (xy − x²) gives ⟨xy⟩ = ⟨x²⟩, and dz/dt = xy − βz gives ⟨xy⟩ = β⟨z⟩. With T = 2000 and
     * |Δ(x²)| ≲ 400 the relative boundary term is ≲ 400 / (2σT ⟨x²⟩) ≈ 2e-4 (measured 1e-5 to 1.2e-4);
     * tolerance 1e-3.
     */
    @Test
    void longTimeAveragesSatisfyTheEquations() {
        for (long seed = 2; seed <= 3; seed++) {
            Averages a = averages(seed);
            assertThat(a.xy() / a.xx()).as("<xy> / <x²>, seed %d", seed).isCloseTo(1.0, within(1e-3));
            assertThat(Lorenz63.STANDARD_BETA * a.z() / a.xy()).as("β<z> / <xy>, seed %d", seed)
                    .isCloseTo(1.0, within(1e-3));
        }
    }

    /**
     * λ₁ from the tangent-linear alone (renormalised every 10 steps): 0.9056 in the literature (e.g. Sprott,
     * Chaos and Time-Series Analysis, 2003). 1800 time units (this run: 0.9056); 0.902–0.912 across seeds.
     * Tolerance ±0.03.
     */
    @Test
    void tangentLinearGrowsAtTheLeadingLyapunovExponent() {
        double lambda = Lorenz96PhysicsTest.leadingLyapunovExponent(Lorenz63.standard(), 4, 10, 20_000);
        assertThat(lambda).as("λ₁ per time unit").isCloseTo(0.9056, within(0.03));
    }

    /**
     * RK4's global error falls like dt⁴: over 0.5 time units, against a 256× finer reference, halving dt from
     * 0.005 and from 0.0025 divides the error by 2⁴. Median order over 21 attractor points (single points
     * scatter 3.5–4.5 at the coarser pair; measured medians 4.011 and 4.001). Tolerance ±0.05.
     */
    @Test
    void rk4ConvergesAtFourthOrder() {
        for (double dt : new double[] {0.005, 0.0025}) {
            double order = ConvergenceOrder.median(Lorenz63PhysicsTest::model, Lorenz63.standard(), dt, 0.5, 21);
            assertThat(order).as("median order from dt = %s to %s", dt, dt / 2).isCloseTo(4.0, within(0.05));
        }
    }

    /**
     * A burn-in of 500 steps from randomState lands on the attractor, with draws independent across seeds.
     * Over 1000 seeds: (a) at most 0.5 % of the states come within 2.5 of C± in the next 200 steps (the
     * attractor keeps ≥ 2.66 away from them, measured over 10⁴ time units; a state still spiralling out of the
     * hole around C± comes closer; measured 0.04 % for this randomState, 1.8 % for a plain Gaussian over the
     * attractor's region, which this bound rejects); (b) the mean z over seeds is the climatological 23.5
     * (sampling error ~0.3; tolerance ±1.2); (c) states of consecutive seeds are as far apart as independent
     * points of the attractor (mean distance 18.0; sampling error ~0.3; bound 16), not clustered.
     */
    @Test
    void burnInFromARandomStateReachesTheAttractor() {
        Lorenz63 model = Lorenz63.standard();
        double c = Math.sqrt(model.beta() * (model.rho() - 1));
        double sumZ = 0, sumDistance = 0;
        double[] previous = null;
        int seeds = 1000, nearFocus = 0;
        for (long seed = 0; seed < seeds; seed++) {
            double[] x = model.forecast(model.randomState(new SplittableRandom(seed)), 500);
            sumZ += x[2];
            if (previous != null) {
                sumDistance += Vectors.norm(Vectors.minus(x, previous));
            }
            previous = x;
            double closest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 200; k++) {
                x = model.forecast(x, 1);
                double dz2 = (x[2] - (model.rho() - 1)) * (x[2] - (model.rho() - 1));
                double toPlus = Math.sqrt((x[0] - c) * (x[0] - c) + (x[1] - c) * (x[1] - c) + dz2);
                double toMinus = Math.sqrt((x[0] + c) * (x[0] + c) + (x[1] + c) * (x[1] + c) + dz2);
                closest = Math.min(closest, Math.min(toPlus, toMinus));
            }
            if (closest < 2.5) {
                nearFocus++;
            }
        }
        assertThat(nearFocus).as("seeds still near C± after burn-in, of %d", seeds).isLessThanOrEqualTo(5);
        assertThat(sumZ / seeds).as("mean z after burn-in over seeds").isCloseTo(23.5, within(1.2));
        assertThat(sumDistance / (seeds - 1)).as("mean distance between states of consecutive seeds")
                .isGreaterThan(16.0);
    }

    private static Lorenz63 model(double dt) {
        return new Lorenz63(Lorenz63.STANDARD_SIGMA, Lorenz63.STANDARD_RHO, Lorenz63.STANDARD_BETA, dt);
    }

    record Averages(double z, double xx, double xy) {
    }

    private static Averages averages(long seed) {
        Lorenz63 model = Lorenz63.standard();
        double[] x = model.forecast(model.randomState(new SplittableRandom(seed)), BURN_IN);
        double z = 0, xx = 0, xy = 0;
        for (int k = 0; k < STEPS; k++) {
            x = model.forecast(x, 1);
            z += x[2];
            xx += x[0] * x[0];
            xy += x[0] * x[1];
        }
        return new Averages(z / STEPS, xx / STEPS, xy / STEPS);
    }
}
