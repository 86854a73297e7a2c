package com.tutordesk.shared;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * The look every PDF of the business shares (invoices, pay statements): Letter or A4 by the
 * business's country, 48 pt margins,
 * text set in DejaVu Sans, embedded, with Droid Sans Fallback for the scripts DejaVu lacks
 * (Chinese, Japanese, Korean), so every name renders as written; a title, headings, body text,
 * muted small print and ruled tables. Both fonts ship inside the application
 * ({@code src/main/resources/fonts}, with their licences). Built on OpenPDF.
 */
public final class PdfLook {

    private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    private static final Color RULE = new Color(0xd1, 0xd5, 0xdb);
    private static final Color ROW_RULE = new Color(0xf0, 0xf0, 0xf0);

    private PdfLook() {
    }

    /** Fonts load once per JVM (≈ 5 MB of TrueType). */
    private static final class Fonts {
        static final BaseFont REGULAR = load("fonts/dejavu/DejaVuSans.ttf");
        static final BaseFont BOLD = load("fonts/dejavu/DejaVuSans-Bold.ttf");
        static final BaseFont FALLBACK = load("fonts/droid/DroidSansFallbackFull.ttf");

        private static BaseFont load(String resource) {
            try (InputStream in = PdfLook.class.getClassLoader().getResourceAsStream(resource)) {
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

    /** A text style: size in points, bold or not, colour. */
    public record Style(float size, boolean bold, Color color) {

        Font font() {
            return new Font(bold ? Fonts.BOLD : Fonts.REGULAR, size, Font.NORMAL, color);
        }

        /** @return an empty paragraph whose own font (used for spacing) is embedded too, not Helvetica */
        public Paragraph paragraph() {
            Paragraph paragraph = new Paragraph(size * 1.35f, "", font());
            paragraph.setFont(font());
            return paragraph;
        }

        /** @return {@code text} in this style, falling back to Droid Sans for characters DejaVu lacks */
        public Phrase phrase(String text) {
            FontSelector selector = new FontSelector();
            selector.addFont(font());
            selector.addFont(new Font(Fonts.FALLBACK, size, Font.NORMAL, color));
            return selector.process(text == null ? "" : text);
        }
    }

    public static final Style TITLE = new Style(20, true, Color.BLACK);
    public static final Style HEADING = new Style(11, true, Color.BLACK);
    public static final Style TEXT = new Style(9.5f, false, Color.BLACK);
    public static final Style SMALL = new Style(8.5f, false, MUTED);
    public static final Style CELL_HEAD = new Style(8.5f, true, MUTED);
    public static final Style TOTAL = new Style(11, true, Color.BLACK);

    /**
     * @return a new document with the house margins (not yet opened), on US Letter for a business in
     *         the United States or Canada, where Letter is the paper in every printer, and on ISO A4
     *         everywhere else
     */
    public static Document document(java.util.Locale locale) {
        return new Document(switch (locale.getCountry()) {
            case "US", "CA" -> PageSize.LETTER;
            default -> PageSize.A4;
        }, 48, 48, 48, 48);
    }

    /** @return a paragraph of {@code text} in {@code style} */
    public static Paragraph paragraph(Style style, String text) {
        Paragraph paragraph = style.paragraph();
        paragraph.add(style.phrase(text));
        return paragraph;
    }

    /** @return a right-aligned "label: value" line, the label muted */
    public static Paragraph rightLine(String label, String value) {
        Paragraph line = TEXT.paragraph();
        line.add(SMALL.phrase(label + ": "));
        line.add(TEXT.phrase(value));
        line.setAlignment(Element.ALIGN_RIGHT);
        return line;
    }

    /** @return a borderless, unpadded cell for laying out blocks side by side */
    public static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** @return the business's name as a title with its postal address under it (if any), as a layout cell */
    public static PdfPCell letterhead(String businessName, String address) {
        PdfPCell business = cell();
        business.addElement(paragraph(TITLE, businessName));
        if (address != null && !address.isBlank()) {
            business.addElement(paragraph(TEXT, address));
        }
        return business;
    }

    /** @return a column heading of a ruled table */
    public static PdfPCell headCell(String text, boolean right) {
        PdfPCell head = new PdfPCell(CELL_HEAD.phrase(text));
        head.setBorder(Rectangle.BOTTOM);
        head.setBorderColor(RULE);
        head.setPaddingBottom(5);
        head.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return head;
    }

    /** @return a body cell of a ruled table */
    public static PdfPCell row(String text, boolean right) {
        PdfPCell cell = new PdfPCell(TEXT.phrase(text));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(ROW_RULE);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    /** Adds a "Total" label and amount, right-aligned under a rule, to a two-column totals table. */
    public static void totalRow(PdfPTable table, String label, String amount) {
        PdfPCell labelCell = new PdfPCell(TOTAL.phrase(label));
        PdfPCell amountCell = new PdfPCell(TOTAL.phrase(amount));
        for (PdfPCell cell : new PdfPCell[] {labelCell, amountCell}) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(RULE);
            cell.setPaddingTop(6);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(cell);
        }
    }

    /** @return minutes as h:mm, e.g. 75 → "1:15", the duration format of printed tables */
    public static String hoursMinutes(int minutes) {
        return String.format(java.util.Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }
}
