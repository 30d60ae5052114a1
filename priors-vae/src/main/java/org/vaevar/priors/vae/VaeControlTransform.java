package org.vaevar.priors.vae;

import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.Linearization;
import org.vaevar.api.util.Checks;
import org.vaevar.priors.vae.net.Network;
import org.vaevar.priors.vae.net.NetworkTape;

/**
 * z ↦ x0 = xb + σ_δ ⊙ D(z; xb) for one background, with tangent-linear σ_δ ⊙ (∂D/∂z) dz and adjoint
 * (∂D/∂z)ᵀ (σ_δ ⊙ dy), all in plain double arithmetic over the trained weights.
 */
public final class VaeControlTransform implements ControlTransform {

    private final double[] background;
    private final double[] scale;
    private final Network decoder;
    private final double[] initial;
    private final LatentPenalty penalty;

    VaeControlTransform(double[] background, double[] scale, Network decoder, double[] initial,
                        LatentPenalty penalty) {
        this.background = background;
        this.scale = scale;
        this.decoder = decoder;
        this.initial = initial;
        this.penalty = penalty;
    }

    @Override
    public int inputDimension() {
        return decoder.inputSize();
    }

    @Override
    public int outputDimension() {
        return background.length;
    }

    @Override
    public double[] background() {
        return background.clone();
    }

    @Override
    public double[] initialControl() {
        return initial.clone();
    }

    @Override
    public DifferentiableFunction penalty() {
        return penalty;
    }

    /** The decoder of this background, D(·; xb), in normalised units. */
    public Network decoder() {
        return decoder;
    }

    @Override
    public double[] apply(double[] z) {
        Checks.finiteWithDimension("latent z", z, inputDimension());
        return toState(decoder.apply(z));
    }

    @Override
    public Linearization linearize(double[] z) {
        Checks.finiteWithDimension("latent z", z, inputDimension());
        NetworkTape tape = decoder.linearize(z);
        double[] value = toState(tape.value());
        int n = background.length;
        int m = inputDimension();
        return new Linearization() {
            @Override
            public double[] value() {
                return value;
            }

            @Override
            public int inputDimension() {
                return m;
            }

            @Override
            public int outputDimension() {
                return n;
            }

            @Override
            public double[] apply(double[] dz) {
                Checks.dimension("latent increment dz", dz, m);
                double[] d = tape.apply(dz);
                for (int i = 0; i < n; i++) {
                    d[i] *= scale[i];                        // dx = σ_δ ⊙ (∂D/∂z) dz
                }
                return d;
            }

            @Override
            public double[] applyAdjoint(double[] dy) {
                Checks.dimension("state adjoint dy", dy, n);
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = scale[i] * dy[i];                 // dz = (∂D/∂z)ᵀ (σ_δ ⊙ dy)
                }
                return tape.applyAdjoint(s);
            }
        };
    }

    private double[] toState(double[] decoded) {
        double[] x = new double[background.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = background[i] + scale[i] * decoded[i];   // x = xb + σ_δ ⊙ D(z; xb)
        }
        return x;
    }
}
