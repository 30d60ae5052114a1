package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRightWithTheGivenPrecision() {
        String s = new TextTable("method", "rmse", "n")
                .precision(2)
                .addRow("3dvar", 0.5, 10)
                .addRow("vae-3dvar", 12.25, 7L)
                .render();
        assertThat(s).isEqualTo(""
                + "method      rmse   n\n"
                + "---------  -----  --\n"
                + "3dvar       0.50  10\n"
                + "vae-3dvar  12.25   7\n");
    }

    @Test
    void perColumnPrecisionAndIntervals() {
        String s = new TextTable("m", "rmse_a").precision("rmse_a", 3)
                .addRow("x", new TextTable.PlusMinus(0.3014, 0.0123)).render();
        assertThat(s.split("\n")[2]).isEqualTo("x  0.301 +/- 0.012");
    }

    @Test
    void tinyAndHugeValuesSwitchToScientificSoTheyNeverReadAsZero() {
        assertThat(TextTable.formatNumber(1.2e-5, 3)).isEqualTo("1.200e-05");
        assertThat(TextTable.formatNumber(4.9e-4, 3)).isEqualTo("4.900e-04");
        assertThat(TextTable.formatNumber(5.0e-4, 3)).isEqualTo("0.001"); // rounds to a visible digit
        assertThat(TextTable.formatNumber(0.0, 3)).isEqualTo("0.000");
        assertThat(TextTable.formatNumber(2.5e9, 2)).isEqualTo("2.50e+09");
        assertThat(TextTable.formatNumber(Double.NaN, 3)).isEqualTo("NaN");
        assertThat(TextTable.formatNumber(Double.NEGATIVE_INFINITY, 3)).isEqualTo("-inf");
        assertThat(TextTable.formatNumber(Long.MAX_VALUE, 3)).isEqualTo("9223372036854775807");
    }

    @Test
    void independentOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRANCE);
            assertThat(new TextTable("v").addRow(1234.5).render()).contains("1234.500");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void lineBreaksInTextDoNotBreakTheLayoutAndWrongRowsAreRefused() {
        String s = new TextTable("a", "b").addRow("x\ny", 1).render();
        assertThat(s.split("\n")).hasSize(3);
        assertThatThrownBy(() -> new TextTable("a", "b").addRow(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 cells; expected 2");
        assertThatThrownBy(() -> new TextTable("a").precision("zz", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> new TextTable("a").precision(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precision = -1");
    }
}
