package org.vaevar.api.ode;

import java.util.random.RandomGenerator;

/**
 * A small nonlinear ODE for the api's own tests: coupled damped pendulums
 * dθ_i/dt = ω_i, dω_i/dt = −sin θ_i − 0.1 ω_i + 0.5 (θ_{i+1} − θ_i) on a ring.
 */
final class DampedPendulumModel extends OdeModel {

    DampedPendulumModel(int pendulums, double dt) {
        super(new Tendency() {
            private final int m = pendulums;

            @Override public int dimension() { return 2 * m; }

            @Override
            public void evaluate(double[] x, double[] out) {
                for (int i = 0; i < m; i++) {
                    int j = (i + 1) % m;
                    out[i] = x[m + i];
                    out[m + i] = -Math.sin(x[i]) - 0.1 * x[m + i] + 0.5 * (x[j] - x[i]);
                }
            }

            @Override
            public void tangent(double[] x, double[] dx, double[] out) {
                for (int i = 0; i < m; i++) {
                    int j = (i + 1) % m;
                    out[i] = dx[m + i];
                    out[m + i] = -Math.cos(x[i]) * dx[i] - 0.1 * dx[m + i] + 0.5 * (dx[j] - dx[i]);
                }
            }

            @Override
            public void adjoint(double[] x, double[] dy, double[] out) {
                java.util.Arrays.fill(out, 0);
                for (int i = 0; i < m; i++) {
                    int j = (i + 1) % m;
                    out[m + i] += dy[i];
                    out[i] += (-Math.cos(x[i]) - 0.5) * dy[m + i];
                    out[m + i] += -0.1 * dy[m + i];
                    out[j] += 0.5 * dy[m + i];
                }
            }
        }, dt);
    }

    @Override
    public String name() {
        return "pendulums";
    }

    @Override
    public double[] randomState(RandomGenerator random) {
        double[] x = new double[dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * random.nextGaussian();
        }
        return x;
    }
}
