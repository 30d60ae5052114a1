package org.vaevar.assimilation.cost;

import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.method.CostTerms;
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
 * <p>As objects: J = Jb + Σ_k Jo,k, a {@link BackgroundTerm} and one {@link ObservationTerm} per observation
 * time (OOPS's {@code CostFunction} = {@code JbTotal} + its list of {@code CostTermBase}); {@link #terms}
 * reports each ({@link CostTerms}). Timing is not done here: wrap the model, operator and transform
 * ({@link TimedComponents}).
 *
 * <p>A trial control far out (a long line-search step in 4D-Var) can make the forecast overflow; the cost is then
 * +∞ with a NaN gradient, so the line search backs off instead of the run failing.
 */
public final class StrongConstraintCost implements DifferentiableFunction {

    private final ControlTransform transform;
    private final DynamicalModel model;
    private final int interval;
    private final BackgroundTerm jb;
    private final List<ObservationTerm> jo;

    /**
     * @param weight λ, the weight of the observation term (1 for the textbook cost)
     */
    public StrongConstraintCost(ControlTransform transform, DynamicalModel model, ObservationWindow window,
                                double weight) {
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
        this.interval = window.interval();
        this.jb = new BackgroundTerm(transform);
        List<ObservationTerm> terms = new ArrayList<>(window.size());
        for (int k = 0; k < window.size(); k++) {
            terms.add(new ObservationTerm(window.operator(), window.error(), window.observation(k), weight));
        }
        this.jo = List.copyOf(terms);
    }

    public StrongConstraintCost(ControlTransform transform, DynamicalModel model, ObservationWindow window) {
        this(transform, model, window, 1.0);
    }

    @Override
    public int dimension() {
        return transform.inputDimension();
    }

    @Override
    public double value(double[] v) {
        double j = jb.value(v);
        double[] x = transform.apply(v);
        for (int k = 0; k < jo.size(); k++) {
            if (k > 0) {
                x = model.forecast(x, interval);
            }
            if (!Vectors.allFinite(x)) {
                return Double.POSITIVE_INFINITY;
            }
            j += jo.get(k).value(x);
        }
        return j;
    }

    /**
     * Jb and Jo at {@code v}, given J(v) = {@code cost} (the minimizer already computed it): Jb is evaluated, Jo
     * derived as J − Jb, so reporting the terms costs no extra forecast over the window.
     */
    public CostTerms terms(double[] v, double cost) {
        double b = jb.value(v);
        int m = 0;
        for (ObservationTerm term : jo) {
            m += term.count();
        }
        return new CostTerms(b, cost - b, m);
    }

    @Override
    public double valueAndGradient(double[] v, double[] gradient) {
        int steps = jo.size();
        double j = jb.valueAndGradient(v, gradient);
        Linearization tLin = transform.linearize(v);

        // Forward sweep: states and the adjoint forcings f_k = ∂Jo,k/∂x_k.
        Linearization[] segments = new Linearization[steps];
        double[][] forcing = new double[steps][];
        double[][] slot = new double[1][];
        double[] x = tLin.value();
        for (int k = 0; k < steps; k++) {
            if (k > 0) {
                segments[k] = model.linearize(x, interval);
                x = segments[k].value();
            }
            if (!Vectors.allFinite(x)) {
                java.util.Arrays.fill(gradient, Double.NaN);
                return Double.POSITIVE_INFINITY;
            }
            j += jo.get(k).valueAndForcing(x, slot);
            forcing[k] = slot[0];
        }

        // Backward sweep: λ_{k−1} = M'ᵀ λ_k + f_{k−1}.
        double[] lambda = forcing[steps - 1];
        for (int k = steps - 1; k > 0; k--) {
            lambda = segments[k].applyAdjoint(lambda);
            double[] f = forcing[k - 1];
            for (int i = 0; i < lambda.length; i++) {
                lambda[i] += f[i];
            }
        }

        // ∇J = ∇Jb(v) + T'(v)ᵀ λ_0.
        double[] gv = tLin.applyAdjoint(lambda);
        for (int i = 0; i < gv.length; i++) {
            gradient[i] += gv[i];
        }
        return j;
    }
}
