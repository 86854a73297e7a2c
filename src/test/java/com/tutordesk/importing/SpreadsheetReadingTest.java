package com.tutordesk.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.InvalidFieldException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading files, guessing columns and reading cells in the business locale, without Spring. */
class SpreadsheetReadingTest {

    @Test
    void an_xlsx_workbook_is_read_as_displayed_with_spreadsheet_row_numbers() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Families");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Parent Email");
            header.createCell(1).setCellValue("Hourly rate");
            var first = sheet.createRow(1);
            first.createCell(0).setCellValue("a@example.org");
            var money = first.createCell(1);
            money.setCellValue(45);
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            money.setCellStyle(style);
            sheet.createRow(3).createCell(0).setCellValue("b@example.org");
            workbook.write(out);
            file = out.toByteArray();
        }

        Spreadsheet sheet = Spreadsheet.read("families.xlsx", file);

        assertThat(sheet.headers()).containsExactly("Parent Email", "Hourly rate");
        assertThat(sheet.rows()).extracting(Spreadsheet.SheetRow::number).containsExactly(2, 4);
        assertThat(sheet.rows().get(0).cell(1)).isEqualTo("45.00");
        assertThat(sheet.rows().get(1).cell(1)).isEmpty();
    }

    @Test
    void a_small_workbook_claiming_many_styled_empty_rows_and_columns_is_refused_before_filling_memory()
            throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Families");
            sheet.createRow(0).createCell(0).setCellValue("Parent Email");
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            // Every row reaches the last Excel column with one styled empty cell: 16,384 cells a row.
            for (int r = 1; r <= Spreadsheet.MAX_BLANK_ROWS + 1; r++) {
                sheet.createRow(r).createCell(16_383).setCellStyle(style);
            }
            workbook.write(out);
            file = out.toByteArray();
        }

        assertThatThrownBy(() -> Spreadsheet.read("styled.xlsx", file)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("styled.xlsx has more than " + Spreadsheet.MAX_BLANK_ROWS
                        + " empty rows: delete them (or save the sheet as .csv) and upload it again");
    }

    @Test
    void a_workbook_row_is_read_up_to_the_column_limit() throws IOException {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Families");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Parent Email");
            header.createCell(16_383).setCellValue("far away");
            sheet.createRow(1).createCell(0).setCellValue("a@example.org");
            workbook.write(out);
            file = out.toByteArray();
        }

        Spreadsheet sheet = Spreadsheet.read("wide.xlsx", file);

        assertThat(sheet.headers()).hasSize(Spreadsheet.MAX_COLUMNS).first().isEqualTo("Parent Email");
    }

    @Test
    void a_semicolon_csv_with_a_byte_order_mark_is_read() {
        Spreadsheet sheet = Spreadsheet.read("export.csv",
                "\uFEFFVorname;E-Mail;Telefon\nJörg;\"j@example.org\";'+49 30 1234\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.headers()).containsExactly("Vorname", "E-Mail", "Telefon");
        assertThat(sheet.rows().get(0).cells()).containsExactly("Jörg", "j@example.org", "+49 30 1234");
    }

    @Test
    void files_that_cannot_be_read_are_refused_with_the_way_out() {
        assertThatThrownBy(() -> Spreadsheet.read("old.xls", new byte[] {1}))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("save it as .xlsx or .csv");
        assertThatThrownBy(() -> Spreadsheet.read("latin1.csv", new byte[] {'N', (byte) 0xE9, '\n'}))
                .hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> Spreadsheet.read("broken.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("broken.xlsx is not a readable .xlsx workbook");
    }

    @Test
    void columns_are_guessed_from_headers_of_other_products() {
        ColumnMapping clients = ColumnMapping.guess(ImportKind.CLIENTS,
                List.of("First Name", "Last Name", "Parent E-mail", "Mobile", "Student", "Grade", "Student Email"));
        assertThat(clients.column("contactFirstName")).isZero();
        assertThat(clients.column("contactLastName")).isEqualTo(1);
        assertThat(clients.column("contactEmail")).isEqualTo(2);
        assertThat(clients.column("contactPhone")).isEqualTo(3);
        assertThat(clients.column("studentName")).isEqualTo(4);
        assertThat(clients.column("gradeLevel")).isEqualTo(5);
        assertThat(clients.column("studentEmail")).isEqualTo(6);
        ColumnMapping engagements = ColumnMapping.guess(ImportKind.ENGAGEMENTS,
                List.of("Teacher", "Student Name", "Course", "Rate", "Pay rate", "Lesson length"));
        assertThat(List.of("tutor", "student", "subject", "clientRate", "tutorWage", "duration"))
                .allSatisfy(key -> assertThat(engagements.mapped(key)).as(key).isTrue());
    }

    @Test
    void amounts_follow_the_business_locale_strictly() {
        CellValues us = new CellValues(Locale.US, Currency.getInstance("USD"));
        assertThat(us.minor("1,234.50")).isEqualTo(123450);
        assertThat(us.minor("$45")).isEqualTo(4500);
        assertThat(us.minor("45.5 USD")).isEqualTo(4550);
        assertThatThrownBy(() -> us.minor("45,00")).hasMessage("'45,00' is not an amount (write it like 1,234.50)");
        assertThatThrownBy(() -> us.minor("-5")).hasMessage("'-5' is negative");

        CellValues de = new CellValues(Locale.GERMANY, Currency.getInstance("EUR"));
        assertThat(de.amountExample()).isEqualTo("1.234,50");
        assertThat(de.minor("45,00")).isEqualTo(4500);
        assertThat(de.minor("1.234,5 €")).isEqualTo(123450);
        assertThatThrownBy(() -> de.minor("45.00")).hasMessage("'45.00' is not an amount (write it like 1.234,50)");

        CellValues yen = new CellValues(Locale.JAPAN, Currency.getInstance("JPY"));
        assertThatThrownBy(() -> yen.minor("4500.5")).hasMessage("'4500.5' has too many decimals: JPY amounts have 0");
    }

    @Test
    void lengths_and_yes_no_are_read_in_the_usual_spellings() {
        CellValues values = new CellValues(Locale.US, Currency.getInstance("USD"));
        assertThat(values.minutes("90")).isEqualTo(90);
        assertThat(values.minutes("1:15")).isEqualTo(75);
        assertThat(values.minutes("1 h 30 min")).isEqualTo(90);
        assertThat(values.minutes("45 min")).isEqualTo(45);
        assertThat(values.yesNo("Yes")).isTrue();
        assertThat(values.yesNo("")).isFalse();
        assertThatThrownBy(() -> values.minutes("1.5 hours")).hasMessageContaining("is not a length");
    }
}
