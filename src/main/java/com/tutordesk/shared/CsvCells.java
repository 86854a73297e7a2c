package com.tutordesk.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** What every CSV export does to its cells, and the one way exports write a file. */
public final class CsvCells {

    /** Prints an export's records. */
    @FunctionalInterface
    public interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private CsvCells() {
    }

    /**
     * Spreadsheets run a cell that starts with =, +, -, @ (or a tab or carriage return) as a
     * formula; such cells get a leading apostrophe (OWASP "CSV injection"). Apply it to text that
     * people typed (names, memos, notes); a number the export formats itself, such as "-12.50", is no
     * formula and stays a number.
     *
     * @return {@code cell}, or {@code "'" + cell} when a spreadsheet would run it
     */
    public static String neutraliseFormula(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    /** @return {@code value} made safe by {@link #neutraliseFormula}, or "" for {@code null} */
    public static String text(String value) {
        return value == null ? "" : neutraliseFormula(value);
    }

    /**
     * Writes a CSV file (UTF-8, RFC 4180 quoting, a header row) to {@code out}, which is flushed and
     * left open for the caller.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public static void write(OutputStream out, List<String> header, Rows rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .get());
            rows.print(csv);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
