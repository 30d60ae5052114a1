package org.vaevar.models.lorenz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Linearization;
import org.vaevar.api.contract.DerivativeChecks;
import org.vaevar.api.contract.DifferentiableMapContract;

/**
 * The Lorenz 63 tendency against independent statements of the same mathematics: its three fixed points, the
 * Jacobian from central differences (exact for a quadratic up to rounding), tangent and adjoint as transposes
 * entry by entry, and the exact symmetry (x, y, z) → (−x, −y, z).
 */
class Lorenz63TendencyTest {

    private static final double SIGMA = 10, RHO = 28, BETA = 8.0 / 3.0;
    private final Lorenz63Tendency f = new Lorenz63Tendency(SIGMA, RHO, BETA);

    /** The origin and C± = (±√(β(ρ−1)), ±√(β(ρ−1)), ρ − 1) are fixed points. */
    @Test
    void fixedPointsAreStationary() {
        double c = Math.sqrt(BETA * (RHO - 1));
        double[] out = new double[3];
        for (double[] p : new double[][] {{0, 0, 0}, {c, c, RHO - 1}, {-c, -c, RHO - 1}}) {
            f.evaluate(p, out);
            // |f| at C± is rounding in x y − β z ≈ 72 − 72: a few ulps of 72.
            for (double v : out) {
                assertThat(v).isCloseTo(0.0, within(1e-13));
            }
        }
    }

    /** f is quadratic, so the central difference equals J d up to rounding only (~1e-16 |f| / h). */
    @Test
    void tangentEqualsTheCentralDifferenceOfAQuadratic() {
        SplittableRandom random = new SplittableRandom(63);
        for (int t = 0; t < 20; t++) {
            double[] x = {8 * random.nextGaussian(), 9 * random.nextGaussian(), 23.5 + 8.6 * random.nextGaussian()};
            double[] d = DifferentiableMapContract.gaussian(random, 3, 1.0);
            double h = 1e-2;
            double[] up = new double[3], down = new double[3], tl = new double[3], fd = new double[3];
            f.evaluate(new double[] {x[0] + h * d[0], x[1] + h * d[1], x[2] + h * d[2]}, up);
            f.evaluate(new double[] {x[0] - h * d[0], x[1] - h * d[1], x[2] - h * d[2]}, down);
            f.tangent(x, d, tl);
            for (int i = 0; i < 3; i++) {
                fd[i] = (up[i] - down[i]) / (2 * h);
            }
            assertThat(DerivativeChecks.relativeDistance(tl, fd)).isLessThan(1e-12);
        }
    }

    /** adjoint(e_i)_j = J_ij = tangent(e_j)_i for every entry, at several points. */
    @Test
    void adjointIsTheTransposeEntryByEntry() {
        SplittableRandom random = new SplittableRandom(1963);
        for (int t = 0; t < 10; t++) {
            double[] x = DifferentiableMapContract.gaussian(random, 3, 10.0);
            double[][] byTangent = new double[3][3], byAdjoint = new double[3][3];
            for (int k = 0; k < 3; k++) {
                double[] e = new double[3];
                e[k] = 1;
                double[] col = new double[3], row = new double[3];
                f.tangent(x, e, col);
                f.adjoint(x, e, row);
                for (int i = 0; i < 3; i++) {
                    byTangent[i][k] = col[i];
                    byAdjoint[k][i] = row[i];
                }
            }
            double[][] expected = {
                {-SIGMA, SIGMA, 0},
                {RHO - x[2], -1, -x[0]},
                {x[1], x[0], -BETA}};
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    assertThat(byTangent[i][k]).as("J_%d%d by tangent", i, k).isCloseTo(expected[i][k], within(0.0));
                    assertThat(byAdjoint[i][k]).as("J_%d%d by adjoint", i, k).isCloseTo(expected[i][k], within(0.0));
                }
            }
        }
    }

    /**
     * (x, y, z) → (−x, −y, z) maps solutions to solutions, and in IEEE arithmetic exactly (negation commutes
     * with every operation used): the forecast, tangent-linear and adjoint are equivariant bit for bit.
     */
    @Test
    void mirrorSymmetryIsExact() {
        Lorenz63 model = Lorenz63.standard();
        SplittableRandom random = new SplittableRandom(28);
        double[] x = model.forecast(model.randomState(random), 500);
        double[] dx = DifferentiableMapContract.gaussian(random, 3, 1.0);
        double[] dy = DifferentiableMapContract.gaussian(random, 3, 1.0);
        Linearization lin = model.linearize(x, 300);
        Linearization mirrored = model.linearize(mirror(x), 300);
        assertThat(mirrored.value()).containsExactly(mirror(lin.value()));
        assertThat(mirrored.apply(mirror(dx))).containsExactly(mirror(lin.apply(dx)));
        assertThat(mirrored.applyAdjoint(mirror(dy))).containsExactly(mirror(lin.applyAdjoint(dy)));
    }

    private static double[] mirror(double[] v) {
        return new double[] {-v[0], -v[1], v[2]};
    }
}
