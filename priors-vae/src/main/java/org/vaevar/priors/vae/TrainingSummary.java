package org.vaevar.priors.vae;

/**
 * What a training run did, for {@code summary.json} and the model file. Losses are per sample, in nats up to
 * the constant of the Gaussian likelihood.
 *
 * @param epochsRun                 epochs completed (fewer than asked when early stopping fired)
 * @param bestEpoch                 the epoch whose weights were kept (1-based)
 * @param trainLoss                 training loss after the best epoch (on a fixed subset of the training split as
 *                                  large as the validation split, at least 256 rows, one fixed draw of ε)
 * @param validationLoss            validation loss of the kept weights (NaN without a validation split)
 * @param validationReconstruction  its reconstruction part ‖δ − D(z)‖²/(2σ_d²)
 * @param validationKl              its KL part in nats (before β): near 0 means the posterior collapsed
 * @param seconds                   wall-clock training time
 * @param trainingSamples           samples in the training split
 * @param validationSamples         samples in the validation split
 * @param trainLossHistory          training loss after each epoch (as trainLoss)
 * @param validationLossHistory     validation loss per epoch
 */
public record TrainingSummary(int epochsRun, int bestEpoch, double trainLoss, double validationLoss,
                              double validationReconstruction, double validationKl, double seconds,
                              int trainingSamples, int validationSamples, double[] trainLossHistory,
                              double[] validationLossHistory) {

    public TrainingSummary {
        trainLossHistory = trainLossHistory.clone();
        validationLossHistory = validationLossHistory.clone();
    }

    @Override
    public double[] trainLossHistory() {
        return trainLossHistory.clone();
    }

    @Override
    public double[] validationLossHistory() {
        return validationLossHistory.clone();
    }

    /** As an ordered map of plain values (for a JSON summary). */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("epochsRun", epochsRun);
        m.put("bestEpoch", bestEpoch);
        m.put("trainLoss", trainLoss);
        m.put("validationLoss", validationLoss);
        m.put("validationReconstruction", validationReconstruction);
        m.put("validationKl", validationKl);
        m.put("seconds", seconds);
        m.put("trainingSamples", trainingSamples);
        m.put("validationSamples", validationSamples);
        m.put("trainLossHistory", trainLossHistory.clone());
        m.put("validationLossHistory", validationLossHistory.clone());
        return m;
    }
}
