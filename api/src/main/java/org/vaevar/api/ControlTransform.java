package org.vaevar.api;

/**
 * v ↦ x0 = T(v; xb) for one fixed background xb, with the penalty P(v) of the background term.
 * As a {@link DifferentiableMap} its input is the control v and its output the state x0.
 */
public interface ControlTransform extends DifferentiableMap {

    /** The background xb this transform was built for. Do not modify. */
    double[] background();

    /** Where the minimisation starts (v = 0 for the Gaussian; 0 or the encoder mean for the VAE). */
    double[] initialControl();

    /** P(v) and its gradient. */
    DifferentiableFunction penalty();
}
