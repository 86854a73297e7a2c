package com.tutordesk.billing;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing module's API for invoices (issue 7; rules: domain.md "Invoices" and "Roles").
 *
 * <p>Who may do what, checked here for every call: admins everything; a tutor with Enhanced Access
 * the invoices of the clients they added ("own clients"), invoicing only their own sessions, never
 * cancelling, and seeing other tutors' line amounts redacted; a plain tutor nothing — every invoice
 * is "not found" to them, the same as a missing id.
 */
@Service
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final InvoiceRepository invoices;
    private final InvoicePaymentRepository payments;
    private final InvoiceCounterRepository counters;
    private final SessionBilling sessionBilling;
    private final MailOutbox outbox;
    private final SettingsService settings;
    private final CurrentUserService currentUsers;
    private final BillingProperties properties;
    private final BackgroundJobs jobs;
    private final ObjectProvider<InvoicePayLinks> payLinks;
    private final ObjectProvider<InvoiceAutoCharge> autoCharge;
    private final ObjectProvider<InvoiceRefunds> refunds;
    private final ObjectProvider<InvoiceCheckouts> checkouts;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate newTransaction;

    InvoiceService(InvoiceRepository invoices, InvoicePaymentRepository payments, InvoiceCounterRepository counters,
            SessionBilling sessionBilling, MailOutbox outbox, SettingsService settings, CurrentUserService currentUsers,
            BillingProperties properties, BackgroundJobs jobs, ObjectProvider<InvoicePayLinks> payLinks,
            ObjectProvider<InvoiceAutoCharge> autoCharge, ObjectProvider<InvoiceRefunds> refunds,
            ObjectProvider<InvoiceCheckouts> checkouts, ApplicationEventPublisher events, JdbcTemplate jdbc,
            Clock clock, PlatformTransactionManager transactions) {
        this.autoCharge = autoCharge;
        this.refunds = refunds;
        this.checkouts = checkouts;
        this.invoices = invoices;
        this.payments = payments;
        this.counters = counters;
        this.sessionBilling = sessionBilling;
        this.outbox = outbox;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.properties = properties;
        this.jobs = jobs;
        this.payLinks = payLinks;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** The client as billing needs it. */
    record ClientInfo(long id, String name, String billToName, String billToEmail, String address,
            Long addedByTutorId) {
    }

    // ---- reading ----

    /**
     * What Create Invoice offers for a client: its unbilled sessions (for an Enhanced-Access tutor only
     * their own) that no draft holds — the same sessions the sessions list and the Payments page count
     * as unbilled, less those on drafts, which it names — today and the default due date.
     *
     * @throws NotFoundException when the client does not exist or is not the viewer's to bill
     */
    @Transactional(readOnly = true)
    public InvoiceCandidates candidates(long clientId) {
        CurrentUser user = currentUsers.require();
        ClientInfo client = billableClient(user, clientId);
        List<BillableSession> unbilled = sessionBilling.billableSessions(client.id(),
                user.isAdmin() ? null : user.tutorId());
        java.util.SortedMap<Long, Integer> onDrafts = new java.util.TreeMap<>();
        Set<Long> taken = new HashSet<>();
        if (!unbilled.isEmpty()) {
            for (InvoiceLine line : invoices.activeLinesOf(unbilled.stream().map(BillableSession::id).toList())) {
                taken.add(line.getSessionId());
                onDrafts.merge(line.invoiceId(), 1, Integer::sum);
            }
        }
        List<BillableSession> sessions = unbilled.stream().filter(s -> !taken.contains(s.id())).toList();
        LocalDate today = settings.profile().today(clock);
        return new InvoiceCandidates(client.id(), client.name(), client.billToName(), client.billToEmail(),
                client.address(), sessions, today, InvoiceDates.defaultDueDate(today, properties.dueDays()),
                settings.profile().currency().getCurrencyCode(), onDrafts);
    }

    /** @return the default due date for an invoice issued today (business zone) */
    public LocalDate defaultDueDate() {
        return InvoiceDates.defaultDueDate(settings.profile().today(clock), properties.dueDays());
    }

    /**
     * One invoice with everything its viewer may see.
     *
     * @throws NotFoundException when it does not exist or is not the viewer's to see
     */
    @Transactional(readOnly = true)
    public InvoiceDetails details(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = visibleInvoice(user, id);
        ClientInfo client = client(invoice.getClientId()).orElseThrow();
        LocalDate today = settings.profile().today(clock);
        boolean overdue = invoice.getState() == InvoiceState.OPEN && InvoiceDates.overdue(invoice.getDueDate(), today);
        boolean redacting = !user.isAdmin();
        boolean othersOnIt = includesOtherTutors(user, invoice);
        List<InvoiceDetails.Line> lines = invoice.getLines().stream().map(line -> {
            boolean hidden = redacting && line.getTutorId() != user.tutorId();
            return new InvoiceDetails.Line(line.getSessionId(), line.getSessionStartsAt(), line.getStudentName(),
                    line.getSubjectName(), line.getTutorName(), line.getDurationMinutes(), line.isLateCancelled(),
                    hidden ? null : line.getRateMinor(), hidden ? null : line.getAmountMinor());
        }).toList();
        Long own = redacting ? invoice.getLines().stream().filter(l -> l.getTutorId() == user.tutorId())
                .mapToLong(InvoiceLine::getAmountMinor).sum() : null;
        InvoiceState state = invoice.getState();
        boolean issued = state == InvoiceState.OPEN || state == InvoiceState.PAID;
        List<InvoicePayment> received = payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(id);
        String cancelBlocked = state == InvoiceState.PAID && user.isAdmin() ? paidCancelBlock(invoice, received) : null;
        InvoiceDetails.Actions actions = new InvoiceDetails.Actions(!othersOnIt, issued && !othersOnIt,
                state == InvoiceState.OPEN && !othersOnIt,
                user.isAdmin() && (state == InvoiceState.OPEN || (state == InvoiceState.PAID && cancelBlocked == null)),
                state == InvoiceState.DRAFT && !othersOnIt,
                state == InvoiceState.DRAFT);
        return new InvoiceDetails(invoice.getId(), invoice.getNumber(), state, InvoiceStatus.of(state, overdue),
                invoice.getClientId(), client.name(), invoice.getBillToName(), invoice.getBillToEmail(),
                invoice.getBillToAddress(), invoice.getIssueDate(), invoice.getDueDate(), invoice.getSendOn(),
                invoice.getSendProblem(), invoice.getCurrency(), lines,
                invoice.getAdjustments().stream()
                        .map(a -> new InvoiceDetails.Adjustment(a.getMemo(), a.getAmountMinor())).toList(),
                othersOnIt ? null : invoice.getLinesTotalMinor(), invoice.getAdjustmentsTotalMinor(),
                othersOnIt ? null : invoice.getTotalMinor(), own,
                received.stream()
                        .map(p -> new InvoiceDetails.Payment(p.getId(), p.getMethod(),
                                othersOnIt ? null : p.getAmountMinor(), p.getPaidOn(), p.getReference(),
                                p.getRecordedAt(), p.getUndoneAt(), p.getUndoReason(),
                                user.isAdmin() && state == InvoiceState.PAID && !p.isUndone()
                                        && p.getMethod() != PaymentMethod.CARD))
                        .toList(),
                outbox.messagesFor(InvoiceEmail.reference(id)), actions, cancelBlocked);
    }

    /**
     * The invoice as PDF, exactly as emailed.
     *
     * @throws NotFoundException when it is not the viewer's to see
     * @throws RuleViolationException for a tutor when it includes other tutors' sessions (their
     *         amounts would show)
     */
    @Transactional(readOnly = true)
    public byte[] pdf(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = visibleInvoice(user, id);
        requireWholeInvoiceVisible(user, invoice, "the PDF");
        return render(invoice);
    }

    /** @return whether the viewer is a tutor and the invoice has lines of other tutors' sessions */
    private static boolean includesOtherTutors(CurrentUser user, Invoice invoice) {
        return !user.isAdmin() && invoice.getLines().stream().anyMatch(l -> l.getTutorId() != user.tutorId());
    }

    /**
     * A tutor may not see other tutors' amounts (domain.md "Roles"), so they may neither download
     * nor email (to a billing address they may have edited) an invoice that includes such sessions.
     */
    private static void requireWholeInvoiceVisible(CurrentUser user, Invoice invoice, String what) {
        if (includesOtherTutors(user, invoice)) {
            throw new RuleViolationException("This invoice includes other tutors' sessions: ask the office for " + what);
        }
    }

    /** @return the PDF's file name, e.g. "INV-000123.pdf" */
    @Transactional(readOnly = true)
    public String pdfFileName(long id) {
        return InvoicePdf.fileName(visibleInvoice(currentUsers.require(), id));
    }

    // ---- creating and issuing ----

    /**
     * Creates an invoice from the chosen sessions and adjustments and, as chosen, issues and emails
     * it now, schedules that for a later date, or keeps it as a draft. All or nothing.
     *
     * @return the new invoice's id
     * @throws NotFoundException when the client is not the caller's to bill
     * @throws IllegalArgumentException naming the field for bad input (no sessions, too many,
     *         duplicate sessions, an adjustment without memo or amount, dates out of order)
     * @throws RuleViolationException when a session is not billable or already on an invoice (also
     *         when another person put it on one a moment ago), or the total would be below zero
     */
    @Transactional
    public long create(NewInvoice request) {
        CurrentUser user = currentUsers.require();
        ClientInfo client = billableClient(user, request.clientId());
        BusinessProfile profile = settings.profile();
        LocalDate today = profile.today(clock);
        Instant now = clock.instant();
        validate(request, today);
        if (!user.isAdmin()) {
            // Another tutor's session gets the answer a missing id gets: its state and names stay hidden.
            Set<Long> own = sessionBilling.sessions(request.sessionIds()).stream()
                    .filter(session -> session.tutorId() == user.tutorId()).map(BillableSession::id)
                    .collect(java.util.stream.Collectors.toSet());
            for (Long id : request.sessionIds()) {
                if (!own.contains(id)) {
                    throw new RuleViolationException("Session " + id + " is not a session of this client");
                }
            }
        }

        List<BillableSession> sessions = sessionBilling.lockForInvoicing(client.id(), request.sessionIds());
        if (!user.isAdmin()) {
            for (BillableSession session : sessions) {
                if (session.tutorId() != user.tutorId()) {
                    throw new AccessDeniedException("A tutor may invoice only their own sessions");
                }
            }
        }
        List<Long> taken = invoices.sessionsOnInvoices(request.sessionIds());
        if (!taken.isEmpty()) {
            throw new RuleViolationException(taken.size() == 1 ? "One of these sessions is already on another invoice: reload the page"
                    : taken.size() + " of these sessions are already on other invoices: reload the page");
        }
        Invoice invoice = new Invoice(client.id(), profile.currency().getCurrencyCode(), request.dueDate(),
                client.billToName(), client.billToEmail(), client.address(), user.userId(), now);
        for (BillableSession session : sessions) {
            invoice.addLine(new InvoiceLine(session));
        }
        for (NewInvoice.Adjustment adjustment : request.adjustments()) {
            invoice.addAdjustment(adjustment.memo().strip(), adjustment.amountMinor());
        }
        requireNotNegative(invoice, profile);
        saveLines(invoice);
        switch (request.delivery()) {
            case SEND_NOW -> issue(invoice, today, now);
            case SCHEDULE -> schedule(invoice, request.sendOn(), now);
            case DRAFT -> {
                // Kept as a draft: its sessions are reserved (no other invoice may take them) but unbilled.
            }
        }
        return invoice.getId();
    }

    /**
     * Issues a draft now: numbers it, marks its sessions invoiced and emails it (a scheduled send
     * is dropped). Line amounts are read again from the sessions, as stored now.
     *
     * @throws NotFoundException when it is not the caller's to see
     * @throws RuleViolationException when it is not a draft, a session can no longer be billed, or
     *         its due date has passed; for a tutor when it includes other tutors' sessions
     */
    @Transactional
    public void sendNow(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = lockVisible(user, id);
        if (invoice.getState() != InvoiceState.DRAFT) {
            throw new RuleViolationException("Only a draft can be sent now; use Resend for an issued invoice");
        }
        requireWholeInvoiceVisible(user, invoice, "sending it");
        cancelScheduledSend(id);
        refreshAndIssue(invoice);
    }

    /**
     * Deletes a draft (its sessions are free for another invoice; a scheduled send is dropped).
     *
     * @throws RuleViolationException when it is not a draft (issued invoices are cancelled, never deleted)
     */
    @Transactional
    public void deleteDraft(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = lockVisible(user, id);
        if (invoice.getState() != InvoiceState.DRAFT) {
            throw new RuleViolationException("Only a draft can be deleted; cancel an issued invoice instead");
        }
        cancelScheduledSend(id);
        invoices.delete(invoice);
    }

    /**
     * Emails an issued invoice again (with its PDF) to the client's billing contact as it is now.
     *
     * @return what happened to the email: "queued for …" or "held: no mail server configured (for …)"
     * @throws RuleViolationException unless the invoice is open or paid; for a tutor when it includes
     *         other tutors' sessions
     */
    @Transactional
    public String resend(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = lockVisible(user, id);
        if (invoice.getState() != InvoiceState.OPEN && invoice.getState() != InvoiceState.PAID) {
            throw new RuleViolationException("Only an issued invoice can be sent again");
        }
        requireWholeInvoiceVisible(user, invoice, "sending it again");
        return outbox.message(enqueueEmail(invoice)).queuedText();
    }

    /**
     * @return what happened to the invoice's latest email, e.g. "queued for ann@example.org" or "held: no
     *         mail server configured (for ann@example.org)" — for the toast after sending (issue 12: never
     *         "sent" before it was); empty when it has none (e.g. charged to the card on file instead)
     * @throws NotFoundException when it is not the caller's to see
     */
    @Transactional(readOnly = true)
    public Optional<String> latestEmailNote(long id) {
        visibleInvoice(currentUsers.require(), id);
        return outbox.latestFor(InvoiceEmail.reference(id)).map(com.tutordesk.mail.OutboxMessage::queuedText);
    }

    /**
     * "Mark as Paid": records a manual payment of the total and marks the invoice and its sessions
     * paid. Its payment requests still waiting in the outbox are withdrawn, and a Pay now page still
     * open no longer holds the invoice (it is expired at Stripe).
     *
     * @throws NotFoundException when it is not the caller's to see
     * @throws IllegalArgumentException naming the field (method missing, date missing or in the
     *         future or before the issue date, reference too long)
     * @throws RuleViolationException unless the invoice is open; for a tutor when it includes other
     *         tutors' sessions (its total is hidden from them); while a card charge is in flight
     */
    @Transactional
    public void markPaid(long id, ManualPayment payment) {
        CurrentUser user = currentUsers.require();
        LocalDate today = settings.profile().today(clock);
        if (payment == null || payment.method() == null) {
            throw new IllegalArgumentException("Payment method is required");
        }
        if (payment.method() == PaymentMethod.CARD) {
            throw new IllegalArgumentException("Payment method: card payments are recorded when the card is charged,"
                    + " not by hand");
        }
        if (payment.paidOn() == null) {
            throw new IllegalArgumentException("Payment date is required");
        }
        if (payment.paidOn().isAfter(today)) {
            throw new IllegalArgumentException("Payment date must not be in the future");
        }
        String reference = payment.reference() == null || payment.reference().isBlank() ? null
                : payment.reference().strip();
        if (reference != null && reference.length() > InvoicePayment.REFERENCE_MAX_LENGTH) {
            throw new IllegalArgumentException("Reference must be at most " + InvoicePayment.REFERENCE_MAX_LENGTH
                    + " characters");
        }
        Invoice invoice = lockVisible(user, id);
        // Issue 12: the tutor cannot see the total they would confirm as received.
        requireWholeInvoiceVisible(user, invoice, "marking it as paid");
        if (invoice.getState() != InvoiceState.OPEN) {
            throw new RuleViolationException("Only an outstanding invoice can be marked as paid; this one is "
                    + invoice.getState().label().toLowerCase());
        }
        if (payment.paidOn().isBefore(invoice.getIssueDate().minusYears(1))) {
            throw new IllegalArgumentException("Payment date is more than a year before the invoice was issued");
        }
        Instant now = clock.instant();
        payments.save(new InvoicePayment(id, payment.method(), invoice.getTotalMinor(), payment.paidOn(), reference,
                user.userId(), now));
        sessionBilling.markPaid(activeSessions(invoice));
        closeOpenPayPages(id, "invoice marked as paid");
        invoice.markPaid(now);
        flushStateChange();
        outbox.withdrawUnsent(InvoiceEmail.reference(id), InvoiceEmail.WITHDRAWN_PAID);
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
        Invoice invoice = lockVisible(user, invoiceId);
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may undo a payment");
        }
        String why = com.tutordesk.shared.Fields.required("reason", "Reason", reason,
                InvoicePayment.UNDO_REASON_MAX_LENGTH);
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
        sessionBilling.markUnpaid(activeSessions(invoice));
        invoice.reopen(now);
        invoices.flush();
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
     * @throws RuleViolationException for a draft (deleted instead), a cancelled invoice, a paid one with
     *         payments left, or one with a card charge in flight
     */
    @Transactional
    public int cancel(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = lockVisible(user, id);
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may cancel invoices");
        }
        InvoiceState state = invoice.getState();
        if (state == InvoiceState.PAID) {
            String blocked = paidCancelBlock(invoice, payments.findByInvoiceIdOrderByRecordedAtAscIdAsc(id));
            if (blocked != null) {
                throw new RuleViolationException(blocked);
            }
        } else if (state != InvoiceState.OPEN) {
            throw new RuleViolationException(state == InvoiceState.DRAFT
                    ? "A draft is deleted, not cancelled"
                    : "Only an outstanding or paid invoice can be cancelled; this one is " + state.label().toLowerCase());
        }
        List<Long> sessions = activeSessions(invoice);
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
        return sessions.size();
    }

    /**
     * @return why a paid invoice cannot be cancelled yet — a manual payment not undone, or card payments
     *         not refunded in full — or {@code null} when it can (issue 12)
     */
    private String paidCancelBlock(Invoice invoice, List<InvoicePayment> received) {
        BusinessProfile profile = settings.profile();
        long manual = received.stream().filter(p -> !p.isUndone() && p.getMethod() != PaymentMethod.CARD)
                .mapToLong(InvoicePayment::getAmountMinor).sum();
        boolean manualLeft = received.stream().anyMatch(p -> !p.isUndone() && p.getMethod() != PaymentMethod.CARD);
        if (manualLeft) {
            return "To cancel paid invoice " + invoice.getNumber() + ", first undo its payment of "
                    + profile.formatMoney(manual) + " (Undo under Payments)";
        }
        long card = received.stream().filter(p -> p.getMethod() == PaymentMethod.CARD)
                .mapToLong(InvoicePayment::getAmountMinor).sum();
        InvoiceRefunds cardRefunds = refunds.getIfAvailable();
        long refunded = cardRefunds == null ? 0 : cardRefunds.refundedMinor(invoice.getId());
        if (card > refunded) {
            return "To cancel paid invoice " + invoice.getNumber() + ", first refund its card payment: "
                    + profile.formatMoney(card - refunded) + " is not refunded yet (Refund… under Card payments)";
        }
        return null;
    }

    /**
     * The scheduled-send job: issues and emails a draft scheduled for today or earlier. Runs with
     * nobody signed in. Does nothing for an invoice that was sent, deleted or rescheduled meanwhile,
     * so it fires at most once. When the draft can no longer be issued (e.g. a session was cancelled)
     * it stays a draft with the reason shown on its page; nothing is retried.
     */
    public void sendScheduled(long id) {
        try {
            newTransaction.executeWithoutResult(status -> {
                Invoice invoice = invoices.lockById(id).orElse(null);
                LocalDate today = settings.profile().today(clock);
                if (invoice == null || invoice.getState() != InvoiceState.DRAFT || invoice.getSendOn() == null
                        || invoice.getSendOn().isAfter(today)) {
                    return;
                }
                refreshAndIssue(invoice);
                log.info("Scheduled invoice {} issued as {}", id, invoice.getNumber());
            });
        } catch (RuleViolationException | IllegalArgumentException e) {
            log.warn("Scheduled invoice {} could not be issued: {}", id, e.getMessage());
            newTransaction.executeWithoutResult(status -> invoices.lockById(id)
                    .filter(invoice -> invoice.getState() == InvoiceState.DRAFT)
                    .ifPresent(invoice -> invoice.sendFailed("Not sent on " + invoice.getSendOn() + ": "
                            + e.getMessage(), clock.instant())));
        }
    }

    // ---- internals ----

    private void validate(NewInvoice request, LocalDate today) {
        if (request.sessionIds().isEmpty()) {
            throw new IllegalArgumentException("Sessions: choose at least one session");
        }
        if (request.sessionIds().size() > Invoice.MAX_LINES) {
            throw new IllegalArgumentException("Sessions: at most " + Invoice.MAX_LINES + " on one invoice");
        }
        if (new HashSet<>(request.sessionIds()).size() != request.sessionIds().size()) {
            throw new IllegalArgumentException("Sessions: a session is listed twice");
        }
        if (request.adjustments().size() > Invoice.MAX_ADJUSTMENTS) {
            throw new IllegalArgumentException("Adjustments: at most " + Invoice.MAX_ADJUSTMENTS);
        }
        for (NewInvoice.Adjustment adjustment : request.adjustments()) {
            String memo = adjustment.memo() == null ? "" : adjustment.memo().strip();
            if (memo.isEmpty()) {
                throw new IllegalArgumentException("Adjustment memo is required");
            }
            if (memo.length() > InvoiceAdjustment.MEMO_MAX_LENGTH) {
                throw new IllegalArgumentException("Adjustment memo must be at most " + InvoiceAdjustment.MEMO_MAX_LENGTH
                        + " characters");
            }
            if (adjustment.amountMinor() == 0) {
                throw new IllegalArgumentException("Adjustment amount must not be zero");
            }
            // Not Math.abs: it leaves Long.MIN_VALUE negative, which would pass.
            if (adjustment.amountMinor() > InvoiceAdjustment.MAX_AMOUNT_MINOR
                    || adjustment.amountMinor() < -InvoiceAdjustment.MAX_AMOUNT_MINOR) {
                throw new IllegalArgumentException("Adjustment amount is too large");
            }
        }
        LocalDate sendOn = request.delivery() == NewInvoice.Delivery.SCHEDULE
                ? Objects.requireNonNullElseGet(request.sendOn(), () -> {
                    throw new IllegalArgumentException("Send date is required to schedule the email");
                })
                : null;
        InvoiceDates.check(today, sendOn, request.dueDate());
    }

    private static void requireNotNegative(Invoice invoice, BusinessProfile profile) {
        if (invoice.getTotalMinor() < 0) {
            throw new RuleViolationException("The total would be " + profile.formatMoney(invoice.getTotalMinor())
                    + ": an invoice cannot be below zero");
        }
    }

    private void saveLines(Invoice invoice) {
        try {
            invoices.saveAndFlush(invoice);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase()
                    .contains("uq_invoice_lines_active_session")) {
                throw new RuleViolationException("One of these sessions was just put on another invoice: reload the page");
            }
            throw e;
        }
    }

    /** Issues a draft: the sessions are locked and read again, then numbered, marked and emailed. */
    private void refreshAndIssue(Invoice invoice) {
        ClientInfo client = client(invoice.getClientId()).orElseThrow();
        List<Long> ids = activeSessions(invoice);
        List<BillableSession> sessions = sessionBilling.lockForInvoicing(invoice.getClientId(), ids);
        for (int i = 0; i < sessions.size(); i++) {
            invoice.getLines().get(i).copy(sessions.get(i));
        }
        invoice.recomputeTotals();
        BusinessProfile profile = settings.profile();
        requireNotNegative(invoice, profile);
        invoice.billTo(client.billToName(), client.billToEmail(), client.address());
        issue(invoice, profile.today(clock), clock.instant());
    }

    private void issue(Invoice invoice, LocalDate today, Instant now) {
        List<Long> sessions = activeSessions(invoice);
        // Taken last and held to the commit: numbers are handed out in commit order, and a rollback
        // gives the number back, so the sequence has no gaps.
        InvoiceCounter counter = counters.lock(InvoiceCounter.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("invoice_counters row 1 is missing"));
        invoice.issue(Invoice.formatNumber(counter.next()), today, now);
        invoices.flush();
        sessionBilling.markInvoiced(sessions);
        InvoiceAutoCharge charging = autoCharge.getIfAvailable();
        boolean card = charging != null && invoice.getTotalMinor() > 0 && charging.chargesOnIssue(invoice.getClientId());
        if (!card) {
            enqueueEmail(invoice);
        }
        events.publishEvent(new InvoiceIssued(invoice.getId(), invoice.getNumber(), invoice.getClientId(),
                invoice.getTotalMinor(), invoice.getCurrency(), card));
    }

    /**
     * Writes an invoice's move out of OPEN. The database refuses it while a card charge of the
     * invoice is in flight (payment_attempts, issue 8), so that a cancelled or hand-paid invoice is
     * never charged as well.
     */
    private void flushStateChange() {
        try {
            invoices.flush();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase().contains("in_flight")) {
                throw new RuleViolationException("A card payment of this invoice is in progress: wait for its outcome"
                        + " and reload the page");
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

    /** @return the outbox message id */
    private long enqueueEmail(Invoice invoice) {
        BusinessProfile profile = settings.profile();
        String to = client(invoice.getClientId()).map(ClientInfo::billToEmail).orElse(invoice.getBillToEmail());
        URI link = invoice.getState() == InvoiceState.OPEN ? payLink(invoice.getId()) : null;
        byte[] pdf = InvoicePdf.render(invoice, profile, properties.paymentInstructions(), link);
        return outbox.enqueue(InvoiceEmail.of(invoice, to, profile, properties.paymentInstructions(), link, pdf));
    }

    private byte[] render(Invoice invoice) {
        URI link = invoice.getState() == InvoiceState.OPEN ? payLink(invoice.getId()) : null;
        return InvoicePdf.render(invoice, settings.profile(), properties.paymentInstructions(), link);
    }

    private URI payLink(long invoiceId) {
        InvoicePayLinks links = payLinks.getIfAvailable();
        return links == null ? null : links.payLinkFor(invoiceId).orElse(null);
    }

    private void schedule(Invoice invoice, LocalDate sendOn, Instant now) {
        invoice.scheduleSend(sendOn, now);
        invoices.flush();
        Instant when = InvoiceDates.sendInstant(sendOn, properties.sendHour(), settings.profile().zone());
        // Inside this transaction: the job exists iff the invoice does.
        jobs.client().scheduleIfNotExists(new TaskInstance<Void>(BillingConfiguration.SCHEDULED_SEND_TASK,
                String.valueOf(invoice.getId())), when);
    }

    private void cancelScheduledSend(long invoiceId) {
        TaskInstanceId instance = TaskInstanceId.of(BillingConfiguration.SCHEDULED_SEND_TASK, String.valueOf(invoiceId));
        if (jobs.client().getScheduledExecution(instance).isPresent()) {
            jobs.client().cancel(instance);
        }
    }

    static List<Long> activeSessions(Invoice invoice) {
        List<Long> ids = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            if (line.getActiveSessionId() != null) {
                ids.add(line.getActiveSessionId());
            }
        }
        return ids;
    }

    private Invoice visibleInvoice(CurrentUser user, long id) {
        Invoice invoice = invoices.findById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
        requireVisible(user, invoice);
        return invoice;
    }

    private Invoice lockVisible(CurrentUser user, long id) {
        // Check before locking, so that nobody can hold another tutor's invoice row by guessing ids.
        visibleInvoice(user, id);
        return invoices.lockById(id).orElseThrow(() -> new NotFoundException("Invoice", id));
    }

    private void requireVisible(CurrentUser user, Invoice invoice) {
        if (user.isAdmin()) {
            return;
        }
        ClientInfo client = client(invoice.getClientId()).orElse(null);
        if (!user.enhancedAccess() || client == null || !Objects.equals(client.addedByTutorId(), user.tutorId())) {
            throw new NotFoundException("Invoice", invoice.getId());
        }
    }

    private ClientInfo billableClient(CurrentUser user, long clientId) {
        ClientInfo client = client(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
        if (!BillingAccess.mayBill(user, client.addedByTutorId())) {
            throw new NotFoundException("Client", clientId);
        }
        return client;
    }

    Optional<ClientInfo> client(long clientId) {
        return jdbc.query("select id, name, billing_contact_name, billing_contact_email, address, added_by_tutor_id"
                + " from clients where id = ?", (rs, i) -> new ClientInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class)), clientId).stream().findFirst();
    }
}
