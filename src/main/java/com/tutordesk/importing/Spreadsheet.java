package com.tutordesk.importing;

import com.tutordesk.shared.InvalidFieldException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded file as rows of text cells: the first row holds the headers. CSV is read with
 * Apache Commons CSV (UTF-8, with or without a byte-order mark; comma, semicolon or tab as the
 * delimiter, whichever the header row uses most), XLSX with Apache POI (first sheet; cells as the
 * spreadsheet displays them, so "45.00" stays "45.00" and a date stays a date as shown). Row numbers
 * are the spreadsheet's: the header is row 1, the first record row 2.
 *
 * @param fileName the uploaded file's name
 * @param headers  the header cells, stripped
 * @param rows     the records, fully blank rows left out
 */
public record Spreadsheet(String fileName, List<String> headers, List<SheetRow> rows) {

    /** Files above this size are refused before parsing (a 5,000-row client file is about 1 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** At most this many records per file: one file is one transaction. */
    public static final int MAX_ROWS = 20_000;

    /** Columns read from a workbook row: no import kind has more than a few dozen fields. */
    static final int MAX_COLUMNS = 200;

    /** Empty workbook rows tolerated (formatted but empty rows below a table are common). */
    static final int MAX_BLANK_ROWS = 10_000;

    /**
     * One record.
     *
     * @param number the spreadsheet's row number (header = 1)
     * @param cells  the cells, stripped; shorter than the headers when trailing cells are empty
     */
    public record SheetRow(int number, List<String> cells) {

        /** @return the stripped cell in {@code column}, or "" when absent or {@code column} &lt; 0 */
        public String cell(int column) {
            return column < 0 || column >= cells.size() || cells.get(column) == null ? "" : cells.get(column);
        }
    }

    /**
     * Reads an uploaded file by its extension (.csv, .txt or .xlsx).
     *
     * @throws InvalidFieldException "file" when the type is not supported, the file is empty, too large,
     *         not UTF-8 text, not a workbook, or has no header row
     */
    public static Spreadsheet read(String fileName, byte[] content) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            throw new InvalidFieldException("file", fileName + " is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidFieldException("file", fileName + " is larger than " + MAX_BYTES / 1024 / 1024
                    + " MB: split it into several files");
        }
        List<List<String>> table;
        if (lower.endsWith(".xlsx")) {
            table = readXlsx(fileName, content);
        } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            table = readCsv(fileName, content);
        } else if (lower.endsWith(".xls")) {
            throw new InvalidFieldException("file", fileName + " is an old Excel 97 file: save it as .xlsx or .csv");
        } else {
            throw new InvalidFieldException("file", fileName + " is neither a .csv nor an .xlsx file");
        }
        int headerIndex = 0;
        while (headerIndex < table.size() && blank(table.get(headerIndex))) {
            headerIndex++;
        }
        if (headerIndex == table.size()) {
            throw new InvalidFieldException("file", fileName + " has no header row");
        }
        List<String> headers = table.get(headerIndex);
        List<SheetRow> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < table.size(); i++) {
            if (!blank(table.get(i))) {
                rows.add(new SheetRow(i + 1, table.get(i)));
            }
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidFieldException("file", fileName + " has " + rows.size() + " rows; at most " + MAX_ROWS
                    + " are imported at once: split it into several files");
        }
        return new Spreadsheet(fileName, headers, List.copyOf(rows));
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static List<List<String>> readCsv(String fileName, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("file", fileName + " is not UTF-8 text: save it as \"CSV UTF-8\"");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = mostUsed(firstLine);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false).get();
        List<List<String>> table = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = format.parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(c -> cells.add(cell(c)));
                table.add(cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidFieldException("file", fileName + " is not a readable CSV file: " + e.getMessage());
        }
        return table;
    }

    /**
     * @return the cell stripped, without the apostrophe that exports put before a leading = + - @
     *         (CsvCells.neutraliseFormula), so that "'+1 212 555 0100" reads as the phone number it was
     */
    private static String cell(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static char mostUsed(String headerLine) {
        char best = ',';
        long bestCount = headerLine.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = headerLine.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<List<String>> readXlsx(String fileName, byte[] content) {
        List<List<String>> table = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return table;
            }
            Sheet sheet = workbook.getSheetAt(0);
            // Cells as displayed, in the file's own number formats (not the server's locale).
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            // A workbook's row and column counts come from the file: a small file may claim a million
            // rows of styled empty cells, so reading stops past the row limit and the column limit.
            int filled = 0;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.min(MAX_COLUMNS, Math.max(0, row.getLastCellNum())); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : cell(formatter.formatCellValue(cell, evaluator)));
                    }
                }
                table.add(cells);
                if (!blank(cells) && ++filled > MAX_ROWS + 1) {
                    throw new InvalidFieldException("file", fileName + " has more than " + MAX_ROWS
                            + " rows; at most " + MAX_ROWS + " are imported at once: split it into several files");
                }
                if (table.size() - filled > MAX_BLANK_ROWS) {
                    throw new InvalidFieldException("file", fileName + " has more than " + MAX_BLANK_ROWS
                            + " empty rows: delete them (or save the sheet as .csv) and upload it again");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidFieldException invalid) {
                throw invalid;
            }
            throw new InvalidFieldException("file", fileName + " is not a readable .xlsx workbook");
        }
        return table;
    }
}
