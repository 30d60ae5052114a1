package org.vaevar.priors.vae.net;

/**
 * The shape of one layer, shared by the ND4J training graph and the plain-Java network so that both read the
 * same weights the same way.
 *
 * <ul>
 *   <li>dense: {@code inSize} → {@code outSize} features; weight W [in, out] (y = x W + b), bias [out];</li>
 *   <li>circular convolution on {@code grid} points: {@code inSize} → {@code outSize} channels, odd
 *       {@code kernel}; weight W [kernel·in, out] with row j·in + c for offset j − kernel/2 and input channel c;
 *       bias [out], the same at every grid point.</li>
 * </ul>
 *
 * @param name       tensor name prefix, e.g. "decoder.1"; the weights are name.W and name.b
 * @param activation applied after the affine map (IDENTITY for output layers)
 */
public record LayerSpec(String name, boolean convolution, int inSize, int outSize, int kernel, int grid,
                        Activation activation) {

    public static LayerSpec dense(String name, int in, int out, Activation activation) {
        return new LayerSpec(name, false, in, out, 1, 1, activation);
    }

    public static LayerSpec convolution(String name, int grid, int inChannels, int outChannels, int kernel,
                                        Activation activation) {
        return new LayerSpec(name, true, inChannels, outChannels, kernel, grid, activation);
    }

    public String weightName() {
        return name + ".W";
    }

    public String biasName() {
        return name + ".b";
    }

    public long[] weightShape() {
        return new long[] {(long) kernel * inSize, outSize};
    }

    public long[] biasShape() {
        return new long[] {outSize};
    }

    /** Length of the flat input vector (grid × channels). */
    public int inputLength() {
        return grid * inSize;
    }

    public int outputLength() {
        return grid * outSize;
    }

    /** The plain-Java layer from trained float weights in the training layout. */
    public Layer toLayer(float[] w, float[] b) {
        if (b.length != outSize) {
            throw new IllegalArgumentException(biasName() + " has " + b.length + " values; expected " + outSize);
        }
        LinearPart part = convolution
                ? CircularConvWeights.fromTrainingLayout(grid, inSize, outSize, kernel, w)
                : DenseWeights.fromInputMajor(inSize, outSize, w);
        return new Layer(part, Layer.expandBias(b, grid), activation);
    }
}
