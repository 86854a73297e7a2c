package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's API for the card-payments module (issue 8): read and lock an invoice that is to be
 * charged, record a card payment (the mark-paid path, method CARD, with a receipt email), and email
 * the invoice with its pay link after a failed charge. Checks no role: the card module has checked
 * that the user may charge this client (domain.md "Roles": charges), or acts on Stripe's verified
 * webhook.
 */
@Service
public class InvoiceCharges {

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final SessionBilling sessionBilling;
    private final MailOutbox outbox;
    private final SettingsService settings;
    private final BillingProperties properties;
    private final ObjectProvider<InvoicePayLinks> payLinks;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    InvoiceCharges(InvoiceRepository invoices, InvoicePaymentRepository payments, SessionBilling sessionBilling,
            MailOutbox outbox, SettingsService settings, BillingProperties properties,
            ObjectProvider<InvoicePayLinks> payLinks, JdbcTemplate jdbc, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.sessionBilling = sessionBilling;
        this.outbox = outbox;
        this.settings = settings;
        this.properties = properties;
        this.payLinks = payLinks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An invoice as a charge needs it.
     *
     * @param id              invoice id
     * @param number          "INV-000123", or {@code null} for a draft
     * @param state           its state now
     * @param clientId        the client billed
     * @param clientAddedByTutorId the Enhanced-Access tutor who added the client, or {@code null}
     * @param openAmountMinor what is left to pay, minor units (the total while open, else 0)
     * @param currency        ISO 4217
     * @param billToName      billing contact on the invoice
     * @param billToEmail     billing email on the invoice
     */
    public record ChargeableInvoice(long id, String number, InvoiceState state, long clientId,
            Long clientAddedByTutorId, long openAmountMinor, String currency, String billToName, String billToEmail) {

        /** @return "INV-000123", or "a draft invoice" */
        public String title() {
            return number == null ? "a draft invoice" : number;
        }
    }

    /** @return the invoice, if it exists */
    @Transactional(readOnly = true)
    public Optional<ChargeableInvoice> find(long invoiceId) {
        return invoices.findById(invoiceId).map(this::chargeable);
    }

    /**
     * Reads the invoice and locks its row until the caller's transaction ends (the issuing,
     * mark-paid and cancel paths lock it too, so a charge decision sees a settled state).
     *
     * @throws NotFoundException when it does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ChargeableInvoice lock(long invoiceId) {
        return chargeable(invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId)));
    }

    /**
     * Records a card payment of the whole open amount: the payment (method CARD, the Stripe
     * PaymentIntent as reference), the invoice and its sessions paid, its payment requests still in the
     * outbox withdrawn, and a receipt emailed to the billing contact instead of a payment request. Call it after the charge's attempt is no longer in
     * flight (the database refuses to close an invoice with a charge in flight).
     *
     * @param amountMinor   must equal the open amount (amounts go to Stripe exactly as stored)
     * @param reference     e.g. "pi_3N…", at most {@value InvoicePayment#REFERENCE_MAX_LENGTH} characters
     * @param paidWith      e.g. "Visa •••• 4242"
     * @param userId        who asked for the charge, or {@code null} (webhook, automatic charge)
     * @throws RuleViolationException unless the invoice is open and the amount is its open amount
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCardPayment(long invoiceId, long amountMinor, String reference, String paidWith, Long userId) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (invoice.getState() != InvoiceState.OPEN) {
            throw new RuleViolationException("Invoice " + invoice.getNumber() + " is "
                    + invoice.getState().label().toLowerCase() + ": a card payment cannot be recorded");
        }
        if (amountMinor != invoice.getTotalMinor()) {
            throw new RuleViolationException("The card payment of " + amountMinor + " does not match the open amount "
                    + invoice.getTotalMinor() + " of " + invoice.getNumber());
        }
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);
        Instant now = clock.instant();
        String ref = reference.length() > InvoicePayment.REFERENCE_MAX_LENGTH
                ? reference.substring(0, InvoicePayment.REFERENCE_MAX_LENGTH) : reference;
        payments.save(new InvoicePayment(invoiceId, PaymentMethod.CARD, amountMinor, today, ref, userId, now));
        sessionBilling.markPaid(InvoiceService.activeSessions(invoice));
        invoice.markPaid(now);
        invoices.flush();
        // Before the receipt: payment requests still waiting must not reach the client after it (issue 12).
        outbox.withdrawUnsent(InvoiceEmail.reference(invoiceId), InvoiceEmail.WITHDRAWN_PAID);
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), null);
        outbox.enqueue(InvoiceEmail.receipt(invoice, billingEmail(invoice), profile, amountMinor, paidWith, today, pdf));
    }

    /**
     * Emails the open invoice (PDF attached) with its Pay now link and a note on top, e.g. why the card
     * on file could not be charged.
     *
     * @throws RuleViolationException unless the invoice is open
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void emailPayRequest(long invoiceId, String note) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (invoice.getState() != InvoiceState.OPEN) {
            throw new RuleViolationException("Invoice " + invoice.getNumber() + " is not open");
        }
        BusinessProfile profile = settings.profile();
        InvoicePayLinks links = payLinks.getIfAvailable();
        URI link = links == null ? null : links.payLinkFor(invoiceId).orElse(null);
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), link);
        outbox.enqueue(InvoiceEmail.of(invoice, billingEmail(invoice), profile, properties.paymentInstructions(), link,
                pdf, note));
    }

    /**
     * @return whether the invoice has lines of tutors other than {@code tutorId} (whose amounts an
     *         Enhanced-Access tutor may not see, issue 7)
     */
    @Transactional(readOnly = true)
    public boolean hasOtherTutorsLines(long invoiceId, long tutorId) {
        return invoices.findById(invoiceId).map(invoice -> invoice.getLines().stream()
                .anyMatch(line -> line.getTutorId() != tutorId)).orElse(false);
    }

    private String billingEmail(Invoice invoice) {
        return jdbc.query("select billing_contact_email from clients where id = ?", (rs, i) -> rs.getString(1),
                invoice.getClientId()).stream().findFirst().orElse(invoice.getBillToEmail());
    }

    private ChargeableInvoice chargeable(Invoice invoice) {
        List<Long> addedBy = jdbc.query("select added_by_tutor_id from clients where id = ?",
                (rs, i) -> rs.getObject(1, Long.class), invoice.getClientId());
        return new ChargeableInvoice(invoice.getId(), invoice.getNumber(), invoice.getState(), invoice.getClientId(),
                addedBy.isEmpty() ? null : addedBy.getFirst(), invoice.getState() == InvoiceState.OPEN ? invoice.getTotalMinor() : 0, invoice.getCurrency(),
                invoice.getBillToName(), invoice.getBillToEmail());
    }
}
