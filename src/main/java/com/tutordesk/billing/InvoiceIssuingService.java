package com.tutordesk.billing;

import com.tutordesk.people.BillTo;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.ConstraintViolations;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing invoices (issue 7; domain.md "Invoices"): create one from a client's sessions and send it
 * now, schedule it, or keep it as a draft; send a draft now; resend an issued one; the scheduled-send
 * job. Issuing numbers the invoice without gaps (one locked counter row, taken last and held to the
 * commit), marks its sessions invoiced and publishes {@link InvoiceIssued}; what follows — a card
 * charge or the email with the Pay now link — is decided by the payment module after the commit.
 *
 * <p>Who: admins all clients; a tutor with Enhanced Access the clients they added, and only their
 * own sessions; a plain tutor nothing ("not found").
 */
@Service
public class InvoiceIssuingService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuingService.class);
    /** The unique key that keeps a session on at most one invoice that is not cancelled (V7_1). */
    static final String ONE_OPEN_INVOICE_PER_SESSION = "uq_invoice_lines_active_session";

    private final InvoiceRepository invoices;
    private final InvoiceCounterRepository counters;
    private final SessionBilling sessionBilling;
    private final InvoiceGuard guard;
    private final InvoiceDocuments documents;
    private final ScheduledSends scheduledSends;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final BillingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final PackageSales packageSales;

    InvoiceIssuingService(InvoiceRepository invoices, InvoiceCounterRepository counters, SessionBilling sessionBilling,
            InvoiceGuard guard, InvoiceDocuments documents, ScheduledSends scheduledSends,
            CurrentUserService currentUsers, SettingsService settings, BillingProperties properties,
            ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, PackageSales packageSales) {
        this.packageSales = packageSales;
        this.invoices = invoices;
        this.counters = counters;
        this.sessionBilling = sessionBilling;
        this.guard = guard;
        this.documents = documents;
        this.scheduledSends = scheduledSends;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** @return the default due date of an invoice issued today: today + the due days (business zone, domain.md: 14) */
    public LocalDate defaultDueDate() {
        return InvoiceDates.defaultDueDate(settings.profile().today(clock), properties.dueDays());
    }

    /**
     * Creates an invoice from the chosen sessions, adjustments and prepaid packages (issue 17) and, as chosen, issues it now,
     * schedules it for a later date, or keeps it as a draft. All or nothing.
     *
     * @return the new invoice's id
     * @throws NotFoundException when the client is not the caller's to bill
     * @throws InvalidFieldException naming the field for bad input ("sessions", "adjustments",
     *         "dueDate", "sendOn": none chosen, too many, listed twice, an adjustment without memo or
     *         amount, dates out of order)
     * @throws SessionAlreadyInvoicedException when a session is already on an invoice (also when another
     *         person put it on one a moment ago)
     * @throws RuleViolationException when a session is not billable, or the total would be below zero
     */
    @Transactional
    public long create(NewInvoice request) {
        CurrentUser user = currentUsers.require();
        BillTo client = guard.billableClient(user, request.clientId());
        validate(request, settings.profile().today(clock));
        Long ownTutor = user.isAdmin() ? null : user.tutorId();
        if (ownTutor != null) {
            // Another tutor's session gets the answer a missing id gets: its state and names stay hidden.
            Set<Long> own = sessionBilling.sessions(request.sessionIds()).stream()
                    .filter(session -> session.tutorId() == ownTutor).map(BillableSession::id)
                    .collect(Collectors.toSet());
            for (Long id : request.sessionIds()) {
                if (!own.contains(id)) {
                    throw new RuleViolationException("Session " + id + " is not a session of this client");
                }
            }
        }
        return createChecked(client, request, user.userId(), ownTutor);
    }

    /**
     * Creates one invoice of a billing run, for the admin who started it (their role was checked when
     * the run started; the run's job acts for them with nobody signed in). Same rules as {@link #create}.
     */
    @Transactional
    long createForRun(NewInvoice request, long startedByUserId) {
        BillTo client = guard.client(request.clientId())
                .orElseThrow(() -> new NotFoundException("Client", request.clientId()));
        validate(request, settings.profile().today(clock));
        return createChecked(client, request, startedByUserId, null);
    }

    private long createChecked(BillTo client, NewInvoice request, Long userId, Long ownTutorOnly) {
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        List<BillableSession> sessions = sessionBilling.lockForInvoicing(client.clientId(), request.sessionIds());
        if (ownTutorOnly != null) {
            for (BillableSession session : sessions) {
                if (session.tutorId() != ownTutorOnly) {
                    throw new AccessDeniedException("A tutor may invoice only their own sessions");
                }
            }
        }
        List<Long> taken = request.sessionIds().isEmpty() ? List.of()
                : invoices.sessionsOnInvoices(request.sessionIds());
        if (!taken.isEmpty()) {
            throw new SessionAlreadyInvoicedException(taken.size());
        }
        Invoice invoice = new Invoice(client.clientId(), profile.currency().getCurrencyCode(), request.dueDate(),
                client.contactName(), client.contactEmail(), client.address(), userId, now);
        for (BillableSession session : sessions) {
            invoice.addLine(new InvoiceLine(session));
        }
        for (NewInvoice.Adjustment adjustment : request.adjustments()) {
            invoice.addAdjustment(adjustment.memo().strip(), adjustment.amountMinor());
        }
        for (PackageSales.Checked sold : packageSales.check(client.clientId(), ownTutorOnly, request.packages(), profile)) {
            invoice.addPackageLine(sold.text(), sold.priceMinor(), sold.engagementId(), sold.minutes());
        }
        requireNotNegative(invoice, profile);
        saveLines(invoice);
        switch (request.delivery()) {
            case SEND_NOW -> issue(invoice, profile.today(clock), now, userId);
            case SCHEDULE -> {
                scheduledSends.schedule(invoice, request.sendOn(), now);
                invoices.flush();
            }
            case DRAFT -> {
                // Kept as a draft: its sessions are reserved (no other invoice may take them) but unbilled.
            }
        }
        return invoice.getId();
    }

    /**
     * Issues a draft now: numbers it, marks its sessions invoiced and has it emailed or charged (a
     * scheduled send is dropped). Line amounts are read again from the sessions, as stored now.
     *
     * @throws NotFoundException when it is not the caller's to see
     * @throws RuleViolationException when it is not a draft, a session can no longer be billed, or
     *         its due date has passed; for a tutor when it includes other tutors' sessions
     */
    @Transactional
    public void sendNow(long id) {
        CurrentUser user = currentUsers.require();
        Invoice invoice = guard.lockVisible(user, id);
        if (invoice.getState() != InvoiceState.DRAFT) {
            throw new RuleViolationException("Only a draft can be sent now; use Resend for an issued invoice");
        }
        InvoiceGuard.requireWholeInvoiceVisible(user, invoice, "sending it");
        scheduledSends.cancel(id);
        refreshAndIssue(invoice, user.userId());
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
        Invoice invoice = guard.lockVisible(user, id);
        if (invoice.getState() != InvoiceState.OPEN && invoice.getState() != InvoiceState.PAID) {
            throw new RuleViolationException("Only an issued invoice can be sent again");
        }
        InvoiceGuard.requireWholeInvoiceVisible(user, invoice, "sending it again");
        return documents.outboxText(documents.emailInvoice(invoice, null));
    }

    /**
     * The scheduled-send job: issues a draft scheduled for today or earlier. Runs with nobody signed
     * in. Does nothing for an invoice that was sent, deleted or rescheduled meanwhile, so it fires at
     * most once. When the draft can no longer be issued (e.g. a session was cancelled) it stays a
     * draft with the reason shown on its page; nothing is retried.
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
                refreshAndIssue(invoice, null);
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

    private static void validate(NewInvoice request, LocalDate today) {
        if (request.sessionIds().isEmpty() && request.packages().isEmpty()) {
            throw new InvalidFieldException("sessions", "Sessions: choose at least one session or add a package");
        }
        if (request.sessionIds().size() > Invoice.MAX_LINES) {
            throw new InvalidFieldException("sessions", "Sessions: at most " + Invoice.MAX_LINES + " on one invoice");
        }
        if (new HashSet<>(request.sessionIds()).size() != request.sessionIds().size()) {
            throw new InvalidFieldException("sessions", "Sessions: a session is listed twice");
        }
        if (request.adjustments().size() > Invoice.MAX_ADJUSTMENTS) {
            throw new InvalidFieldException("adjustments", "Adjustments: at most " + Invoice.MAX_ADJUSTMENTS);
        }
        if (request.packages().size() > Invoice.MAX_ADJUSTMENTS) {
            throw new InvalidFieldException("packages", "Packages: at most " + Invoice.MAX_ADJUSTMENTS);
        }
        for (NewInvoice.Adjustment adjustment : request.adjustments()) {
            String memo = adjustment.memo() == null ? "" : adjustment.memo().strip();
            if (memo.isEmpty()) {
                throw new InvalidFieldException("adjustments", "Adjustment memo is required");
            }
            if (memo.length() > InvoiceAdjustment.MEMO_MAX_LENGTH) {
                throw new InvalidFieldException("adjustments", "Adjustment memo must be at most "
                        + InvoiceAdjustment.MEMO_MAX_LENGTH + " characters");
            }
            if (adjustment.amountMinor() == 0) {
                throw new InvalidFieldException("adjustments", "Adjustment amount must not be zero");
            }
            // Not Math.abs: it leaves Long.MIN_VALUE negative, which would pass.
            if (adjustment.amountMinor() > InvoiceAdjustment.MAX_AMOUNT_MINOR
                    || adjustment.amountMinor() < -InvoiceAdjustment.MAX_AMOUNT_MINOR) {
                throw new InvalidFieldException("adjustments", "Adjustment amount is too large");
            }
        }
        LocalDate sendOn = null;
        if (request.delivery() == NewInvoice.Delivery.SCHEDULE) {
            if (request.sendOn() == null) {
                throw new InvalidFieldException("sendOn", "Send date is required to schedule the email");
            }
            sendOn = request.sendOn();
        }
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
            if (ConstraintViolations.violates(e, ONE_OPEN_INVOICE_PER_SESSION)) {
                throw new SessionAlreadyInvoicedException(0);
            }
            throw e;
        }
    }

    /** Issues a draft: the sessions are locked and read again, then numbered, marked and announced. */
    private void refreshAndIssue(Invoice invoice, Long userId) {
        BillTo client = guard.client(invoice.getClientId()).orElseThrow();
        List<Long> ids = InvoiceGuard.activeSessions(invoice);
        List<BillableSession> sessions = sessionBilling.lockForInvoicing(invoice.getClientId(), ids);
        for (int i = 0; i < sessions.size(); i++) {
            invoice.getLines().get(i).copy(sessions.get(i));
        }
        invoice.recomputeTotals();
        BusinessProfile profile = settings.profile();
        requireNotNegative(invoice, profile);
        invoice.billTo(client.contactName(), client.contactEmail(), client.address());
        issue(invoice, profile.today(clock), clock.instant(), userId);
    }

    private void issue(Invoice invoice, LocalDate today, Instant now, Long userId) {
        List<Long> sessions = InvoiceGuard.activeSessions(invoice);
        // Taken last and held to the commit: numbers are handed out in commit order, and a rollback
        // gives the number back, so the sequence has no gaps.
        InvoiceCounter counter = counters.lock(InvoiceCounter.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("invoice_counters row 1 is missing"));
        invoice.issue(Invoice.formatNumber(counter.next()), today, now);
        invoices.flush();
        sessionBilling.markInvoiced(sessions);
        // Charged or emailed after the commit: the payment module decides (InvoiceIssued's javadoc).
        events.publishEvent(new InvoiceIssued(invoice.getId(), invoice.getNumber(), invoice.getClientId(),
                invoice.getTotalMinor(), invoice.getCurrency(), userId));
    }
}
