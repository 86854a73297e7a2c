package com.tutordesk.billing;

import com.tutordesk.settings.BusinessProfile;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Renders an invoice as PDF with OpenPDF (issue 7: business name and address, number, dates,
 * bill-to, lines, adjustments, total, how to pay). Text is set in DejaVu Sans, embedded, with Droid
 * Sans Fallback for the scripts DejaVu lacks (Chinese, Japanese, Korean), so every name renders as
 * written. Both fonts ship inside the application ({@code src/main/resources/fonts}, with their
 * licences). Never prints the sessions' internal notes: the invoice does not even hold them.
 */
final class InvoicePdf {

    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color RULE = new Color(0xd1, 0xd5, 0xdb);

    private InvoicePdf() {
    }

    /** Fonts load once per JVM (≈ 5 MB of TrueType). */
    private static final class Fonts {
        static final BaseFont REGULAR = load("fonts/dejavu/DejaVuSans.ttf");
        static final BaseFont BOLD = load("fonts/dejavu/DejaVuSans-Bold.ttf");
        static final BaseFont FALLBACK = load("fonts/droid/DroidSansFallbackFull.ttf");

        private static BaseFont load(String resource) {
            try (InputStream in = InvoicePdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Font missing from the application: " + resource);
                }
                byte[] bytes = in.readAllBytes();
                return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                        BaseFont.EMBEDDED, true, bytes, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException("Could not load font " + resource, e);
            }
        }
    }

    private record Style(float size, boolean bold, Color color) {
        Font font() {
            return new Font(bold ? Fonts.BOLD : Fonts.REGULAR, size, Font.NORMAL, color);
        }

        /** A paragraph whose own font (used for spacing) is embedded too, not the default Helvetica. */
        Paragraph paragraph() {
            Paragraph paragraph = new Paragraph(size * 1.35f, "", font());
            paragraph.setFont(font());
            return paragraph;
        }

        Phrase phrase(String text) {
            FontSelector selector = new FontSelector();
            selector.addFont(font());
            selector.addFont(new Font(Fonts.FALLBACK, size, Font.NORMAL, color));
            return selector.process(text == null ? "" : text);
        }
    }

    private static final Style TITLE = new Style(20, true, Color.BLACK);
    private static final Style HEADING = new Style(11, true, Color.BLACK);
    private static final Style TEXT = new Style(9.5f, false, Color.BLACK);
    private static final Style SMALL = new Style(8.5f, false, MUTED);
    private static final Style CELL_HEAD = new Style(8.5f, true, MUTED);
    private static final Style TOTAL = new Style(11, true, Color.BLACK);

    /**
     * @param invoice      the invoice (a draft prints "Draft" instead of a number)
     * @param profile      business name, address, zone, locale and currency
     * @param instructions "how to pay" text
     * @param payLink      online payment link, if card payments are on
     * @return the PDF bytes
     */
    static byte[] render(Invoice invoice, BusinessProfile profile, String instructions, URI payLink) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = new Document(paperSize(profile.locale()), 48, 48, 48, 48);
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
     * @return US Letter for a business in the United States or Canada, where Letter is the paper in
     *         every printer; ISO A4 everywhere else (issue 12)
     */
    static Rectangle paperSize(Locale locale) {
        return switch (locale.getCountry()) {
            case "US", "CA" -> PageSize.LETTER;
            default -> PageSize.A4;
        };
    }

    private static void header(Document document, Invoice invoice, BusinessProfile profile) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3, 2});
        table.setWidthPercentage(100);
        PdfPCell business = cell();
        business.addElement(paragraph(TITLE, profile.name()));
        if (!profile.address().isBlank()) {
            business.addElement(paragraph(TEXT, profile.address()));
        }
        table.addCell(business);

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

    private static Paragraph rightLine(String label, String value) {
        Paragraph line = TEXT.paragraph();
        line.add(SMALL.phrase(label + ": "));
        line.add(TEXT.phrase(value));
        line.setAlignment(Element.ALIGN_RIGHT);
        return line;
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
            PdfPCell head = new PdfPCell(CELL_HEAD.phrase(headers[i]));
            head.setBorder(Rectangle.BOTTOM);
            head.setBorderColor(RULE);
            head.setPaddingBottom(5);
            head.setHorizontalAlignment(i >= 4 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(head);
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
        PdfPCell label = new PdfPCell(TOTAL.phrase("Total " + invoice.getCurrency()));
        PdfPCell amount = new PdfPCell(TOTAL.phrase(profile.formatMoney(invoice.getTotalMinor())));
        for (PdfPCell cell : new PdfPCell[] {label, amount}) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(RULE);
            cell.setPaddingTop(6);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(cell);
        }
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

    private static Paragraph paragraph(Style style, String text) {
        Paragraph paragraph = style.paragraph();
        paragraph.add(style.phrase(text));
        return paragraph;
    }

    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPCell row(String text, boolean right) {
        PdfPCell cell = new PdfPCell(TEXT.phrase(text));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xf0, 0xf0, 0xf0));
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }
}
