package org.vaevar.priors.vae.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The training/validation split by contiguous blocks of time. Calibration samples are consecutive cycles, and
 * neighbouring cycles' errors are strongly correlated: a validation set drawn sample by sample sits between
 * training samples, so its loss measures interpolation and early stopping stops late. Here the samples (in the
 * order collected) are cut into blocks of {@link #BLOCK} consecutive samples, and whole blocks, chosen by a
 * seeded random order, are held out until the validation set has ⌊fraction · total⌋ samples (the last chosen
 * block cut short). A validation sample then has training neighbours only at its block's two edges.
 *
 * <p>With fewer validation samples than a block the block shrinks to that number (one contiguous stretch).
 */
final class ValidationSplit {

    /** Consecutive samples per block: many decorrelation times of a Lorenz cycle's background error. */
    static final int BLOCK = 50;

    final int[] train;
    final int[] validation;

    private ValidationSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    /**
     * @param total      samples, in time order
     * @param validation how many to hold out
     */
    static ValidationSplit blocks(int total, int validation, SplittableRandom random) {
        boolean[] held = new boolean[total];
        if (validation > 0) {
            int block = Math.min(BLOCK, validation);
            int blocks = (total + block - 1) / block;
            int[] order = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                order[b] = b;
            }
            for (int i = blocks - 1; i > 0; i--) { // Fisher–Yates with the training stream
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int count = 0;
            for (int b = 0; b < blocks && count < validation; b++) {
                int from = order[b] * block;
                int to = Math.min(total, from + block);
                for (int k = from; k < to && count < validation; k++) {
                    held[k] = true;
                    count++;
                }
            }
        }
        int[] train = new int[total - validation];
        int[] val = new int[validation];
        int t = 0;
        int v = 0;
        for (int k = 0; k < total; k++) {
            if (held[k]) {
                val[v++] = k;
            } else {
                train[t++] = k;
            }
        }
        return new ValidationSplit(train, val);
    }

    @Override
    public String toString() {
        return "train " + train.length + ", validation " + Arrays.toString(validation);
    }
}
