package org.vaevar.priors.vae;

import org.vaevar.api.util.Checks;

/**
 * How a VAE is trained. Loss per sample: ‖δ − D(z)‖²/(2σ_d²) + β·KL(q(z|δ) ‖ N(0, I)), z = μ + σ ⊙ ε,
 * averaged over minibatches; Adam; a validation split with early stopping that keeps the best weights.
 *
 * @param sigmaD             σ_d, the decoder's output noise in normalised units (≈ 0.2–0.3 works; 1 collapses
 *                           the posterior onto the prior)
 * @param beta               weight of the KL term
 * @param epochs             maximum number of passes over the training split
 * @param batchSize          minibatch size
 * @param learningRate       Adam step size
 * @param validationFraction share of the samples held out for early stopping (0: none, keep the last weights)
 * @param patience           epochs without a better validation loss before stopping
 * @param pooled             one normalisation for all components (σ_δ of the corrections, mean and scale of the
 *                           backgrounds) instead of one per component; a convolutional VAE is then exactly
 *                           translation equivariant (docs/DESIGN.md §3)
 * @param seed               fixes everything random: initial weights, split, shuffles, reparameterisation noise
 * @param threads            ND4J native threads during training (1 by default: these networks are too small to
 *                           gain from more, and on a shared machine spinning OpenMP threads cost far more). The
 *                           summation order, hence the last bits of the weights, may depend on it.
 */
public record TrainingSettings(double sigmaD, double beta, int epochs, int batchSize, double learningRate,
                               double validationFraction, int patience, boolean pooled, long seed, int threads) {

    public TrainingSettings {
        Checks.positive("sigmaD", sigmaD);
        Checks.nonNegative("beta", beta);
        Checks.positive("epochs", epochs);
        Checks.positive("batchSize", batchSize);
        Checks.positive("learningRate", learningRate);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction = " + validationFraction
                    + ": must be in [0, 1)");
        }
        Checks.positive("patience", patience);
        Checks.positive("threads", threads);
    }

    /** The documented defaults (σ_d 0.25, β 1, 300 epochs, batch 128, rate 1e-3, 20 % validation, patience 30,
     * per-component normalisation, one thread). */
    public static TrainingSettings defaults(long seed) {
        return new TrainingSettings(0.25, 1.0, 300, 128, 1e-3, 0.2, 30, false, seed, 1);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(sigmaD, beta, e, batchSize, learningRate, validationFraction, patience,
                pooled, seed, threads);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(sigmaD, beta, epochs, batchSize, learningRate, validationFraction, patience,
                pooled, s, threads);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(sigmaD, beta, epochs, b, learningRate, validationFraction, patience,
                pooled, seed, threads);
    }
}
