package org.vaevar.harness.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV table with a header row, written atomically and read back.
 *
 * <p>Format (RFC 4180 with LF line ends): comma separated; a cell is quoted with {@code "} when it contains a
 * comma, a quote, a line break or leading/trailing blanks, and inner quotes are doubled. Numbers are written
 * locale-independently and round-trip exactly: {@code double} with {@link Double#toString(double)} (shortest
 * repr that parses back to the same bits, e.g. {@code 0.1}, {@code 1.0E-5}, {@code NaN}, {@code Infinity}),
 * {@code float} with {@link Float#toString(float)}, integers in decimal. {@code null} is an empty cell.
 * Pandas, R and NumPy read all of these. Reading is Apache Commons CSV's RFC 4180 parser; writing stays here
 * because Commons CSV's minimal quoting differs (it quotes an empty first cell and any cell starting with a
 * character up to {@code #}), which would change files already written.
 */
public final class CsvTable {

    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    /** An empty table with these column names (non-blank, unique). */
    public CsvTable(List<String> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns = []: a CSV table needs at least one column");
        }
        for (int i = 0; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("columns[" + i + "] = \"" + c + "\": must not be blank");
            }
            if (index.put(c, i) != null) {
                throw new IllegalArgumentException("columns[" + i + "] = \"" + c + "\": duplicate column name");
            }
        }
        this.columns = List.copyOf(columns);
    }

    public CsvTable(String... columns) {
        this(List.of(columns));
    }

    /** Appends a row; {@code values} are numbers, strings, booleans or null, one per column. */
    public CsvTable addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row " + rows.size() + " has " + values.length
                    + " values; expected " + columns.size() + " (" + String.join(", ", columns) + ")");
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = format(values[i], i);
        }
        rows.add(cells);
        return this;
    }

    public CsvTable addRow(List<?> values) {
        return addRow(values.toArray());
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cell as written (empty string for null). */
    public String get(int row, String column) {
        return rowCells(row)[columnIndex(column)];
    }

    /** The cell parsed as a double ({@code NaN}, {@code Infinity} accepted). */
    public double getDouble(int row, String column) {
        String cell = get(row, column);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + row + ", column " + column + " = \"" + cell
                    + "\": not a number", e);
        }
    }

    public long getLong(int row, String column) {
        String cell = get(row, column);
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + row + ", column " + column + " = \"" + cell
                    + "\": not an integer", e);
        }
    }

    /** A whole column as doubles. */
    public double[] column(String column) {
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = getDouble(r, column);
        }
        return out;
    }

    /** The rows as written, one list of cells per row. */
    public List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(List.of(r));
        }
        return Collections.unmodifiableList(out);
    }

    /** The CSV text, header first, every line ending in LF. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
        appendLine(sb, columns.toArray(new String[0]));
        for (String[] r : rows) {
            appendLine(sb, r);
        }
        return sb.toString();
    }

    /** Writes the table atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    /** Reads a table written by {@link #write(Path)} (or any RFC 4180 file with a header). */
    public static CsvTable read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Parses CSV text (RFC 4180, CRLF or LF line ends, an optional byte-order mark); {@code source} names the
     * origin in error messages. */
    public static CsvTable parse(String text, String source) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // BOM from some spreadsheet exports
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, CSVFormat.RFC4180)) {
            long nextLine = 1;
            try {
                for (CSVRecord rec : parser) {
                    records.add(rec.toList());
                    nextLine = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                String why = String.valueOf(e.getCause().getMessage());
                throw new IllegalArgumentException(source + ":" + nextLine + ": "
                        + (why.contains("EOF reached before encapsulated token finished")
                        ? "quoted cell is never closed" : why), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty CSV, expected a header row");
        }
        CsvTable table = new CsvTable(records.get(0));
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() != table.columns.size()) {
                throw new IllegalArgumentException(source + ": record " + (r + 1) + " has " + rec.size()
                        + " cells; the header has " + table.columns.size());
            }
            table.rows.add(rec.toArray(new String[0]));
        }
        return table;
    }

    private String[] rowCells(int row) {
        if (row < 0 || row >= rows.size()) {
            throw new IndexOutOfBoundsException("row = " + row + ": table has " + rows.size() + " rows");
        }
        return rows.get(row);
    }

    private int columnIndex(String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("column = \"" + column + "\": no such column; have " + columns);
        }
        return i;
    }

    private String format(Object v, int col) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Float.toString(f);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
            return v.toString(); // locale-independent already
        }
        if (v instanceof Number n) {
            return Double.toString(n.doubleValue());
        }
        if (v instanceof CharSequence || v instanceof Boolean || v instanceof Enum<?> || v instanceof Character) {
            return v.toString();
        }
        throw new IllegalArgumentException("row " + rows.size() + ", column " + columns.get(col) + ": value of type "
                + v.getClass().getName() + " is not a number, string or boolean");
    }

    private static void appendLine(StringBuilder sb, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendCell(sb, cells[i]);
        }
        sb.append('\n');
    }

    private static void appendCell(StringBuilder sb, String cell) {
        boolean quote = !cell.isEmpty() && (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                || Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(cell.length() - 1)));
        if (!quote) {
            sb.append(cell);
            return;
        }
        sb.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
