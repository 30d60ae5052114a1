package org.vaevar.harness.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void doublesRoundTripBitForBit() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(rng.nextLong()); // any bit pattern, including NaNs and extremes
            if (Double.isNaN(values[i])) {
                values[i] = Double.NaN; // CSV keeps "NaN", not a NaN payload
            }
        }
        double[] special = {0.1, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0 / 3};
        CsvTable t = new CsvTable("i", "x");
        for (int i = 0; i < values.length; i++) {
            t.addRow(i, values[i]);
        }
        for (double v : special) {
            t.addRow(-1, v);
        }
        Path f = dir.resolve("cycles.csv");
        t.write(f);
        CsvTable back = CsvTable.read(f);
        double[] x = back.column("x");
        assertThat(x).hasSize(values.length + special.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToLongBits(x[i])).as("row %d", i).isEqualTo(Double.doubleToLongBits(values[i]));
        }
        for (int j = 0; j < special.length; j++) {
            assertThat(Double.doubleToLongBits(x[values.length + j])).isEqualTo(Double.doubleToLongBits(special[j]));
        }
        assertThat(back.getLong(values.length - 1, "i")).isEqualTo(values.length - 1);
    }

    @Test
    void formatIsLocaleIndependentAndPlain() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma, grouping dots
            CsvTable t = new CsvTable("cycle", "rmse", "ok").addRow(1234567, 0.5, true).addRow(2, 1e-5f, null);
            assertThat(t.toCsv()).isEqualTo("cycle,rmse,ok\n1234567,0.5,true\n2,1.0E-5,\n");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void textCellsWithSeparatorsQuotesAndLineBreaksRoundTrip() {
        List<String> tricky = List.of("plain", "a,b", "say \"hi\"", "two\nlines", " padded ", "", "crlf\r\nend");
        CsvTable t = new CsvTable("name", "v");
        for (String s : tricky) {
            t.addRow(s, 1);
        }
        CsvTable back = CsvTable.parse(t.toCsv(), "mem");
        for (int r = 0; r < tricky.size(); r++) {
            assertThat(back.get(r, "name")).isEqualTo(tricky.get(r));
        }
    }

    @Test
    void readsCrlfFilesAndAByteOrderMark() {
        CsvTable t = CsvTable.parse("\uFEFFa,b\r\n1,2.5\r\n", "excel.csv");
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.getDouble(0, "b")).isEqualTo(2.5);
    }

    @Test
    void badInputIsNamed() {
        CsvTable t = new CsvTable("a", "b");
        assertThatThrownBy(() -> t.addRow(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 values; expected 2");
        assertThatThrownBy(() -> new CsvTable("a", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> t.addRow(1, new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column b");
        t.addRow("x", 1);
        assertThatThrownBy(() -> t.getDouble(0, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0, column a = \"x\"");
        assertThatThrownBy(() -> t.get(0, "zzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zzz");
        assertThatThrownBy(() -> CsvTable.parse("a,b\n1\n", "short.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("short.csv").hasMessageContaining("record 2");
        assertThatThrownBy(() -> CsvTable.parse("a\n\"open\n", "q.csv")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q.csv:2").hasMessageContaining("never closed");
    }
}
