package com.tutordesk.importing;

import java.util.List;

/**
 * One row of a dry run or an import.
 *
 * @param row         the spreadsheet's row number (header = 1)
 * @param action      what the row does
 * @param description what is created or matched, e.g. "New client Chen family (wei@example.org); new student Lily"
 * @param errors      each as "row 17, Client rate: '45,00' is not an amount (write it like 1,234.50)"
 */
public record ImportRow(int row, RowAction action, String description, List<String> errors) {
}
