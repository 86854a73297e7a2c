package com.tutordesk.billing;

import com.tutordesk.mail.MailOutbox;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.ConstraintViolations;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settling invoices by hand (issues 7 and 12; domain.md "Invoices"): Mark as Paid (a manual payment),
 * Undo of a manual payment, Cancel Invoice, and deleting a draft. Each change locks the invoice row.
 * Their events ({@link InvoicePaid}, {@link InvoicePaymentUndone}, {@link InvoiceCancelled}) go out
 * after the commit for modules that build on paid or cancelled invoices.
 *
 * <p>While a card charge of an invoice is in flight the database refuses to move it out of OPEN
 * ({@link ChargeInFlightException}); a Pay now page the client opened does not hold it: it is closed
 * in this transaction and expired at Stripe after the commit ({@link InvoiceCheckouts}).
 */
@Service
public class InvoiceSettlementService {

    /** The foreign key that refuses to move an invoice out of OPEN while a charge is in flight (V8_1). */
    static final String NO_CLOSE_WHILE_CHARGING = "fk_payment_attempts_in_flight";

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final SessionBilling sessionBilling;
    private final InvoiceGuard guard;
    private final PaidInvoiceCancellation paidCancellation;
    private final ScheduledSends scheduledSends;
    private final MailOutbox outbox;
    private final ObjectProvider<InvoiceCheckouts> checkouts;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceSettlementService(InvoiceRepository invoices, InvoicePaymentRepository payments,
            SessionBilling sessionBilling, InvoiceGuard guard, PaidInvoiceCancellation paidCancellation,
            ScheduledSends scheduledSends, MailOutbox outbox, ObjectProvider<InvoiceCheckouts> checkouts,
            CurrentUserService currentUsers, SettingsService settings, ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.payments = payments;
        this.sessionBilling = sessionBilling;
        this.guard = guard;
        this.paidCancellation = paidCancellation;
        this.scheduledSends = scheduledSends;
        this.outbox = outbox;
        this.checkouts = checkouts;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * "Mark as Paid": records a manual payment of the total and marks the invoice and its sessions
     * paid. Its emails still waiting in the outbox are withdrawn, and a Pay now page still open no
     * longer holds the invoice (it is expired at Stripe).
     *
     * @throws NotFoundException when it is not the caller's to see
     * @throws InvalidFieldException naming the field ("method", "paidOn", "reference"): method missing
     *         or card, date missing or in the future or more than a year before the issue date,
     *         reference too long
     * @throws RuleViolationException unless the invoice is open; for a tutor when it includes other
     *         tutors' sessions (its total is hidden from them)
     * @throws ChargeInFlightException while a card charge of it is in flight
     */
    @Transactional
    public void markPaid(long id, ManualPayment payment) {
        CurrentUser user = currentUsers.require();
        LocalDate today = settings.profile().today(clock);
        if (payment == null || payment.method() == null) {
            throw new InvalidFieldException("method", "Payment method is required");
        }
        if (payment.method() == PaymentMethod.CARD) {
            throw new InvalidFieldException("method", "Payment method: card payments are recorded when the card is"
                    + " charged, not by hand");
        }
        if (payment.paidOn() == null) {
            throw new InvalidFieldException("paidOn", "Payment date is required");
        }
        if (payment.paidOn().isAfter(today)) {
            throw new InvalidFieldException("paidOn", "Payment date must not be in the future");
        }
        String reference = payment.reference() == null || payment.reference().isBlank() ? null
                : payment.reference().strip();
        if (reference != null && reference.length() > InvoicePayment.REFERENCE_MAX_LENGTH) {
            throw new InvalidFieldException("reference", "Reference must be at most "
                    + InvoicePayment.REFERENCE_MAX_LENGTH + " characters");
        }
        Invoice invoice = guard.lockVisible(user, id);
        // Issue 12: the tutor cannot see the total they would confirm as received.
        InvoiceGuard.requireWholeInvoiceVisible(user, invoice, "marking it as paid");
        if (invoice.getState() != InvoiceState.OPEN) {
            throw new RuleViolationException("Only an outstanding invoice can be marked as paid; this one is "
                    + invoice.getState().label().toLowerCase());
        }
        if (payment.paidOn().isBefore(invoice.getIssueDate().minusYears(1))) {
            throw new InvalidFieldException("paidOn", "Payment date is more than a year before the invoice was issued");
        }
        Instant now = clock.instant();
        InvoicePayment recorded = payments.save(new InvoicePayment(id, payment.method(), invoice.getTotalMinor(),
                payment.paidOn(), reference, user.userId(), now));
        sessionBilling.markPaid(InvoiceGuard.activeSessions(invoice));
        closeOpenPayPages(id, "invoice marked as paid");
        invoice.markPaid(now);
        flushStateChange();
        outbox.withdrawUnsent(InvoiceEmail.reference(id), InvoiceEmail.WITHDRAWN_PAID);
        events.publishEvent(new InvoicePaid(id, invoice.getClientId(), recorded.getId(), payment.method(),
                invoice.getTotalMinor(), payment.paidOn()));
    }

    /**
     * Undoes a manual payment recorded by mistake (issue 12), with a reason recorded on the invoice:
     * the invoice is outstanding again and its sessions invoiced; the payment stays listed as undone.
     *
     * @throws AccessDeniedException unless the caller is an admin
     * @throws NotFoundException when the invoice or the payment is not there
     * @throws InvalidFieldException "reason" when it is blank or too long
     * @throws RuleViolationException for a card payment (refund it instead), a payment already undone,
     *         or an invoice that is not paid
     */
    @Transactional
    public void undoPayment(long invoiceId, long paymentId, String reason) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.lockVisible(user, invoiceId);
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may undo a payment");
        }
        String why = Fields.required("reason", "Reason", reason, InvoicePayment.UNDO_REASON_MAX_LENGTH);
        InvoicePayment payment = payments.findById(paymentId).filter(p -> p.getInvoiceId() == invoiceId)
                .orElseThrow(() -> new NotFoundException("Payment", paymentId));
        if (payment.getMethod() == PaymentMethod.CARD) {
            throw new RuleViolationException("A card payment is refunded, not undone: use Refund… under Card payments");
        }
        if (payment.isUndone()) {
            throw new RuleViolationException("This payment was already undone: reload the page");
        }
        if (invoice.getState() != InvoiceState.PAID) {
            throw new RuleViolationException("Only a payment of a paid invoice can be undone; this invoice is "
                    + invoice.getState().label().toLowerCase());
        }
        Instant now = clock.instant();
        payment.undo(why, user.userId(), now);
        sessionBilling.markUnpaid(InvoiceGuard.activeSessions(invoice));
        invoice.reopen(now);
        invoices.flush();
        events.publishEvent(new InvoicePaymentUndone(invoiceId, invoice.getClientId(), paymentId));
    }

    /**
     * "Cancel Invoice" (admins only): the invoice becomes cancelled and its sessions unbilled again; its
     * emails still waiting in the outbox are withdrawn, and a Pay now page still open no longer holds it
     * (it is expired at Stripe). A paid invoice can be cancelled once its manual payments are undone and
     * its card payments refunded (issue 12).
     *
     * @return how many sessions were freed
     * @throws AccessDeniedException unless the caller is an admin (domain.md: Enhanced-Access tutors
     *         cannot cancel invoices)
     * @throws RuleViolationException for a draft (deleted instead), a cancelled invoice, or a paid one
     *         with payments left
     * @throws ChargeInFlightException while a card charge of it is in flight
     */
    @Transactional
    public int cancel(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.lockVisible(user, id);
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may cancel invoices");
        }
        InvoiceState state = invoice.getState();
        if (state == InvoiceState.PAID) {
            String blocked = paidCancellation.blockedReason(invoice, payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(id));
            if (blocked != null) {
                throw new RuleViolationException(blocked);
            }
        } else if (state != InvoiceState.OPEN) {
            throw new RuleViolationException(state == InvoiceState.DRAFT
                    ? "A draft is deleted, not cancelled"
                    : "Only an outstanding or paid invoice can be cancelled; this one is " + state.label().toLowerCase());
        }
        List<Long> sessions = InvoiceGuard.activeSessions(invoice);
        if (state == InvoiceState.OPEN) {
            closeOpenPayPages(id, "invoice cancelled");
        }
        invoice.cancel(clock.instant());
        flushStateChange();
        if (state == InvoiceState.PAID) {
            sessionBilling.markUnbilledAfterRefund(sessions);
        } else {
            sessionBilling.markUnbilled(sessions);
        }
        outbox.withdrawUnsent(InvoiceEmail.reference(id), InvoiceEmail.WITHDRAWN_CANCELLED);
        events.publishEvent(new InvoiceCancelled(id, invoice.getClientId(), state == InvoiceState.PAID, sessions));
        return sessions.size();
    }

    /**
     * Deletes a draft (its sessions are free for another invoice; a scheduled send is dropped).
     *
     * @throws RuleViolationException when it is not a draft (issued invoices are cancelled, never deleted)
     */
    @Transactional
    public void deleteDraft(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.lockVisible(user, id);
        if (invoice.getState() != InvoiceState.DRAFT) {
            throw new RuleViolationException("Only a draft can be deleted; cancel an issued invoice instead");
        }
        scheduledSends.cancel(id);
        invoices.delete(invoice);
    }

    /** Writes an invoice's move out of OPEN; the database refuses it while a card charge is in flight. */
    private void flushStateChange() {
        try {
            invoices.flush();
        } catch (DataIntegrityViolationException e) {
            if (ConstraintViolations.violates(e, NO_CLOSE_WHILE_CHARGING)) {
                throw new ChargeInFlightException();
            }
            throw e;
        }
    }

    /** A Pay now page a client opened no longer holds the invoice when the office settles it (issue 12). */
    private void closeOpenPayPages(long invoiceId, String why) {
        InvoiceCheckouts pages = checkouts.getIfAvailable();
        if (pages != null) {
            pages.closeOpenPages(invoiceId, why);
        }
    }
}
