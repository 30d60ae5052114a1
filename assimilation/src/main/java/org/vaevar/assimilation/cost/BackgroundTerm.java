package org.vaevar.assimilation.cost;

import org.vaevar.api.ControlTransform;

/**
 * Jb, the background term in control space: Jb(v) = P(v), the prior's penalty (Gaussian: ½‖v‖² with
 * x = xb + L v, i.e. ½ (x − xb)ᵀ B⁻¹ (x − xb); VAE: ½‖z‖²/τ). The prior decides what v is; this term only reads
 * its penalty.
 */
public final class BackgroundTerm {

    private final ControlTransform transform;

    public BackgroundTerm(ControlTransform transform) {
        this.transform = transform;
    }

    public double value(double[] v) {
        return transform.penalty().value(v);
    }

    /** Jb(v), writing ∇Jb(v) into {@code gradient} (overwritten). */
    public double valueAndGradient(double[] v, double[] gradient) {
        return transform.penalty().valueAndGradient(v, gradient);
    }
}
