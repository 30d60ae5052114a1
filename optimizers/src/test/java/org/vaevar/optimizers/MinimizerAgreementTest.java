package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.contract.MinimizerContract;

/** Both minimizers, same problem, same start, same stopping criteria: the same minimum. */
class MinimizerAgreementTest {

    @Test
    void bothReachTheSameMinimumOfA50DimensionalRosenbrock() {
        int n = 50;
        DifferentiableFunction f = MinimizerContract.rosenbrock(n);
        double[] start = TestProblems.rosenbrockStart(n);
        StoppingCriteria stopping = new StoppingCriteria(20_000, 100_000, 1e-12, 0);
        MinimizationResult lbfgs = Lbfgs.withDefaults().minimize(f, start, stopping);
        MinimizationResult cg = CommonsMathConjugateGradient.withDefaults().minimize(f, start, stopping);
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        assertThat(lbfgs.reason().converged()).as("lbfgs: %s", lbfgs.reason()).isTrue();
        assertThat(cg.reason().converged()).as("cg: %s", cg.reason()).isTrue();
        // The chained Rosenbrock has a second, local minimum near x1 = −1 for n ≥ 4: both must find the global one.
        assertThat(TestProblems.maxAbsDifference(lbfgs.argmin(), ones)).isLessThan(1e-8);
        assertThat(TestProblems.maxAbsDifference(cg.argmin(), ones)).isLessThan(1e-8);
        assertThat(TestProblems.maxAbsDifference(lbfgs.argmin(), cg.argmin())).isLessThan(1e-8);
        assertThat(lbfgs.value()).isLessThan(1e-16);
        assertThat(cg.value()).isLessThan(1e-16);
    }
}
