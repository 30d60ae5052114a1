package org.vaevar.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowCombinationTest {

    /** Four rows per pass round exactly like one row at a time, for every remainder of the row count. */
    @ParameterizedTest
    @CsvSource({"0, 0, 0, 9", "0, 5, 0, 9", "2, 7, 3, 9", "0, 9, 1, 40", "1, 8, 2, 33", "3, 3, 0, 5"})
    void isBitIdenticalToThePlainLoop(int first, int last, int from, int to) {
        SplittableRandom random = new SplittableRandom(first * 100L + last);
        double[][] rows = new double[9][to];
        for (double[] r : rows) {
            for (int k = 0; k < to; k++) {
                r[k] = random.nextGaussian();
            }
        }
        double[] c = new double[9];
        for (int j = 0; j < c.length; j++) {
            c[j] = random.nextGaussian();
        }
        double[] expected = new double[to];
        double[] actual = new double[to];
        for (int k = 0; k < to; k++) {
            expected[k] = random.nextGaussian();
            actual[k] = expected[k];
        }
        for (int j = first; j < last; j++) {
            for (int k = from; k < to; k++) {
                expected[k] += c[j] * rows[j][k];
            }
        }
        RowCombination.add(actual, from, to, c, rows, first, last);
        assertThat(actual).containsExactly(expected);
    }
}
