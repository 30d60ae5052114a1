package org.vaevar.ensemble;

import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.Linearization;

/**
 * The hybrid ensemble–variational control transform (Lorenc 2003, Buehner 2005) in the extended control variable
 * u = (v, α_1 … α_N):
 * <pre>
 *   x = xb + √(1−β) (T_s(v) − xb) + √β Σ_k x'_k ∘ (C^{1/2} α_k),    x'_k = A_k / √(N−1)
 *   P(u) = P_s(v) + ½ Σ_k ‖α_k‖²
 * </pre>
 * with T_s, P_s the static prior's transform and penalty (Gaussian: T_s(v) = xb + L v, P_s = ½‖v‖², so the
 * implied background covariance is B = (1−β) B_s + β (P_e ∘ C), P_e = Σ_k x'_k x'_kᵀ). Without localisation
 * (C = 1 1ᵀ) each α_k is a scalar: x'_k α_k. The tangent-linear and adjoint follow term by term; C^{1/2} is
 * symmetric, so the adjoint of α_k ↦ x'_k ∘ (C^{1/2} α_k) is dy ↦ C^{1/2} (x'_k ∘ dy).
 *
 * <p>At β = 0 the static transform is used as it is (no rescaling about xb) and the ensemble term adds exact
 * zeros, so the result equals the static prior's to the bit.
 */
final class HybridControlTransform implements ControlTransform {

    private final ControlTransform staticPart;
    private final double staticScale;
    private final double ensembleScale;
    private final double[][] perturbations;
    private final LocalisationRoot localisation;
    private final int staticControls;
    private final int perMember;
    private final int n;
    private final double[] initial;

    /**
     * @param staticPart   T_s about this cycle's background
     * @param beta         β ∈ [0, 1], the weight of the ensemble covariance
     * @param anomalies    A_k = x_k − x̄ of the N forecast members (copied)
     * @param localisation C^{1/2}, or {@code null} for none
     */
    HybridControlTransform(ControlTransform staticPart, double beta, double[][] anomalies,
                           LocalisationRoot localisation) {
        this.staticPart = staticPart;
        this.staticScale = Math.sqrt(1.0 - beta);
        this.ensembleScale = Math.sqrt(beta / (anomalies.length - 1.0));
        this.n = staticPart.outputDimension();
        this.perturbations = new double[anomalies.length][];
        for (int k = 0; k < anomalies.length; k++) {
            perturbations[k] = anomalies[k].clone();
        }
        this.localisation = localisation;
        this.staticControls = staticPart.inputDimension();
        this.perMember = localisation == null ? 1 : localisation.dimension();
        this.initial = new double[staticControls + anomalies.length * perMember];
        System.arraycopy(staticPart.initialControl(), 0, initial, 0, staticControls);
    }

    @Override
    public int inputDimension() {
        return initial.length;
    }

    @Override
    public int outputDimension() {
        return n;
    }

    @Override
    public double[] background() {
        return staticPart.background();
    }

    @Override
    public double[] initialControl() {
        return initial.clone();
    }

    @Override
    public double[] apply(double[] u) {
        double[] x = staticPart.apply(staticControls(u));
        rescaleStatic(x);
        addEnsemble(u, x);
        return x;
    }

    @Override
    public Linearization linearize(double[] u) {
        Linearization s = staticPart.linearize(staticControls(u));
        double[] x = s.value().clone();
        rescaleStatic(x);
        addEnsemble(u, x);
        return new Linearization() {
            @Override public double[] value() { return x; }

            @Override public int inputDimension() { return initial.length; }

            @Override public int outputDimension() { return n; }

            @Override
            public double[] apply(double[] du) {
                double[] dx = s.apply(staticControls(du));
                if (staticScale != 1.0) {
                    for (int i = 0; i < n; i++) {
                        dx[i] *= staticScale;
                    }
                }
                addEnsemble(du, dx);
                return dx;
            }

            @Override
            public double[] applyAdjoint(double[] dy) {
                double[] du = new double[initial.length];
                double[] dv = s.applyAdjoint(dy);
                for (int i = 0; i < staticControls; i++) {
                    du[i] = staticScale * dv[i];
                }
                ensembleAdjoint(dy, du);
                return du;
            }
        };
    }

    @Override
    public DifferentiableFunction penalty() {
        DifferentiableFunction ps = staticPart.penalty();
        return new DifferentiableFunction() {
            @Override public int dimension() { return initial.length; }

            @Override
            public double value(double[] u) {
                double p = ps.value(staticControls(u));
                for (int i = staticControls; i < u.length; i++) {
                    p += 0.5 * u[i] * u[i];
                }
                return p;
            }

            @Override
            public double valueAndGradient(double[] u, double[] gradient) {
                double[] gs = new double[staticControls];
                double p = ps.valueAndGradient(staticControls(u), gs);
                System.arraycopy(gs, 0, gradient, 0, staticControls);
                for (int i = staticControls; i < u.length; i++) {
                    p += 0.5 * u[i] * u[i];
                    gradient[i] = u[i];
                }
                return p;
            }
        };
    }

    private double[] staticControls(double[] u) {
        return java.util.Arrays.copyOf(u, staticControls);
    }

    /** x ← xb + √(1−β)(x − xb); nothing at β = 0, so the static transform's value is kept to the bit. */
    private void rescaleStatic(double[] x) {
        if (staticScale != 1.0) {
            double[] xb = staticPart.background();
            for (int i = 0; i < n; i++) {
                x[i] = xb[i] + staticScale * (x[i] - xb[i]);
            }
        }
    }

    /** x += √β/√(N−1) Σ_k A_k ∘ (C^{1/2} α_k), α_k read from u (linear in α, so also the tangent-linear). */
    private void addEnsemble(double[] u, double[] x) {
        double[] c = localisation == null ? null : new double[n];
        for (int k = 0; k < perturbations.length; k++) {
            double[] a = perturbations[k];
            int offset = staticControls + k * perMember;
            if (c == null) {
                double alpha = ensembleScale * u[offset];
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * a[i];
                }
            } else {
                localisation.apply(u, offset, c);
                for (int i = 0; i < n; i++) {
                    x[i] += ensembleScale * a[i] * c[i];
                }
            }
        }
    }

    /** du_α_k = √β/√(N−1) C^{1/2} (A_k ∘ dy) (or A_k · dy without localisation). */
    private void ensembleAdjoint(double[] dy, double[] du) {
        double[] w = new double[n];
        double[] c = localisation == null ? null : new double[n];
        for (int k = 0; k < perturbations.length; k++) {
            double[] a = perturbations[k];
            int offset = staticControls + k * perMember;
            if (c == null) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += a[i] * dy[i];
                }
                du[offset] = ensembleScale * sum;
            } else {
                for (int i = 0; i < n; i++) {
                    w[i] = ensembleScale * a[i] * dy[i];
                }
                localisation.apply(w, 0, c);
                System.arraycopy(c, 0, du, offset, n);
            }
        }
    }
}
