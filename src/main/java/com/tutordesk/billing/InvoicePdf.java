package com.tutordesk.billing;

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
import java.net.URI;
import java.time.LocalDate;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders an invoice as PDF with OpenPDF (issue 7: business name and address, number, dates,
 * bill-to, lines, adjustments, total, how to pay) in the business's PDF look ({@link PdfLook}:
 * embedded DejaVu Sans with a fallback for Chinese, Japanese and Korean). Never prints the
 * sessions' internal notes: the invoice does not even hold them.
 */
final class InvoicePdf {

    private InvoicePdf() {
    }

    /**
     * @param invoice      the invoice (a draft prints "Draft" instead of a number)
     * @param profile      business name, address, zone, locale and currency
     * @param instructions "how to pay" text
     * @param payLink      online payment link, if card payments are on
     * @return the PDF bytes
     */
    static byte[] render(Invoice invoice, BusinessProfile profile, String instructions, URI payLink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = PdfLook.document(profile.locale());
        try {
            PdfWriter.getInstance(document, out);
            String title = invoice.getNumber() == null ? "Draft invoice" : "Invoice " + invoice.getNumber();
            document.addTitle(title);
            document.addAuthor(profile.name());
            document.addCreator("Tutordesk");
            document.open();
            header(document, invoice, profile);
            billTo(document, invoice);
            lines(document, invoice, profile);
            totals(document, invoice, profile);
            howToPay(document, invoice, profile, instructions, payLink);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render invoice " + invoice.getId() + " as PDF", e);
        }
        return out.toByteArray();
    }

    /** @return "INV-000123.pdf", or "draft-invoice-42.pdf" */
    static String fileName(Invoice invoice) {
        return invoice.getNumber() == null ? "draft-invoice-" + invoice.getId() + ".pdf" : invoice.getNumber() + ".pdf";
    }

    /**
     * @return US Letter for a business in the United States or Canada, ISO A4 everywhere else
     *         (issue 12; the page of {@link PdfLook#document})
     */
    static org.openpdf.text.Rectangle paperSize(java.util.Locale locale) {
        return PdfLook.document(locale).getPageSize();
    }

    /** @return minutes as h:mm, e.g. 75 → "1:15" (issue 7: "duration as h:mm") */
    static String hoursMinutes(int minutes) {
        return PdfLook.hoursMinutes(minutes);
    }

    private static void header(Document document, Invoice invoice, BusinessProfile profile) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        table.addCell(PdfLook.letterhead(profile.name(), profile.address()));

        PdfPCell facts = cell();
        String state = switch (invoice.getState()) {
            case DRAFT -> "DRAFT";
            case OPEN -> "INVOICE";
            case PAID -> "INVOICE — PAID";
            case CANCELLED -> "INVOICE — CANCELLED";
        };
        Paragraph heading = paragraph(HEADING, state);
        heading.setAlignment(Element.ALIGN_RIGHT);
        facts.addElement(heading);
        facts.addElement(rightLine("Invoice number", invoice.getNumber() == null ? "—" : invoice.getNumber()));
        facts.addElement(rightLine("Issue date", invoice.getIssueDate() == null ? "not issued"
                : profile.formatDate(invoice.getIssueDate())));
        facts.addElement(rightLine("Due date", profile.formatDate(invoice.getDueDate())));
        table.addCell(facts);
        document.add(table);
    }

    private static void billTo(Document document, Invoice invoice) throws DocumentException {
        Paragraph label = paragraph(CELL_HEAD, "BILL TO");
        label.setSpacingBefore(18);
        document.add(label);
        document.add(paragraph(HEADING, invoice.getBillToName()));
        document.add(paragraph(TEXT, invoice.getBillToEmail()));
        if (invoice.getBillToAddress() != null && !invoice.getBillToAddress().isBlank()) {
            document.add(paragraph(TEXT, invoice.getBillToAddress()));
        }
    }

    private static void lines(Document document, Invoice invoice, BusinessProfile profile) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {2.5f, 2.8f, 2.6f, 2.3f, 1.6f, 1.7f, 1.7f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(18);
        table.setHeaderRows(1);
        String[] headers = {"Date", "Student", "Subject", "Tutor", "Duration", "Rate", "Amount"};
        for (int i = 0; i < headers.length; i++) {
            table.addCell(PdfLook.headCell(headers[i], i >= 4));
        }
        for (InvoiceLine line : invoice.getLines()) {
            LocalDate date = profile.local(line.getSessionStartsAt()).toLocalDate();
            table.addCell(row(profile.formatDate(date), false));
            table.addCell(row(line.getStudentName(), false));
            table.addCell(row(line.getSubjectName() + (line.isLateCancelled() ? " (late cancellation)" : ""), false));
            table.addCell(row(line.getTutorName(), false));
            table.addCell(row(BusinessProfile.formatDuration(line.getDurationMinutes()), true));
            table.addCell(row(profile.formatMoney(line.getRateMinor()) + "/h", true));
            table.addCell(row(profile.formatMoney(line.getAmountMinor()), true));
        }
        document.add(table);
    }

    private static void totals(Document document, Invoice invoice, BusinessProfile profile) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {5, 1.8f});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        int count = invoice.getLines().size();
        table.addCell(row("Sessions (" + count + ")", true));
        table.addCell(row(profile.formatMoney(invoice.getLinesTotalMinor()), true));
        for (InvoiceAdjustment adjustment : invoice.getAdjustments()) {
            table.addCell(row("Adjustment: " + adjustment.getMemo(), true));
            table.addCell(row(profile.formatMoney(adjustment.getAmountMinor()), true));
        }
        PdfLook.totalRow(table, "Total " + invoice.getCurrency(), profile.formatMoney(invoice.getTotalMinor()));
        document.add(table);
    }

    private static void howToPay(Document document, Invoice invoice, BusinessProfile profile, String instructions,
            URI payLink) throws DocumentException {
        Paragraph label = paragraph(CELL_HEAD, "HOW TO PAY");
        label.setSpacingBefore(24);
        document.add(label);
        switch (invoice.getState()) {
            case PAID -> document.add(paragraph(TEXT, "Paid in full. Thank you!"));
            case CANCELLED -> document.add(paragraph(TEXT, "This invoice was cancelled: nothing is due."));
            default -> {
                document.add(paragraph(TEXT, "Please pay " + profile.formatMoney(invoice.getTotalMinor()) + " by "
                        + profile.formatDate(invoice.getDueDate())
                        + (invoice.getNumber() == null ? "." : ", quoting " + invoice.getNumber() + " as the reference.")));
                if (instructions != null && !instructions.isBlank()) {
                    document.add(paragraph(TEXT, instructions));
                }
                if (payLink != null) {
                    document.add(paragraph(TEXT, "Pay online: " + payLink.toASCIIString()));
                }
            }
        }
        Paragraph thanks = paragraph(SMALL, "Thank you for learning with " + profile.name() + ".");
        thanks.setSpacingBefore(18);
        document.add(thanks);
    }
}
