package org.vaevar.priors.vae;

import java.util.Locale;
import org.vaevar.api.util.Checks;

/**
 * How a trained VAE is used as a prior (not how it was trained).
 *
 * @param latentScale            τ: the latent prior is N(0, τI); tuned like the Gaussian's inflation
 * @param latentPenalty          include ½‖z‖²/τ in the penalty
 * @param jacobianTerm           include log|det ∂D/∂z| (ablation; needs dim z = dim x)
 * @param jacobianConditionLimit κ₁(∂D/∂z) beyond which the Jacobian term is +∞ (see {@link LatentPenalty})
 * @param start                  where each minimisation starts
 */
public record VaePriorOptions(double latentScale, boolean latentPenalty, boolean jacobianTerm,
                              double jacobianConditionLimit, Start start) {

    /** Where the minimisation starts. */
    public enum Start {
        /** z = 0, the mode of the latent prior: x0 = xb + σ_δ ⊙ D(0; xb). */
        ZERO,
        /**
         * z = μ(δ = 0; xb), the encoder mean of a zero correction: the latent code of "the analysis equals the
         * background", so x0 ≈ xb as in classical 3DVar. For an unconditional encoder this is one fixed vector.
         */
        ENCODER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Start parse(String s) {
            for (Start v : values()) {
                if (v.id().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("start = " + s + ": unknown; known: zero, encoder");
        }
    }

    public VaePriorOptions {
        Checks.positive("latentScale", latentScale);
        Checks.positive("jacobianConditionLimit", jacobianConditionLimit);
        if (start == null) {
            throw new IllegalArgumentException("start is missing (null); known: zero, encoder");
        }
    }

    /** τ = 1, latent penalty on, Jacobian term off (limit 1e6), start at z = 0. */
    public static VaePriorOptions defaults() {
        return new VaePriorOptions(1.0, true, false, 1e6, Start.ZERO);
    }

    public VaePriorOptions withLatentScale(double tau) {
        return new VaePriorOptions(tau, latentPenalty, jacobianTerm, jacobianConditionLimit, start);
    }

    public VaePriorOptions withJacobianTerm(boolean on) {
        return new VaePriorOptions(latentScale, latentPenalty, on, jacobianConditionLimit, start);
    }

    public VaePriorOptions withLatentPenalty(boolean on) {
        return new VaePriorOptions(latentScale, on, jacobianTerm, jacobianConditionLimit, start);
    }

    public VaePriorOptions withStart(Start s) {
        return new VaePriorOptions(latentScale, latentPenalty, jacobianTerm, jacobianConditionLimit, s);
    }
}
