package com.tutordesk.billing;

import com.tutordesk.mail.EmailAttachment;
import com.tutordesk.mail.EmailBody;
import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.settings.BusinessProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The email that carries an invoice to the billing contact: plain text and HTML (built with
 * {@link HtmlEmail}, which escapes every name), the PDF attached. No internal note is ever in it:
 * invoices do not hold them. Subject and signature name the business's email sender name, the name
 * the email comes from (settings), as session reports do; durations read as everywhere ("1 h 15 min").
 */
final class InvoiceEmail {

    /** Reference type of invoice emails in the outbox. */
    static final String REFERENCE_TYPE = "INVOICE";
    /** Why an invoice email still waiting is not sent (issue 12: no stale payment request). */
    static final String WITHDRAWN_CANCELLED = "withdrawn: invoice cancelled";
    static final String WITHDRAWN_PAID = "withdrawn: invoice paid";

    private InvoiceEmail() {
    }

    static MailReference reference(long invoiceId) {
        return new MailReference(REFERENCE_TYPE, invoiceId);
    }

    static OutgoingEmail of(Invoice invoice, String to, BusinessProfile profile, String instructions, URI payLink,
            byte[] pdf) {
        return of(invoice, to, profile, instructions, payLink, pdf, null);
    }

    /**
     * @param note a paragraph put before the invoice's details, e.g. why a card charge failed, or
     *             {@code null}
     */
    static OutgoingEmail of(Invoice invoice, String to, BusinessProfile profile, String instructions, URI payLink,
            byte[] pdf, String note) {
        return of(invoice, to, profile, instructions, payLink, pdf, note, null);
    }

    /**
     * As above, with "See it in your portal" when the family has a portal login (issue 18).
     *
     * @param portalLink the invoice's page in the family portal, or {@code null} for no link
     */
    static OutgoingEmail of(Invoice invoice, String to, BusinessProfile profile, String instructions, URI payLink,
            byte[] pdf, String note, URI portalLink) {
        String number = invoice.getNumber();
        boolean paid = invoice.getState() == InvoiceState.PAID;
        String subject = "Invoice " + number + " from " + profile.emailSenderName() + (paid ? " (paid)" : "");
        List<List<String>> rows = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            rows.add(List.of(profile.formatDate(profile.local(line.getSessionStartsAt()).toLocalDate()),
                    line.getStudentName(),
                    line.getSubjectName() + (line.isLateCancelled() ? " (late cancellation)" : ""),
                    BusinessProfile.formatDuration(line.getDurationMinutes()), profile.formatMoney(line.getAmountMinor())));
        }
        for (InvoiceAdjustment adjustment : invoice.getAdjustments()) {
            rows.add(List.of("", "Adjustment", adjustment.getMemo(), "", profile.formatMoney(adjustment.getAmountMinor())));
        }
        rows.add(List.of("", "", "Total", "", profile.formatMoney(invoice.getTotalMinor())));
        HtmlEmail email = HtmlEmail.titled("Invoice " + number)
                .paragraph("Dear " + invoice.getBillToName() + ",");
        if (note != null && !note.isBlank()) {
            email.paragraph(note);
        }
        email.paragraph(paid
                        ? "Here is a copy of invoice " + number + ", which is paid. Thank you!"
                        : "Please find attached invoice " + number + " for " + profile.formatMoney(invoice.getTotalMinor())
                                + ", due on " + profile.formatDate(invoice.getDueDate()) + ".")
                .field("Invoice", number)
                .field("Issue date", profile.formatDate(invoice.getIssueDate()))
                .field("Due date", profile.formatDate(invoice.getDueDate()))
                .field("Total", profile.formatMoney(invoice.getTotalMinor()))
                .table(List.of("Date", "Student", "Subject", "Duration", "Amount"), rows, false, false, false, true, true);
        if (!paid) {
            if (payLink != null) {
                email.link("Pay now", payLink);
            }
            email.paragraph("How to pay: " + (instructions == null || instructions.isBlank() ? "" : instructions + " ")
                    + "Please quote " + number + " as the reference.");
        }
        if (portalLink != null) {
            email.link("See it in your portal", portalLink);
        }
        EmailBody body = email.footer(footer(profile)).build();
        return OutgoingEmail.of(reference(invoice.getId()), to, subject, body)
                .withAttachments(new EmailAttachment(InvoicePdf.fileName(invoice), "application/pdf", pdf));
    }

    /**
     * The receipt for a paid invoice, emailed instead of a payment request when the card on file was
     * charged (issue 8: "the email is then a receipt, not a request"); the paid invoice attached.
     *
     * @param paidWith e.g. "Visa •••• 4242"
     */
    static OutgoingEmail receipt(Invoice invoice, String to, BusinessProfile profile, long amountMinor,
            String paidWith, java.time.LocalDate paidOn, byte[] pdf) {
        String number = invoice.getNumber();
        List<List<String>> rows = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            rows.add(List.of(profile.formatDate(profile.local(line.getSessionStartsAt()).toLocalDate()),
                    line.getStudentName(),
                    line.getSubjectName() + (line.isLateCancelled() ? " (late cancellation)" : ""),
                    BusinessProfile.formatDuration(line.getDurationMinutes()), profile.formatMoney(line.getAmountMinor())));
        }
        for (InvoiceAdjustment adjustment : invoice.getAdjustments()) {
            rows.add(List.of("", "Adjustment", adjustment.getMemo(), "", profile.formatMoney(adjustment.getAmountMinor())));
        }
        rows.add(List.of("", "", "Total", "", profile.formatMoney(invoice.getTotalMinor())));
        EmailBody body = HtmlEmail.titled("Receipt for invoice " + number)
                .paragraph("Dear " + invoice.getBillToName() + ",")
                .paragraph("Thank you! We received your card payment of " + profile.formatMoney(amountMinor)
                        + " for invoice " + number + ". Nothing more is due.")
                .field("Invoice", number)
                .field("Amount paid", profile.formatMoney(amountMinor))
                .field("Paid with", paidWith)
                .field("Paid on", profile.formatDate(paidOn))
                .table(List.of("Date", "Student", "Subject", "Duration", "Amount"), rows, false, false, false, true, true)
                .footer(footer(profile))
                .build();
        return OutgoingEmail.of(reference(invoice.getId()), to, "Receipt for invoice " + number + " from "
                + profile.emailSenderName(), body)
                .withAttachments(new EmailAttachment(InvoicePdf.fileName(invoice), "application/pdf", pdf));
    }

    /** The sender name of every email (settings), as in session reports (issue 12), with the address. */
    private static String footer(BusinessProfile profile) {
        return "Sent by " + profile.emailSenderName()
                + (profile.address().isBlank() ? "" : " · " + profile.address().replace('\n', ',').replace(",", ", ")
                        .replaceAll(" +", " "));
    }
}
