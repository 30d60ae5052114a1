package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    /** Published two-sided 95 % quantiles of Student's t (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2). */
    @Test
    void tQuantilesMatchTheTables() {
        assertThat(SeedStatistics.tQuantile975(1)).isCloseTo(12.706, within(5e-4));
        assertThat(SeedStatistics.tQuantile975(4)).isCloseTo(2.776, within(5e-4));
        assertThat(SeedStatistics.tQuantile975(9)).isCloseTo(2.262, within(5e-4));
        assertThat(SeedStatistics.tQuantile975(100)).isCloseTo(1.984, within(5e-4));
    }

    /**
     * By hand: {1, 2, 3, 4, 5} has mean 3 and s² = (4 + 1 + 0 + 1 + 4) / 4 = 2.5, so the half-width is
     * t_{0.975,4} · √2.5 / √5 = 2.776445 · 0.7071068 = 1.963243.
     */
    @Test
    void halfWidthIsTTimesStandardError() {
        SeedStatistics s = SeedStatistics.of(new double[] {1, 2, 3, 4, 5});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-15));
        assertThat(s.halfWidth95()).isCloseTo(1.963243, within(1e-6));
    }

    /** Two values 0.30 and 0.34: mean 0.32, s = 0.02·√2, half-width 12.7062 · 0.02 = 0.254124. */
    @Test
    void twoSeeds() {
        SeedStatistics s = SeedStatistics.of(new double[] {0.30, 0.34});
        assertThat(s.mean()).isCloseTo(0.32, within(1e-15));
        assertThat(s.halfWidth95()).isCloseTo(0.254124, within(2e-6));
    }

    @Test
    void oneSeedHasNoInterval() {
        SeedStatistics s = SeedStatistics.of(new double[] {0.5});
        assertThat(s.mean()).isEqualTo(0.5);
        assertThat(s.halfWidth95()).isNaN();
    }

    @Test
    void aDivergedSeedIsNotANumberToAverage() {
        assertThatThrownBy(() -> SeedStatistics.of(new double[] {0.3, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values[1] = NaN");
        assertThatThrownBy(() -> SeedStatistics.of(new double[0])).hasMessageContaining("values = []");
    }
}
