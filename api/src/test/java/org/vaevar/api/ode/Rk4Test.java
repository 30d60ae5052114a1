package org.vaevar.api.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Rk4Test {

    /** dx/dt = −x, exact solution e^{−t}: RK4's one-step factor is the degree-4 Taylor polynomial of e^{−dt}. */
    private static final Tendency DECAY = new Tendency() {
        @Override public int dimension() { return 1; }
        @Override public void evaluate(double[] x, double[] out) { out[0] = -x[0]; }
        @Override public void tangent(double[] x, double[] dx, double[] out) { out[0] = -dx[0]; }
        @Override public void adjoint(double[] x, double[] dy, double[] out) { out[0] = -dy[0]; }
    };

    @Test
    void matchesTheRk4AmplificationFactor() {
        double dt = 0.1;
        double g = 1 - dt + dt * dt / 2 - dt * dt * dt / 6 + dt * dt * dt * dt / 24;
        double[] x = new Rk4(DECAY, dt).integrate(new double[] {1}, 10);
        assertThat(x[0]).isCloseTo(Math.pow(g, 10), within(1e-15));
        assertThat(x[0]).isCloseTo(Math.exp(-1), within(1e-6)); // fourth order: error ~ dt^4
    }

    @Test
    void tangentLinearOfALinearOdeIsTheSameFactor() {
        var lin = new Rk4(DECAY, 0.1).linearize(new double[] {3}, 10);
        assertThat(lin.apply(new double[] {1})[0]).isCloseTo(lin.value()[0] / 3, within(1e-15));
        assertThat(lin.applyAdjoint(new double[] {1})[0]).isCloseTo(lin.value()[0] / 3, within(1e-15));
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new Rk4(DECAY, 0)).hasMessageContaining("dt = 0.0");
        assertThatThrownBy(() -> new Rk4(DECAY, Double.NaN)).hasMessageContaining("dt = NaN");
        assertThatThrownBy(() -> new Rk4(DECAY, 0.1).integrate(new double[2], 1)).hasMessageContaining("2 entries");
        assertThatThrownBy(() -> new Rk4(DECAY, 0.1).integrate(new double[1], -1)).hasMessageContaining("steps = -1");
    }
}
