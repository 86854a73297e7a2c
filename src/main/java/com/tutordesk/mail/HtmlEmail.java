package com.tutordesk.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds an email's plain-text body and its HTML alternative from the same content. Every string
 * given to it is text, never markup: it is HTML-escaped in the HTML body (a session report that says
 * {@code <script>} shows those characters and runs nothing), and line breaks in multi-line text are
 * kept. There is deliberately no way to add raw HTML.
 *
 * <pre>{@code
 * EmailBody body = HtmlEmail.titled("Session report: " + studentName)
 *         .paragraph("Dear " + parentName + ",")
 *         .field("Tutor", tutorName).field("Date", date)
 *         .text(report)                       // multi-line user text
 *         .link("Pay now", URI.create(payUrl)) // http(s) only
 *         .footer("Sent by " + businessName)
 *         .build();
 * }</pre>
 */
public final class HtmlEmail {

    private sealed interface Block permits Paragraph, Fields, Text, Table, Link {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Fields(List<String[]> pairs) implements Block {
    }

    private record Text(String text) implements Block {
    }

    private record Table(List<String> headers, List<List<String>> rows, boolean[] alignRight) implements Block {
    }

    private record Link(String label, URI uri) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private String footer;

    private HtmlEmail(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Starts an email whose body opens with this heading. */
    public static HtmlEmail titled(String title) {
        return new HtmlEmail(title);
    }

    /** @return {@code text} with {@code & < > " '} escaped, for an HTML body or attribute */
    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** Adds a one-line paragraph. */
    public HtmlEmail paragraph(String text) {
        blocks.add(new Paragraph(Objects.requireNonNull(text, "text")));
        return this;
    }

    /** Adds a "label: value" line; consecutive fields form one list. A {@code null} value is left out. */
    public HtmlEmail field(String label, String value) {
        if (value == null) {
            return this;
        }
        if (!blocks.isEmpty() && blocks.getLast() instanceof Fields fields) {
            fields.pairs().add(new String[] {label, value});
        } else {
            List<String[]> pairs = new ArrayList<>();
            pairs.add(new String[] {label, value});
            blocks.add(new Fields(pairs));
        }
        return this;
    }

    /** Adds multi-line text as written by a person (e.g. a session report); line breaks are kept. */
    public HtmlEmail text(String text) {
        blocks.add(new Text(Objects.requireNonNull(text, "text")));
        return this;
    }

    /**
     * Adds a table (e.g. invoice lines).
     *
     * @param headers    column headings
     * @param rows       cells, each row as long as {@code headers}
     * @param alignRight which columns hold amounts (right-aligned); may be shorter than headers
     */
    public HtmlEmail table(List<String> headers, List<List<String>> rows, boolean... alignRight) {
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Every table row needs " + headers.size() + " cells: " + row);
            }
        }
        blocks.add(new Table(List.copyOf(headers), rows.stream().map(List::copyOf).toList(), alignRight));
        return this;
    }

    /**
     * Adds a link shown as a button (HTML) or "label: url" (text).
     *
     * @throws IllegalArgumentException unless the link is an absolute http or https URL
     */
    public HtmlEmail link(String label, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("Email links must be http or https URLs: " + uri);
        }
        blocks.add(new Link(Objects.requireNonNull(label, "label"), uri));
        return this;
    }

    /** Sets the small print at the bottom (e.g. "Sent by Maple Grove Tutoring"). */
    public HtmlEmail footer(String text) {
        this.footer = text;
        return this;
    }

    /** @return the plain-text body and the HTML body */
    public EmailBody build() {
        return new EmailBody(text(), html());
    }

    private String text() {
        StringBuilder out = new StringBuilder(title).append('\n').append("=".repeat(Math.min(title.length(), 72)))
                .append("\n\n");
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> out.append(p.text()).append("\n\n");
                case Fields f -> {
                    for (String[] pair : f.pairs()) {
                        out.append(pair[0]).append(": ").append(pair[1]).append('\n');
                    }
                    out.append('\n');
                }
                case Text t -> out.append(normalizeNewlines(t.text()).strip()).append("\n\n");
                case Table t -> out.append(textTable(t)).append('\n');
                case Link l -> out.append(l.label()).append(": ").append(l.uri().toASCIIString()).append("\n\n");
            }
        }
        if (footer != null) {
            out.append("-- \n").append(footer).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String textTable(Table table) {
        int columns = table.headers().size();
        int[] widths = new int[columns];
        List<List<String>> all = new ArrayList<>();
        all.add(table.headers());
        all.addAll(table.rows());
        for (List<String> row : all) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], oneLine(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = oneLine(row.get(i));
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(right(table, i) ? pad + cell : cell + pad);
                if (i < columns - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private String html() {
        StringBuilder out = new StringBuilder(1024);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>").append(escape(title))
                .append("</title></head>\n<body style=\"margin:0;padding:24px;background:#f5f6f8;")
                .append("font-family:Helvetica,Arial,sans-serif;color:#1f2937;font-size:15px;line-height:1.5\">\n")
                .append("<div style=\"max-width:640px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px\">\n")
                .append("<h1 style=\"font-size:20px;margin:0 0 16px\">").append(escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> out.append("<p>").append(escape(p.text())).append("</p>\n");
                case Fields f -> {
                    out.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px\">\n");
                    for (String[] pair : f.pairs()) {
                        out.append("<tr><th style=\"text-align:left;padding:2px 16px 2px 0;color:#6b7280;")
                                .append("font-weight:normal\">").append(escape(pair[0])).append("</th><td>")
                                .append(escape(pair[1])).append("</td></tr>\n");
                    }
                    out.append("</table>\n");
                }
                case Text t -> out.append("<p>")
                        .append(escape(normalizeNewlines(t.text()).strip()).replace("\n", "<br>\n")).append("</p>\n");
                case Table t -> htmlTable(out, t);
                case Link l -> out.append("<p><a href=\"").append(escape(l.uri().toASCIIString()))
                        .append("\" style=\"display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;")
                        .append("text-decoration:none;border-radius:6px\">").append(escape(l.label())).append("</a></p>\n");
            }
        }
        if (footer != null) {
            out.append("<p style=\"margin-top:24px;color:#6b7280;font-size:13px\">").append(escape(footer))
                    .append("</p>\n");
        }
        return out.append("</div>\n</body></html>\n").toString();
    }

    private static void htmlTable(StringBuilder out, Table table) {
        out.append("<table style=\"border-collapse:collapse;width:100%;margin:0 0 16px\">\n<thead><tr>");
        for (int i = 0; i < table.headers().size(); i++) {
            out.append("<th style=\"text-align:").append(right(table, i) ? "right" : "left")
                    .append(";border-bottom:1px solid #d1d5db;padding:4px 8px\">").append(escape(table.headers().get(i)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append("<td style=\"text-align:").append(right(table, i) ? "right" : "left")
                        .append(";border-bottom:1px solid #f0f0f0;padding:4px 8px\">").append(escape(row.get(i)))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static boolean right(Table table, int column) {
        return column < table.alignRight().length && table.alignRight()[column];
    }

    private static String normalizeNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String oneLine(String cell) {
        return normalizeNewlines(cell).replace('\n', ' ');
    }
}
