package com.tutordesk.payroll;

import static com.tutordesk.shared.PdfLook.CELL_HEAD;
import static com.tutordesk.shared.PdfLook.HEADING;
import static com.tutordesk.shared.PdfLook.SMALL;
import static com.tutordesk.shared.PdfLook.TEXT;
import static com.tutordesk.shared.PdfLook.cell;
import static com.tutordesk.shared.PdfLook.paragraph;
import static com.tutordesk.shared.PdfLook.rightLine;
import static com.tutordesk.shared.PdfLook.row;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.PdfLook;
import java.io.ByteArrayOutputStream;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders a tutor's pay statement as PDF in the invoices' look ({@link PdfLook}): business name
 * and address, tutor, period and state, every session (date, student, subject — late cancellations
 * and carried-forward sessions marked —, duration as "1 h 15 min", wage, earnings), the adjustments
 * and the total; the sessions' hours in all as h:mm.
 * Never shows client rates or amounts: a statement is the tutor's.
 */
final class StatementPdf {

    private StatementPdf() {
    }

    /** @return the PDF bytes */
    static byte[] render(PayStatement statement, BusinessProfile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = PdfLook.document(profile.locale());
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Pay statement " + statement.tutorName() + " " + statement.period().label(profile));
            document.addAuthor(profile.name());
            document.addCreator("Tutordesk");
            document.open();
            header(document, statement, profile);
            lines(document, statement, profile);
            totals(document, statement, profile);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the pay statement of tutor " + statement.tutorId(), e);
        }
        return out.toByteArray();
    }

    private static void header(Document document, PayStatement statement, BusinessProfile profile)
            throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        table.addCell(PdfLook.letterhead(profile.name(), profile.address()));

        PdfPCell facts = cell();
        Paragraph heading = paragraph(HEADING, switch (statement.state()) {
            case OPEN -> "PAY STATEMENT — NOT YET APPROVED";
            case APPROVED -> "PAY STATEMENT — APPROVED";
            case PAID -> "PAY STATEMENT — PAID";
        });
        heading.setAlignment(Element.ALIGN_RIGHT);
        facts.addElement(heading);
        facts.addElement(rightLine("Tutor", statement.tutorName()));
        facts.addElement(rightLine("Pay period", statement.period().label(profile)));
        if (statement.approvedAt() != null) {
            facts.addElement(rightLine("Approved", profile.formatDate(profile.local(statement.approvedAt()).toLocalDate())));
        }
        if (statement.paidOn() != null) {
            facts.addElement(rightLine("Paid", profile.formatDate(statement.paidOn()) + " · "
                    + statement.paidMethod().label()
                    + (statement.paidReference() == null ? "" : " · " + statement.paidReference())));
        }
        table.addCell(facts);
        document.add(table);
    }

    private static void lines(Document document, PayStatement statement, BusinessProfile profile)
            throws DocumentException {
        Paragraph label = paragraph(CELL_HEAD, "SESSIONS");
        label.setSpacingBefore(18);
        document.add(label);
        if (statement.lines().isEmpty()) {
            document.add(paragraph(TEXT, "No sessions in this period."));
            return;
        }
        PdfPTable table = new PdfPTable(new float[] {2.4f, 2.8f, 3.6f, 1.5f, 1.7f, 1.7f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        String[] headers = {"Date", "Student", "Subject", "Duration", "Wage", "Earnings"};
        for (int i = 0; i < headers.length; i++) {
            table.addCell(PdfLook.headCell(headers[i], i >= 3));
        }
        for (StatementLine line : statement.lines()) {
            table.addCell(row(profile.formatDate(profile.local(line.startsAt()).toLocalDate()), false));
            table.addCell(row(line.studentName(), false));
            table.addCell(row(line.subjectName() + marks(line, profile), false));
            table.addCell(row(BusinessProfile.formatDuration(line.durationMinutes()), true));
            table.addCell(row(profile.formatMoney(line.tutorWageMinor()) + "/h", true));
            table.addCell(row(profile.formatMoney(line.earningsMinor()), true));
        }
        document.add(table);
    }

    /** @return " (late cancellation)", " (carried forward from …)", both, or nothing */
    static String marks(StatementLine line, BusinessProfile profile) {
        return (line.lateCancelled() ? " (late cancellation)" : "")
                + (line.carriedFrom() == null ? "" : " (carried forward from " + line.carriedFrom().label(profile) + ")");
    }

    private static void totals(Document document, PayStatement statement, BusinessProfile profile)
            throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {5, 1.8f});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        PayTotals totals = statement.totals();
        table.addCell(row("Sessions (" + totals.sessions() + ", " + PdfLook.hoursMinutes(totals.minutes()) + " h)",
                true));
        table.addCell(row(profile.formatMoney(totals.earningsMinor()), true));
        for (StatementAdjustment adjustment : statement.adjustments()) {
            table.addCell(row(adjustment.kind().label() + ": " + adjustment.memo(), true));
            table.addCell(row(profile.formatMoney(adjustment.signedAmountMinor()), true));
        }
        PdfLook.totalRow(table, "Total " + profile.currency().getCurrencyCode(), profile.formatMoney(totals.totalMinor()));
        document.add(table);
        Paragraph note = paragraph(SMALL, "Earnings are each session's tutor earnings as recorded: wage × minutes ÷ 60,"
                + " rounded once to the cent; late cancellations are paid the share the business's policy sets.");
        note.setSpacingBefore(18);
        document.add(note);
    }
}
