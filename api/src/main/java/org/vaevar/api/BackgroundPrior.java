package org.vaevar.api;

import java.util.Map;

/**
 * The background term of a variational cost, written as a control-variable transform plus a penalty.
 *
 * <p>Given the background xb of a cycle, {@link #at} returns the transform v ↦ x0 = T(v; xb) and the penalty
 * P(v). The cost is J(v) = P(v) + J_o(T(v; xb)); the minimizer sees only v and never knows which prior it has.
 * <ul>
 *   <li>Gaussian: T(v) = xb + L v with L Lᵀ = B, P(v) = ½‖v‖²;</li>
 *   <li>VAE: T(z) = xb + σ_δ ⊙ D(z; xb), P(z) = ½‖z‖²/τ (+ optional log|det ∂T/∂z| term: −log p(x) = −log p(z) + log|det ∂x/∂z|).</li>
 * </ul>
 */
public interface BackgroundPrior {

    String name();

    /** n, the dimension of x. */
    int stateDimension();

    /** The dimension of v. */
    int controlDimension();

    /** The transform and penalty for one background xb (conditional priors may depend on xb). */
    ControlTransform at(double[] background);

    /**
     * What a run summary should record about this prior (e.g. the model file, training losses and seconds, the
     * chosen covariance). JSON-friendly values: numbers, strings, booleans, lists and maps of those.
     */
    default Map<String, Object> describe() {
        return Map.of();
    }
}
