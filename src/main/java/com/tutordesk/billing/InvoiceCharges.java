package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's API for the card-payments module (issue 8), the module that collects issued invoices:
 * read and lock an invoice that is to be charged, record a card payment (the mark-paid path, method
 * CARD, with a receipt email), and email an issued invoice with its pay link — when it is not charged,
 * or after a failed charge. Checks no role: the card module has checked that the user may charge this
 * client (domain.md "Roles": charges), or acts on an event, a job or Stripe's verified webhook.
 */
@Service
public class InvoiceCharges {

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final SessionBilling sessionBilling;
    private final InvoiceGuard guard;
    private final InvoiceDocuments documents;
    private final MailOutbox outbox;
    private final SettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceCharges(InvoiceRepository invoices, InvoicePaymentRepository payments, SessionBilling sessionBilling,
            InvoiceGuard guard, InvoiceDocuments documents, MailOutbox outbox, SettingsService settings,
            ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.sessionBilling = sessionBilling;
        this.guard = guard;
        this.documents = documents;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
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
     * PaymentIntent as reference), the invoice and its sessions paid, its emails still in the outbox
     * withdrawn, a receipt emailed to the billing contact instead of a payment request, and
     * {@link InvoicePaid} published. Call it after the charge's attempt is no longer in flight (the
     * database refuses to close an invoice with a charge in flight).
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
        LocalDate today = settings.profile().today(clock);
        Instant now = clock.instant();
        String ref = reference.length() > InvoicePayment.REFERENCE_MAX_LENGTH
                ? reference.substring(0, InvoicePayment.REFERENCE_MAX_LENGTH) : reference;
        InvoicePayment payment = payments.save(new InvoicePayment(invoiceId, PaymentMethod.CARD, amountMinor, today, ref,
                userId, now));
        sessionBilling.markPaid(InvoiceGuard.activeSessions(invoice));
        invoice.markPaid(now);
        invoices.flush();
        // Before the receipt: payment requests still waiting must not reach the client after it (issue 12).
        outbox.withdrawUnsent(InvoiceEmail.reference(invoiceId), InvoiceEmail.WITHDRAWN_PAID);
        documents.emailReceipt(invoice, amountMinor, paidWith, today);
        events.publishEvent(new InvoicePaid(invoiceId, invoice.getClientId(), payment.getId(), PaymentMethod.CARD,
                amountMinor, today));
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
        documents.emailInvoice(invoice, note);
    }

    /**
     * Emails a just-issued invoice that is not charged to a card (the payment module decided so on
     * {@link InvoiceIssued}): PDF attached, with its Pay now link where card payments are on. Once per
     * invoice: it does nothing when the invoice already has an email (the event handed over again after
     * a crash, or a pay request after a failed charge went first) or is no longer open.
     *
     * @return whether the email was put in the outbox now
     */
    @Transactional
    public boolean emailIssued(long invoiceId) {
        // The lock first: two deliveries of the same event queue one email, and the check below reads
        // what the other committed.
        Invoice invoice = invoices.lockById(invoiceId).orElse(null);
        if (invoice == null || invoice.getState() != InvoiceState.OPEN
                || outbox.latestFor(InvoiceEmail.reference(invoiceId)).isPresent()) {
            return false;
        }
        documents.emailInvoice(invoice, null);
        return true;
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

    private ChargeableInvoice chargeable(Invoice invoice) {
        Long addedBy = guard.client(invoice.getClientId()).map(com.tutordesk.people.BillTo::addedByTutorId).orElse(null);
        return new ChargeableInvoice(invoice.getId(), invoice.getNumber(), invoice.getState(), invoice.getClientId(),
                addedBy, invoice.getState() == InvoiceState.OPEN ? invoice.getTotalMinor() : 0, invoice.getCurrency(),
                invoice.getBillToName(), invoice.getBillToEmail());
    }
}
