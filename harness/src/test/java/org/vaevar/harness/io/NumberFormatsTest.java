package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberFormatsTest {

    @Test
    void legendNumbersHaveFourSignificantDigits() {
        assertThat(NumberFormats.significant4(0.0)).isEqualTo("0.000");
        assertThat(NumberFormats.significant4(0.99287)).isEqualTo("0.9929");
        assertThat(NumberFormats.significant4(123456.0)).isEqualTo("1.235e+05");
        assertThat(NumberFormats.significant4(1.2e-5)).isEqualTo("1.200e-05");
        assertThat(NumberFormats.significant4(Double.NaN)).isEqualTo("NaN");
        assertThat(NumberFormats.significant4(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void fixedSwitchesToScientificRatherThanShowingZero() {
        assertThat(NumberFormats.fixed(4.9e-4, 3)).isEqualTo("4.900e-04");
        assertThat(NumberFormats.fixed(5.0e-4, 3)).isEqualTo("0.001");
        assertThat(NumberFormats.fixed(7L, 3)).isEqualTo("7");
    }

    @Test
    void compactKeepsFourSignificantDigitsAndDropsTrailingZeros() {
        assertThat(NumberFormats.compact(0.8023961851767285)).isEqualTo("0.8024");
        assertThat(NumberFormats.compact(1.05)).isEqualTo("1.05");
        assertThat(NumberFormats.compact(3.0)).isEqualTo("3");
        assertThat(NumberFormats.compact(0.0021417378248246095)).isEqualTo("0.002142");
        assertThat(NumberFormats.compact(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void durationsAndRates() {
        assertThat(NumberFormats.clock(3725)).isEqualTo("1:02:05");
        assertThat(NumberFormats.clock(-1)).isEqualTo("?");
        assertThat(NumberFormats.rate(2.5)).isEqualTo("2.5/s");
        assertThat(NumberFormats.rate(0)).isEqualTo("-/s");
    }
}
