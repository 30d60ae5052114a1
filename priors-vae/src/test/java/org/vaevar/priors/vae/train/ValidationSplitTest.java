package org.vaevar.priors.vae.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The validation split holds out whole blocks of consecutive samples, exactly as many as asked, for a seed. */
class ValidationSplitTest {

    @Test
    void holdsOutContiguousBlocksOfTheRequestedSize() {
        ValidationSplit split = ValidationSplit.blocks(1800, 360, new SplittableRandom(1));
        assertThat(split.validation).hasSize(360);
        assertThat(split.train).hasSize(1440);
        int[] all = IntStream.concat(Arrays.stream(split.train), Arrays.stream(split.validation)).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 1800).toArray());
        // Runs of consecutive indices: 360 samples in blocks of 50 are at most 8 stretches (7 full, 1 cut short),
        // where a sample-by-sample draw would give about 290.
        int runs = 1;
        for (int k = 1; k < split.validation.length; k++) {
            if (split.validation[k] != split.validation[k - 1] + 1) {
                runs++;
            }
        }
        assertThat(runs).isLessThanOrEqualTo(8);
        for (int k : split.validation) { // every held-out block starts on a block boundary
            if (k == 0 || Arrays.binarySearch(split.validation, k - 1) < 0) {
                assertThat(k % ValidationSplit.BLOCK).isZero();
            }
        }
    }

    @Test
    void aSeedFixesTheSplitAndAnotherChangesIt() {
        int[] a = ValidationSplit.blocks(1000, 200, new SplittableRandom(4)).validation;
        int[] b = ValidationSplit.blocks(1000, 200, new SplittableRandom(4)).validation;
        int[] c = ValidationSplit.blocks(1000, 200, new SplittableRandom(5)).validation;
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void smallSetsAndNoValidation() {
        ValidationSplit tiny = ValidationSplit.blocks(40, 10, new SplittableRandom(2));
        assertThat(tiny.validation).hasSize(10);
        assertThat(tiny.validation[9] - tiny.validation[0]).isEqualTo(9); // one contiguous stretch
        assertThat(ValidationSplit.blocks(40, 0, new SplittableRandom(2)).train).hasSize(40);
    }
}
