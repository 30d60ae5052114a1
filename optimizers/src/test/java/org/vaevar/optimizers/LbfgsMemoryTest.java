package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsMemoryTest {

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[] times(double[][] a, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }

    /** A = QᵀQ + I, SPD. */
    private static double[][] spd(Random r, int n) {
        double[][] q = new double[n][n];
        for (double[] row : q) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[k][i] * q[k][j];
                }
            }
            a[i][i] += 1;
        }
        return a;
    }

    @Test
    void emptyMemoryGivesSteepestDescent() {
        LbfgsMemory memory = new LbfgsMemory(5, 3);
        double[] d = new double[3];
        memory.direction(new double[] {1, -2, 3}, d);
        assertThat(d).containsExactly(-1, 2, -3);
    }

    @Test
    void satisfiesTheSecantEquationForTheNewestPair() {
        // Every BFGS update enforces H y_k = s_k for its pair; so −direction(y_newest) must equal s_newest.
        int n = 6;
        Random r = new Random(7);
        double[][] a = spd(r, n);
        for (int m : new int[] {1, 3, 10}) {
            LbfgsMemory memory = new LbfgsMemory(m, n);
            double[] x0 = random(r, n);
            double[] g0 = times(a, x0);
            double[] s = null;
            double[] y = null;
            for (int k = 0; k < 8; k++) {
                double[] x1 = random(r, n);
                double[] g1 = times(a, x1); // gradient of ½ xᵀAx: y = A s, so sᵀy > 0
                assertThat(memory.update(x0, x1, g0, g1)).isTrue();
                s = new double[n];
                y = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = x1[i] - x0[i];
                    y[i] = g1[i] - g0[i];
                }
                x0 = x1;
                g0 = g1;
            }
            assertThat(memory.size()).isEqualTo(Math.min(m, 8));
            double[] d = new double[n];
            memory.direction(y, d);
            for (int i = 0; i < n; i++) {
                assertThat(-d[i]).as("m = %d, i = %d", m, i).isCloseTo(s[i], within(1e-10 * (1 + Math.abs(s[i]))));
            }
        }
    }

    @Test
    void recoversTheInverseHessianOfAQuadraticFromNIndependentPairs() {
        // BFGS's hereditary property: with A-conjugate steps s_k and y_k = A s_k every update keeps H y_j = s_j
        // for the earlier pairs, so n such pairs give H = A⁻¹ whatever H0 = γI is.
        int n = 4;
        double[][] a = {{4, 1, 0, 0}, {1, 3, 1, 0}, {0, 1, 2, 0.5}, {0, 0, 0.5, 1}};
        double[][] conj = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] v = new double[n];
            v[k] = 1;
            for (int j = 0; j < k; j++) { // Gram–Schmidt in the A inner product
                double[] av = times(a, conj[j]);
                double num = 0;
                double den = 0;
                for (int i = 0; i < n; i++) {
                    num += v[i] * av[i];
                    den += conj[j][i] * av[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= num / den * conj[j][i];
                }
            }
            conj[k] = v;
        }
        LbfgsMemory memory = new LbfgsMemory(n, n);
        double[] zero = new double[n];
        for (double[] s : conj) {
            assertThat(memory.update(zero, s, zero, times(a, s))).isTrue();
        }
        // −direction(A v) must be v for any v.
        double[] v = {0.3, -1.2, 2.0, 0.7};
        double[] d = new double[n];
        memory.direction(times(a, v), d);
        for (int i = 0; i < n; i++) {
            assertThat(-d[i]).isCloseTo(v[i], within(1e-12));
        }
    }

    @Test
    void skipsAPairWithoutPositiveCurvatureAndKeepsTheStoredOnes() {
        int n = 3;
        LbfgsMemory memory = new LbfgsMemory(1, n);
        double[] zero = new double[n];
        assertThat(memory.update(zero, new double[] {1, 0, 0}, zero, new double[] {2, 0, 0})).isTrue();
        double[] g = {1, 1, 1};
        double[] before = new double[n];
        memory.direction(g, before);
        // sᵀy < 0: refused; the memory is full (m = 1), so a careless write would have overwritten the pair.
        assertThat(memory.update(zero, new double[] {0, 1, 0}, zero, new double[] {0, -1, 0})).isFalse();
        // sᵀy = 1e-12 ‖s‖‖y‖ > 0 but below ε = 1e-10: refused too.
        assertThat(memory.update(zero, new double[] {1, 0, 0}, zero, new double[] {1e-12, 1, 0})).isFalse();
        double[] after = new double[n];
        memory.direction(g, after);
        assertThat(after).containsExactly(before);
        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void scalesTheInitialHessianBySTyOverYTy() {
        // One pair with y = 4 s: H = γ (I − ρ y sᵀ)(I − ρ s yᵀ) + ρ s sᵀ with γ = 1/4; on a g ⟂ s, H g = g / 4.
        LbfgsMemory memory = new LbfgsMemory(3, 2);
        double[] zero = new double[2];
        memory.update(zero, new double[] {1, 0}, zero, new double[] {4, 0});
        double[] d = new double[2];
        memory.direction(new double[] {0, 1}, d);
        assertThat(d[0]).isCloseTo(0, within(1e-15));
        assertThat(d[1]).isCloseTo(-0.25, within(1e-15));
    }
}
