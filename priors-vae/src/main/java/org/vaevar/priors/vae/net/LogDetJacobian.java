package org.vaevar.priors.vae.net;

import java.util.List;
import org.vaevar.api.util.Checks;

/**
 * log|det J(z)| of a square network D: Rⁿ → Rⁿ, J = ∂D/∂z, with its exact gradient
 *
 * <pre>
 *   ∂/∂z_k log|det J| = tr(J⁻¹ ∂J/∂z_k) = Σ_ij G_ij ∂²D_i/∂z_j∂z_k,   G = J⁻ᵀ,
 * </pre>
 *
 * i.e. the gradient of Σ_j ⟨g_j, J(z) e_j⟩ with the columns g_j of G held fixed: a second-order adjoint of
 * the network. Cost: n tangent-linear passes (they also give J, column by column), an LU of J, n adjoint
 * passes of the tangent-linear (one per g_j) and one adjoint pass of the accumulated second-order sources.
 *
 * <p>For each layer a_l = A_l h_{l−1} + b_l, h_l = f(a_l), with ȧ_l the tangent of a_l along e_j and λ_l the
 * adjoint of ḣ_l seeded with g_j, the reverse sweep of the tangent-linear pass gives the source
 * S_l = Σ_j f''(a_l) ⊙ ȧ_l⁽ʲ⁾ ⊙ λ_l⁽ʲ⁾, and the gradient is μ_0 from μ_{l−1} = A_lᵀ (f'(a_l) ⊙ μ_l + S_l),
 * μ_L = 0.
 */
public final class LogDetJacobian {

    /**
     * @param logAbsDet       log|det J| (−∞ when J is exactly singular)
     * @param conditionNumber κ₁(J) = ‖J‖₁‖J⁻¹‖₁ (∞ when singular)
     * @param gradient        ∇_z log|det J|, or null when not requested or J is singular
     */
    public record Result(double logAbsDet, double conditionNumber, double[] gradient) {
    }

    private LogDetJacobian() {
    }

    /** The Jacobian J = ∂D/∂z as rows, from n tangent-linear passes. */
    public static double[][] jacobian(Network network, double[] z) {
        NetworkTape tape = network.linearize(z);
        int n = network.inputSize();
        int m = network.outputSize();
        double[][] jac = new double[m][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] col = tape.apply(e);
            e[j] = 0;
            for (int i = 0; i < m; i++) {
                jac[i][j] = col[i];
            }
        }
        return jac;
    }

    public static Result evaluate(Network network, double[] z, boolean withGradient) {
        int n = network.inputSize();
        if (network.outputSize() != n) {
            throw new IllegalArgumentException("log|det ∂D/∂z| needs a square decoder: latent dimension " + n
                    + " but state dimension " + network.outputSize());
        }
        Checks.finiteWithDimension("latent z", z, n);
        NetworkTape tape = network.tape(z, true);
        int depth = network.layers().size();

        // J column by column, keeping the pre-activation tangents ȧ_l⁽ʲ⁾ for the second-order sweep.
        double[][][] pre = new double[n][depth][];
        double[][] jac = new double[n][n];
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            double[] col = tape.tangent(e, pre[j]);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                jac[i][j] = col[i];
            }
        }
        DenseLu lu = new DenseLu(jac);
        if (lu.singular()) {
            return new Result(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
        }
        double[][] inv = lu.inverse();
        double cond = lu.conditionNumber(inv);
        double logDet = lu.logAbsDet();
        if (!withGradient) {
            return new Result(logDet, cond, null);
        }

        List<Layer> layers = network.layers();
        double[][] source = new double[depth][];
        for (int l = 0; l < depth; l++) {
            source[l] = new double[layers.get(l).weights().outputSize()];
        }
        for (int j = 0; j < n; j++) {
            // λ_L = g_j = column j of J⁻ᵀ = row j of J⁻¹.
            double[] lambda = inv[j].clone();
            for (int l = depth - 1; l >= 0; l--) {
                double[] d1 = tape.df[l];
                double[] d2 = tape.d2f[l];
                double[] adot = pre[j][l];
                double[] s = source[l];
                double[] scaled = new double[lambda.length];
                for (int i = 0; i < lambda.length; i++) {
                    s[i] += d2[i] * adot[i] * lambda[i];   // ∂(f'(a)⊙ȧ)/∂a contracted with λ
                    scaled[i] = d1[i] * lambda[i];
                }
                if (l > 0) {
                    double[] prev = new double[layers.get(l).weights().inputSize()];
                    layers.get(l).weights().applyTranspose(scaled, prev);
                    lambda = prev;
                }
            }
        }
        double[] mu = new double[n == 0 ? 0 : layers.get(depth - 1).weights().outputSize()];
        for (int l = depth - 1; l >= 0; l--) {
            double[] d1 = tape.df[l];
            double[] s = source[l];
            double[] muA = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                muA[i] = d1[i] * mu[i] + s[i];
            }
            double[] prev = new double[layers.get(l).weights().inputSize()];
            layers.get(l).weights().applyTranspose(muA, prev);
            mu = prev;
        }
        return new Result(logDet, cond, mu);
    }
}
