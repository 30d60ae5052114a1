package org.vaevar.harness.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An aligned plain-text table for the terminal.
 *
 * <pre>
 * method     rmse_b           rmse_a   n
 * ---------  ------  ---------------  --
 * 3dvar       0.512  0.301 +/- 0.012  10
 * vae-3dvar   0.498  0.254 +/- 0.010  10
 * </pre>
 *
 * <p>Text cells are left-aligned, numbers right-aligned; a column whose cells are all numbers (or empty) has a
 * right-aligned header. Floating-point numbers get the column's precision (digits after the point, default 3,
 * {@link Locale#ROOT}); integers are printed exactly. A non-zero value that fixed notation would round to zero
 * (|x| &lt; 0.5·10<sup>-precision</sup>) or a value with |x| &ge; 10<sup>9</sup> switches to scientific notation,
 * so a tiny RMSE never shows as a misleading {@code 0.000}. Non-finite values print as {@code NaN}, {@code inf},
 * {@code -inf}. {@link PlusMinus} cells print {@code mean +/- halfWidth} (ASCII, so they survive any terminal
 * encoding).
 */
public final class TextTable {

    /** A value with a symmetric interval, printed as {@code value +/- halfWidth}. */
    public record PlusMinus(double value, double halfWidth) {
    }

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<Object[]> rows = new ArrayList<>();
    private final Map<Integer, Integer> precisionByColumn = new HashMap<>();
    private int defaultPrecision = 3;

    public TextTable(List<String> headers) {
        Objects.requireNonNull(headers, "headers");
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("headers = []: a table needs at least one column");
        }
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) == null) {
                throw new IllegalArgumentException("headers[" + i + "] = null");
            }
        }
        this.headers = List.copyOf(headers);
    }

    public TextTable(String... headers) {
        this(Arrays.asList(headers));
    }

    /** Digits after the decimal point for every column without its own precision. */
    public TextTable precision(int digits) {
        this.defaultPrecision = checkPrecision("precision", digits);
        return this;
    }

    /** Digits after the decimal point for one column. */
    public TextTable precision(String column, int digits) {
        int i = headers.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("column = \"" + column + "\": no such column; have " + headers);
        }
        precisionByColumn.put(i, checkPrecision("precision of " + column, digits));
        return this;
    }

    /** Appends a row: numbers, {@link PlusMinus}, strings (anything else via toString), null for empty. */
    public TextTable addRow(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row " + rows.size() + " has " + cells.length + " cells; expected "
                    + headers.size() + " (" + String.join(", ", headers) + ")");
        }
        rows.add(cells.clone());
        return this;
    }

    public TextTable addRow(List<?> cells) {
        return addRow(cells.toArray());
    }

    /** The table, one line per row (header, rule, rows), each line ending in a newline. */
    public String render() {
        int n = headers.size();
        String[][] text = new String[rows.size()][n];
        boolean[] numeric = new boolean[n];
        int[] width = new int[n];
        Arrays.fill(numeric, true);
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
        }
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < n; c++) {
                Object v = row[c];
                if (v != null && !(v instanceof Number) && !(v instanceof PlusMinus)) {
                    numeric[c] = false;
                }
                text[r][c] = format(v, precisionByColumn.getOrDefault(c, defaultPrecision));
                width[c] = Math.max(width[c], text[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        appendLine(sb, headers.toArray(new String[0]), width, numeric, null);
        appendLine(sb, rule, width, numeric, null);
        for (int r = 0; r < rows.size(); r++) {
            appendLine(sb, text[r], width, numeric, rows.get(r));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Formats one number the way a table cell shows it ({@link NumberFormats#fixed}). */
    public static String formatNumber(Number v, int precision) {
        return NumberFormats.fixed(v, precision);
    }

    private static String format(Object v, int precision) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number num) {
            return formatNumber(num, precision);
        }
        if (v instanceof PlusMinus pm) {
            return formatNumber(pm.value(), precision) + " +/- " + formatNumber(pm.halfWidth(), precision);
        }
        // Line breaks or tabs would break the alignment of every row below.
        return v.toString().replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private static void appendLine(StringBuilder sb, String[] cells, int[] width, boolean[] numericColumn,
                                   Object[] values) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            // Header and rule follow the column; a data cell is right-aligned when it is itself numeric.
            boolean right = values == null ? numericColumn[c]
                    : values[c] instanceof Number || values[c] instanceof PlusMinus;
            String cell = cells[c];
            String pad = " ".repeat(width[c] - cell.length());
            line.append(right ? pad + cell : cell + pad);
        }
        // No trailing blanks: they show up as noise in diffs and copied text.
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }

    private static int checkPrecision(String field, int digits) {
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException(field + " = " + digits + ": must be within 0..17");
        }
        return digits;
    }
}
