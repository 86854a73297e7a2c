package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.people.BillTo;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An invoice's PDF and the emails that carry it, as every billing use case sends them: the invoice
 * (with its Pay now link while it is open and card payments are on), the receipt of a card payment.
 * Emails go through the outbox in the caller's transaction, to the client's billing contact as it
 * is now (the invoice keeps the bill-to it was issued with).
 */
@Component
class InvoiceDocuments {

    private final MailOutbox outbox;
    private final SettingsService settings;
    private final BillingProperties properties;
    private final ObjectProvider<InvoicePayLinks> payLinks;
    private final InvoiceGuard guard;

    private final com.tutordesk.security.ClientLoginService portalLogins;

    InvoiceDocuments(MailOutbox outbox, SettingsService settings, BillingProperties properties,
            ObjectProvider<InvoicePayLinks> payLinks, InvoiceGuard guard,
            com.tutordesk.security.ClientLoginService portalLogins) {
        this.portalLogins = portalLogins;
        this.outbox = outbox;
        this.settings = settings;
        this.properties = properties;
        this.payLinks = payLinks;
        this.guard = guard;
    }

    /** @return the PDF exactly as emailed: with the Pay now link while the invoice is open */
    byte[] pdf(Invoice invoice) {
        return InvoicePdf.render(invoice, settings.profile(), properties.paymentInstructions(), payLinkIfOpen(invoice));
    }

    /**
     * Puts the invoice email (PDF attached) in the outbox.
     *
     * @param note a paragraph before the invoice's details (e.g. why the card could not be charged), or {@code null}
     * @return the outbox message id
     */
    long emailInvoice(Invoice invoice, String note) {
        BusinessProfile profile = settings.profile();
        URI link = payLinkIfOpen(invoice);
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), link);
        return outbox.enqueue(InvoiceEmail.of(invoice, billingEmail(invoice), profile, properties.paymentInstructions(),
                link, pdf, note, portalLink(invoice)));
    }

    /**
     * Puts an overdue reminder in the outbox: the invoice email (PDF and Pay now link) with the reminder
     * note first and a subject that says it is a reminder.
     *
     * @return the outbox message id
     */
    long emailReminder(Invoice invoice, String note, int number) {
        BusinessProfile profile = settings.profile();
        URI link = payLinkIfOpen(invoice);
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), link);
        var email = InvoiceEmail.of(invoice, billingEmail(invoice), profile, properties.paymentInstructions(), link, pdf,
                note, portalLink(invoice));
        return outbox.enqueue(new com.tutordesk.mail.OutgoingEmail(email.reference(), email.to(),
                "Reminder " + number + ": invoice " + invoice.getNumber() + " from " + profile.emailSenderName()
                        + " is overdue", email.textBody(), email.htmlBody(),
                email.attachments()));
    }

    /**
     * Puts the receipt of a card payment (the paid invoice attached) in the outbox.
     *
     * @param paidWith e.g. "Visa •••• 4242"
     */
    void emailReceipt(Invoice invoice, long amountMinor, String paidWith, LocalDate paidOn) {
        BusinessProfile profile = settings.profile();
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), null);
        outbox.enqueue(InvoiceEmail.receipt(invoice, billingEmail(invoice), profile, amountMinor, paidWith, paidOn, pdf));
    }

    /** @return what became of an outbox message, e.g. "queued for ann@example.org" or "held: no mail server configured (for …)" */
    String outboxText(long messageId) {
        return outbox.message(messageId).queuedText();
    }

    /** @return the invoice's page in the family portal while the family has a portal login, else {@code null} */
    private URI portalLink(Invoice invoice) {
        return portalLogins.portalLink(invoice.getClientId(), "portal/invoices/" + invoice.getId()).orElse(null);
    }

    /** @return the client's billing email now, or the invoice's when the client is gone */
    String billingEmail(Invoice invoice) {
        return guard.client(invoice.getClientId()).map(BillTo::contactEmail).orElse(invoice.getBillToEmail());
    }

    /** @return the invoice's Pay now link while it is open and card payments are on, else {@code null} */
    URI payLinkIfOpen(Invoice invoice) {
        if (invoice.getState() != InvoiceState.OPEN) {
            return null;
        }
        InvoicePayLinks links = payLinks.getIfAvailable();
        return links == null ? null : links.payLinkFor(invoice.getId()).orElse(null);
    }
}
