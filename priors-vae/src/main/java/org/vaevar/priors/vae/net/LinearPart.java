package org.vaevar.priors.vae.net;

/**
 * The weight part y = A x of one network layer (the bias and activation live in {@link Layer}), with its
 * transpose. Inputs and outputs are flat vectors laid out as grid point × channel (index i·channels + c); a dense
 * layer is the special case of one grid point.
 */
public interface LinearPart {

    int inputSize();

    int outputSize();

    /** y = A x (overwrites y). */
    void apply(double[] x, double[] y);

    /** x = Aᵀ y (overwrites x). */
    void applyTranspose(double[] y, double[] x);

    /** Input channels per grid point (features for a dense layer). */
    int inputChannels();

    /**
     * Splits A by input channels: A x = A₁ x₁ + A₂ x₂ with x₁ the first {@code first} channels of every grid
     * point and x₂ the rest. Used to fold a fixed conditioning input (the background) into a layer's bias.
     */
    LinearPart[] splitInputChannels(int first);
}
