package com.tutordesk.shared;

/** What every CSV export does to its cells. */
public final class CsvCells {

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
}
