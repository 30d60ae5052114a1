package org.vaevar.priors.vae;

import java.util.Arrays;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.util.Checks;
import org.vaevar.priors.vae.net.LogDetJacobian;
import org.vaevar.priors.vae.net.Network;

/**
 * The VAE background term in latent space,
 *
 * <pre>
 *   P(z) = ½‖z‖²/τ                      (latentPenalty: −log N(z; 0, τI) up to a constant)
 *        + log|det ∂D/∂z|              (jacobianTerm: change of variables from z to x, ablation, off by default)
 * </pre>
 *
 * The second term makes P the negative log-density of x = T(z) (up to constants, since T = xb + σ_δ ⊙ D and
 * log|det ∂T/∂z| = Σ log σ_δ + log|det ∂D/∂z|): p_x(x) = p_z(z)/|det ∂T/∂z|. It is unbounded below where ∂D/∂z
 * turns singular, so it is guarded: where the 1-norm condition number of ∂D/∂z exceeds {@code conditionLimit}
 * the penalty is +∞ (gradient NaN), a wall a line search backs off from. This bounds the term below by roughly
 * −log(conditionLimit) per nearly-collapsed direction. {@link VaeControlTransform} refuses to start a
 * minimisation already behind the wall.
 */
public final class LatentPenalty implements DifferentiableFunction {

    private final Network decoder;
    private final double latentScale;
    private final boolean latentTerm;
    private final boolean jacobianTerm;
    private final double conditionLimit;

    /**
     * @param decoder        D as a network of z alone (conditional decoders already fixed to their background)
     * @param latentScale    τ, the variance of the latent prior N(0, τI)
     * @param latentTerm     include ½‖z‖²/τ
     * @param jacobianTerm   include log|det ∂D/∂z| (needs dim z = dim x)
     * @param conditionLimit κ₁(∂D/∂z) beyond which the penalty is +∞
     */
    public LatentPenalty(Network decoder, double latentScale, boolean latentTerm, boolean jacobianTerm,
                         double conditionLimit) {
        Checks.positive("latentScale", latentScale);
        Checks.positive("jacobianConditionLimit", conditionLimit);
        if (jacobianTerm && decoder.inputSize() != decoder.outputSize()) {
            throw new IllegalArgumentException("jacobianTerm = true needs latent dimension = state dimension; the"
                    + " decoder maps " + decoder.inputSize() + " latents to " + decoder.outputSize() + " states");
        }
        this.decoder = decoder;
        this.latentScale = latentScale;
        this.latentTerm = latentTerm;
        this.jacobianTerm = jacobianTerm;
        this.conditionLimit = conditionLimit;
    }

    @Override
    public int dimension() {
        return decoder.inputSize();
    }

    @Override
    public double value(double[] z) {
        Checks.finiteWithDimension("latent z", z, dimension());
        double p = latentTerm ? quadratic(z) : 0;
        if (jacobianTerm) {
            LogDetJacobian.Result r = LogDetJacobian.evaluate(decoder, z, false);
            if (!(r.conditionNumber() <= conditionLimit)) {
                return Double.POSITIVE_INFINITY;
            }
            p += r.logAbsDet();
        }
        return p;
    }

    @Override
    public double valueAndGradient(double[] z, double[] gradient) {
        Checks.finiteWithDimension("latent z", z, dimension());
        Checks.dimension("penalty gradient", gradient, dimension());
        double p = 0;
        if (latentTerm) {
            p = quadratic(z);
            for (int i = 0; i < z.length; i++) {
                gradient[i] = z[i] / latentScale;           // ∇ ½‖z‖²/τ = z/τ
            }
        } else {
            Arrays.fill(gradient, 0);
        }
        if (jacobianTerm) {
            LogDetJacobian.Result r = LogDetJacobian.evaluate(decoder, z, true);
            if (!(r.conditionNumber() <= conditionLimit)) {
                Arrays.fill(gradient, Double.NaN);
                return Double.POSITIVE_INFINITY;
            }
            p += r.logAbsDet();
            double[] g = r.gradient();                      // ∇ log|det J| = (tr(J⁻¹ ∂J/∂z_k))_k
            for (int i = 0; i < g.length; i++) {
                gradient[i] += g[i];
            }
        }
        return p;
    }

    /** The condition number κ₁(∂D/∂z) at z (diagnostics; ∞ when singular). */
    public double jacobianCondition(double[] z) {
        return LogDetJacobian.evaluate(decoder, z, false).conditionNumber();
    }

    public boolean jacobianTerm() {
        return jacobianTerm;
    }

    public double conditionLimit() {
        return conditionLimit;
    }

    private double quadratic(double[] z) {
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return 0.5 * s / latentScale;
    }
}
