package org.vaevar.assimilation.cost;

import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.util.Checks;
import org.vaevar.api.util.Vectors;

/**
 * The strong-constraint variational cost of one window, in control space:
 *
 * <pre>
 *   J(v) = P(v) + λ Σ_j ½ (y_j − H(x_j))ᵀ R⁻¹ (y_j − H(x_j)),   x_0 = T(v; xb),  x_j = M_{j−1→j}(x_{j−1})
 * </pre>
 *
 * and its gradient by one backward sweep of the adjoints (no finite differences):
 *
 * <pre>
 *   λ_{K−1} = f_{K−1},  λ_{j−1} = M'ᵀ_{j−1→j} λ_j + f_{j−1},  f_j = λ H'ᵀ_j R⁻¹ (H(x_j) − y_j)
 *   ∇J = ∇P(v) + T'(v)ᵀ λ_0
 * </pre>
 *
 * With one observation time (K = 1) this is 3D-Var; the prior decides what v is (Gaussian: x = xb + L v; VAE:
 * x = xb + σ ⊙ D(z)).
 *
 * <p>A trial control far out (a long line-search step in 4D-Var) can make the forecast overflow; the cost is then
 * +∞ with a NaN gradient, so the line search backs off instead of the run failing.
 */
public final class StrongConstraintCost implements DifferentiableFunction {

    private final ControlTransform transform;
    private final DynamicalModel model;
    private final ObservationWindow window;
    private final double weight;
    private final CostTimer timer;

    /**
     * @param weight λ, the weight of the observation term (1 for the textbook cost)
     */
    public StrongConstraintCost(ControlTransform transform, DynamicalModel model, ObservationWindow window,
                                double weight, CostTimer timer) {
        if (transform.outputDimension() != model.dimension()) {
            throw new IllegalArgumentException("prior gives states of dimension " + transform.outputDimension()
                    + " but model " + model.name() + " has " + model.dimension());
        }
        if (window.operator().stateDimension() != model.dimension()) {
            throw new IllegalArgumentException("observation operator expects states of dimension "
                    + window.operator().stateDimension() + " but model " + model.name() + " has " + model.dimension());
        }
        Checks.positive("observation weight", weight);
        this.transform = transform;
        this.model = model;
        this.window = window;
        this.weight = weight;
        this.timer = timer == null ? new CostTimer() : timer;
    }

    public StrongConstraintCost(ControlTransform transform, DynamicalModel model, ObservationWindow window) {
        this(transform, model, window, 1.0, null);
    }

    @Override
    public int dimension() {
        return transform.inputDimension();
    }

    @Override
    public double value(double[] v) {
        long t0 = System.nanoTime();
        double j = transform.penalty().value(v);
        double[] x = transform.apply(v);
        long t1 = System.nanoTime();
        timer.priorNanos += t1 - t0;
        ObservationOperator h = window.operator();
        for (int k = 0; k < window.size(); k++) {
            if (k > 0) {
                long m0 = System.nanoTime();
                x = model.forecast(x, window.interval());
                timer.modelNanos += System.nanoTime() - m0;
            }
            if (!Vectors.allFinite(x)) {
                return Double.POSITIVE_INFINITY;
            }
            long o0 = System.nanoTime();
            j += weight * window.error().halfMahalanobis(misfit(h.apply(x), window.observation(k)));
            timer.observationNanos += System.nanoTime() - o0;
        }
        return j;
    }

    @Override
    public double valueAndGradient(double[] v, double[] gradient) {
        int steps = window.size();
        ObservationOperator h = window.operator();

        long t0 = System.nanoTime();
        double j = transform.penalty().valueAndGradient(v, gradient);
        Linearization tLin = transform.linearize(v);
        timer.priorNanos += System.nanoTime() - t0;

        // Forward sweep: states, misfits and the adjoint forcings f_k = λ H'ᵀ R⁻¹ (H(x_k) − y_k).
        Linearization[] segments = new Linearization[steps];
        double[][] forcing = new double[steps][];
        double[] x = tLin.value();
        for (int k = 0; k < steps; k++) {
            if (k > 0) {
                long m0 = System.nanoTime();
                segments[k] = model.linearize(x, window.interval());
                x = segments[k].value();
                timer.modelNanos += System.nanoTime() - m0;
            }
            if (!Vectors.allFinite(x)) {
                java.util.Arrays.fill(gradient, Double.NaN);
                return Double.POSITIVE_INFINITY;
            }
            long o0 = System.nanoTime();
            Linearization hLin = h.linearize(x);
            double[] d = misfit(hLin.value(), window.observation(k));
            j += weight * window.error().halfMahalanobis(d);
            double[] rInvD = window.error().applyInverse(d);
            for (int i = 0; i < rInvD.length; i++) {
                rInvD[i] *= weight;
            }
            forcing[k] = hLin.applyAdjoint(rInvD);
            timer.observationNanos += System.nanoTime() - o0;
        }

        // Backward sweep: λ_{k−1} = M'ᵀ λ_k + f_{k−1}.
        long a0 = System.nanoTime();
        double[] lambda = forcing[steps - 1];
        for (int k = steps - 1; k > 0; k--) {
            lambda = segments[k].applyAdjoint(lambda);
            double[] f = forcing[k - 1];
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] += f[i];
            }
        }
        timer.adjointNanos += System.nanoTime() - a0;

        long p0 = System.nanoTime();
        double[] gv = tLin.applyAdjoint(lambda);
        for (int i = 0; i < gv.length; i++) {
            gradient[i] += gv[i];
        }
        timer.priorNanos += System.nanoTime() - p0;
        return j;
    }

    /** H(x) − y. */
    private static double[] misfit(double[] hx, double[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = hx[i] - y[i];
        }
        return d;
    }
}
