package com.tutordesk.payroll;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.CsvCells;
import com.tutordesk.shared.PdfLook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * Pay statements as PDF (the invoices' look) and CSV, and a period's export as CSV with exactly one
 * row per tutor, whatever their sessions' engagements (domain.md "Payroll"). The figures are those
 * of {@link PayrollQueries}, so an export sums to the cent as the page does. Roles as there:
 * statements for admins and the tutor themselves (another tutor's is "not found"), the period
 * export for admins. Text people typed (names, memos) is neutralised against spreadsheet formulas;
 * amounts are plain decimal numbers in the business currency (a deduction is negative).
 */
@Service
public class PayrollExports {

    private final PayrollQueries queries;
    private final SettingsService settings;
    private final CurrentUserService currentUsers;

    PayrollExports(PayrollQueries queries, SettingsService settings, CurrentUserService currentUsers) {
        this.queries = queries;
        this.settings = settings;
        this.currentUsers = currentUsers;
    }

    /**
     * @return the statement as PDF
     * @throws com.tutordesk.shared.NotFoundException as {@link PayrollQueries#statement}
     */
    public byte[] statementPdf(long tutorId, LocalDate periodStart) {
        return StatementPdf.render(queries.statement(tutorId, periodStart), settings.profile());
    }

    /**
     * Writes the statement as CSV (UTF-8, header row): one row per session, one per adjustment, and
     * a last "Total" row whose amount is the sum of the rows above.
     *
     * @throws com.tutordesk.shared.NotFoundException as {@link PayrollQueries#statement}
     */
    public void statementCsv(long tutorId, LocalDate periodStart, OutputStream out) {
        PayStatement statement = queries.statement(tutorId, periodStart);
        BusinessProfile profile = settings.profile();
        String currency = profile.currency().getCurrencyCode();
        write(out, List.of("Line", "Date", "Student", "Subject", "Status", "Carried forward from", "Duration (minutes)",
                "Wage per hour (" + currency + ")", "Amount (" + currency + ")", "Memo"), csv -> {
                    for (StatementLine line : statement.lines()) {
                        csv.printRecord("Session", profile.local(line.startsAt()).toLocalDate(), text(line.studentName()),
                                text(line.subjectName()), line.statusLabel(),
                                line.carriedFrom() == null ? "" : line.carriedFrom().start() + " – "
                                        + line.carriedFrom().end(),
                                line.durationMinutes(), money(line.tutorWageMinor(), profile),
                                money(line.earningsMinor(), profile), "");
                    }
                    for (StatementAdjustment adjustment : statement.adjustments()) {
                        csv.printRecord(adjustment.kind().label(), profile.local(adjustment.createdAt()).toLocalDate(),
                                "", "", "", "", "", "", money(adjustment.signedAmountMinor(), profile),
                                text(adjustment.memo()));
                    }
                    csv.printRecord("Total", "", "", "", statement.state().label(), "", statement.totals().minutes(), "",
                            money(statement.totals().totalMinor(), profile), "");
                });
    }

    /**
     * Writes the period's export as CSV (UTF-8, header row): exactly one row per tutor, as on the
     * Payroll page.
     *
     * @param date any day of the period
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    public void periodCsv(LocalDate date, OutputStream out) {
        currentUsers.requireAdmin();
        PeriodPayroll payroll = queries.period(date);
        BusinessProfile profile = settings.profile();
        String currency = profile.currency().getCurrencyCode();
        write(out, List.of("Period start", "Period end", "Tutor id", "Tutor", "Sessions", "Minutes", "Hours (h:mm)",
                "Earnings (" + currency + ")", "Adjustments (" + currency + ")", "Total (" + currency + ")", "State",
                "Paid on", "Payment method", "Payment reference"), csv -> {
                    for (TutorPayRow row : payroll.rows()) {
                        PayTotals totals = row.totals();
                        csv.printRecord(row.period().start(), row.period().end(), row.tutorId(), text(row.tutorName()),
                                totals.sessions(), totals.minutes(), PdfLook.hoursMinutes(totals.minutes()),
                                money(totals.earningsMinor(), profile), money(totals.adjustmentsMinor(), profile),
                                money(totals.totalMinor(), profile), row.state().label(),
                                row.paidOn() == null ? "" : row.paidOn(),
                                row.paidMethod() == null ? "" : row.paidMethod().label(), text(row.paidReference()));
                    }
                });
    }

    /** @return e.g. "pay-statement-ana-lima-2026-11-16.pdf" for {@code extension} "pdf" */
    public static String statementFileName(PayStatement statement, String extension) {
        String name = statement.tutorName().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return "pay-statement-" + (name.isEmpty() ? String.valueOf(statement.tutorId()) : name) + "-"
                + statement.period().start() + "." + extension;
    }

    /** @return e.g. "payroll-2026-11-16.csv" */
    public static String periodFileName(PayPeriod period) {
        return "payroll-" + period.start() + ".csv";
    }

    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private static void write(OutputStream out, List<String> header, Rows rows) {
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

    private static String text(String value) {
        return value == null ? "" : CsvCells.neutraliseFormula(value);
    }

    private static String money(long minor, BusinessProfile profile) {
        return BigDecimal.valueOf(minor, Math.max(0, profile.currency().getDefaultFractionDigits())).toPlainString();
    }
}
