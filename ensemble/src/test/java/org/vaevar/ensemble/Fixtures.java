package org.vaevar.ensemble;

import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DiagonalObservationError;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Minimizer;
import org.vaevar.api.ObservationError;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.PluginRegistry;

/** Models, operators and contexts for the ensemble tests, from the real plugins. */
final class Fixtures {

    static final PluginRegistry PLUGINS = PluginRegistry.discover();

    private Fixtures() {
    }

    static DynamicalModel lorenz96(int n) {
        return PLUGINS.model("lorenz96", Map.of("n", n, "dt", 0.05));
    }

    static DynamicalModel lorenz63() {
        return PLUGINS.model("lorenz63", Map.of());
    }

    static ObservationOperator operator(String name, int every, int n) {
        return PLUGINS.observationOperator(name, Map.of("every", every), n);
    }

    /** R = diag(σ_j²) with σ_j between 0.7 and 1.3, so the whitening is exercised. */
    static DiagonalObservationError unequalR(int m) {
        double[] v = new double[m];
        for (int j = 0; j < m; j++) {
            double s = 0.7 + 0.6 * j / Math.max(1, m - 1);
            v[j] = s * s;
        }
        return DiagonalObservationError.ofVariances(v);
    }

    static MethodContext context(DynamicalModel model, ObservationOperator h, ObservationError r, int interval) {
        return new MethodContext() {
            @Override public DynamicalModel model() { return model; }
            @Override public ObservationOperator operator() { return h; }
            @Override public ObservationError error() { return r; }
            @Override public int interval() { return interval; }
            @Override public int window() { return 1; }
            @Override public double initialSpread() { return 1.0; }
            @Override public BackgroundPrior prior() { throw new AssertionError("an ensemble must not ask for a prior"); }
            @Override public Minimizer minimizer() { throw new AssertionError("not needed"); }
            @Override public StoppingCriteria stopping() { return StoppingCriteria.defaults(); }
            @Override public double observationWeight() { return 1.0; }
            @Override public org.vaevar.api.DifferentiableFunction variationalCost(
                    org.vaevar.api.ControlTransform t, java.util.List<double[]> y) {
                throw new AssertionError("a filter must not ask for a variational cost");
            }
        };
    }

    /** A forecast ensemble about a state of Lorenz 96 with correlated anomalies (a smoothed random field). */
    static Ensemble forecast(int size, int n, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Ensemble e = new Ensemble(size, n, m);
        for (double[] x : e.members) {
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                x[i] = 2.0 + Math.sin(i) + 0.6 * raw[i] + 0.3 * raw[(i + 1) % n] + 0.2 * raw[(i + n - 1) % n];
            }
        }
        return e;
    }

    static double[] observation(int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = 2.5 + random.nextGaussian();
        }
        return y;
    }
}
