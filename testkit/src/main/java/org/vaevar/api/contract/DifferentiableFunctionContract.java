package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableFunction;

/**
 * The whole-function gradient check (docs/DESIGN.md §4): along random directions p, the central difference
 * (f(x+εp) − f(x−εp)) / (2ε⟨∇f, p⟩) reaches 1 within the bound at the best ε. Use it for whole 3D-Var and
 * 4D-Var costs.
 */
public abstract class DifferentiableFunctionContract {

    protected abstract DifferentiableFunction function();

    protected double[] point(SplittableRandom random, DifferentiableFunction f) {
        return DifferentiableMapContract.gaussian(random, f.dimension(), 1.0);
    }

    protected double[] direction(SplittableRandom random, DifferentiableFunction f) {
        return DifferentiableMapContract.gaussian(random, f.dimension(), 1.0);
    }

    protected Tolerances tolerances() {
        return Tolerances.standard();
    }

    protected long seed() {
        return 20240521L;
    }

    protected int trials() {
        return 3;
    }

    @Test
    protected void gradientMatchesFiniteDifferences() {
        DifferentiableFunction f = function();
        SplittableRandom random = new SplittableRandom(seed());
        for (int t = 0; t < trials(); t++) {
            var check = DerivativeChecks.gradient(f, point(random, f), direction(random, f));
            assertThat(check.bestError()).as("gradient check, trial %d%n%s", t, check.table())
                    .isLessThan(tolerances().gradient());
        }
    }

    @Test
    protected void valueAndGradientAgreeWithValue() {
        DifferentiableFunction f = function();
        double[] x = point(new SplittableRandom(seed()), f);
        double[] g = new double[f.dimension()];
        assertThat(f.valueAndGradient(x, g)).isEqualTo(f.value(x));
        assertThat(org.vaevar.api.util.Vectors.allFinite(g)).as("gradient is finite").isTrue();
    }
}
