package com.tutordesk.session;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The checks every change made from the session page goes through: the session is the caller's
 * to see (else "not found", the same as a missing id), nobody else changed it since the caller's
 * page was loaded (optimistic locking), and it is unbilled where amounts or dates change
 * (domain.md "Deleting or editing the amounts of an invoiced or paid session is refused"), and its
 * approved tutor pay stays as approved (domain.md "Payroll", through {@link PayrollLock}). It also
 * writes the history lines the page shows.
 */
@Component
class SessionGuard {

    private final SessionRepository sessions;
    private final SessionHistoryRepository history;
    private final ObjectProvider<InvoiceLookup> invoices;
    private final SettingsService settings;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readCommitted;
    private final ObjectProvider<PayrollLock> payroll;

    SessionGuard(SessionRepository sessions, SessionHistoryRepository history, ObjectProvider<InvoiceLookup> invoices,
            SettingsService settings, PlatformTransactionManager transactionManager,
            ObjectProvider<PayrollLock> payroll) {
        this.sessions = sessions;
        this.history = history;
        this.invoices = invoices;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readCommitted = new TransactionTemplate(transactionManager);
        readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.payroll = payroll;
    }

    /**
     * Runs one change in its own transaction. When a concurrent transaction wrote the same row first
     * (the database-level version check), it runs once more: the change then either passes the
     * checks against the fresh row or is refused with who changed it.
     */
    <T> T write(Supplier<T> change) {
        try {
            return transactions.execute(status -> change.get());
        } catch (OptimisticLockingFailureException raced) {
            try {
                return transactions.execute(status -> change.get());
            } catch (OptimisticLockingFailureException again) {
                throw new SessionChangedException("This session was changed by someone else just now — reload to"
                        + " see the changes.");
            }
        }
    }

    /**
     * Runs a change that only writes a row of its own keyed by session and login (a report draft) in
     * a READ COMMITTED transaction. At REPEATABLE READ, MySQL/MariaDB lock the index gap where such a
     * row is looked for and not found; two people saving their first draft of neighbouring sessions
     * at the same moment then each waited to insert into the gap the other held — a deadlock (the
     * capacity run of issue 20 hit it once in 4,500 draft saves).
     */
    <T> T writeOwnRow(Supplier<T> change) {
        return readCommitted.execute(status -> change.get());
    }

    /**
     * @return the session, if the user may see it (admins all, tutors their own)
     * @throws NotFoundException when it does not exist or is another tutor's
     */
    TutoringSession visible(long id, CurrentUser user) {
        return sessions.findById(id)
                .filter(found -> user.maySeeSessionsOf(found.getTutorId()))
                .orElseThrow(() -> new NotFoundException("Session", id));
    }

    /**
     * @param seenVersion the session's version on the caller's page
     * @throws SessionChangedException when a person changed it since: "This session was changed by
     *         X at T — reload to see the changes."
     */
    void requireUnchangedSince(TutoringSession session, long seenVersion) {
        if (!session.isEditedAfter(seenVersion)) {
            return;
        }
        BusinessProfile profile = settings.profile();
        List<SessionHistoryEntry> latest = history.findBySessionIdOrderByOccurredAtDescIdDesc(session.getId());
        Optional<SessionHistoryEntry> last = latest.stream().findFirst()
                .filter(entry -> !entry.getOccurredAt().isBefore(session.getUpdatedAt()));
        throw new SessionChangedException(last
                .map(entry -> "This session was changed by " + entry.getUserName() + " at "
                        + profile.formatDateTime(entry.getOccurredAt()) + " — reload to see the changes.")
                .orElseGet(() -> "This session was changed at " + profile.formatDateTime(session.getUpdatedAt())
                        + " — reload to see the changes."));
    }

    /**
     * @param verb what the caller tried, e.g. "edit"
     * @throws RuleViolationException for an invoiced or paid session, naming the invoice
     */
    void requireUnbilled(TutoringSession session, String verb) {
        String lock = billingLock(session);
        if (lock != null) {
            throw new RuleViolationException("Cannot " + verb + " this session: " + lock);
        }
    }

    /**
     * A session on a draft invoice is still unbilled (its amounts may change and the draft reads
     * them when issued), but it cannot disappear from under the draft.
     *
     * @throws RuleViolationException when the session is on a draft invoice
     */
    void requireOnNoDraft(TutoringSession session, String verb) {
        InvoiceLookup lookup = invoices.getIfAvailable();
        if (lookup == null) {
            return;
        }
        lookup.invoiceOf(session.getId()).ifPresent(invoice -> {
            throw new RuleViolationException("Cannot " + verb + " this session: it is on " + invoice.label()
                    + " — remove it from the draft or delete the draft first");
        });
    }

    /** @return why an invoiced or paid session cannot change, or {@code null} when it is unbilled */
    String billingLock(TutoringSession session) {
        // A prepaid session is on no invoice: it changes, and gives back or takes package minutes.
        if (session.getBillingState() == BillingState.UNBILLED || session.getBillingState() == BillingState.PREPAID) {
            return null;
        }
        return billingLock(session.getBillingState(), invoiceNumber(session));
    }

    /** @return the number of the invoice the session is on, when the billing module knows it */
    Optional<String> invoiceNumber(TutoringSession session) {
        if (session.getBillingState() == BillingState.UNBILLED || session.getBillingState() == BillingState.PREPAID) {
            return Optional.empty();
        }
        InvoiceLookup lookup = invoices.getIfAvailable();
        return lookup == null ? Optional.empty() : lookup.openInvoiceNumberFor(session.getId());
    }

    /**
     * @return e.g. "it is on invoice INV-000123 — cancel invoice INV-000123 first", or without a
     *         known number "it is invoiced — cancel its invoice first"; for a paid session the way out
     *         that exists (undo or refund the payment, then cancel); {@code null} when not on an invoice
     */
    static String billingLock(BillingState state, Optional<String> invoiceNumber) {
        String cancel = invoiceNumber.map(number -> "cancel invoice " + number + " first")
                .orElse("cancel its invoice first");
        return switch (state) {
            case UNBILLED, UPCOMING, NOT_BILLABLE, PREPAID -> null;
            case INVOICED -> invoiceNumber.map(number -> "it is on invoice " + number).orElse("it is invoiced")
                    + " — " + cancel;
            case PAID -> invoiceNumber.map(number -> "it is paid (invoice " + number + ")").orElse("it is paid")
                    + " — undo its payment (a card payment: refund it), then " + cancel;
        };
    }

    // ---- payroll (issue 16) ----

    /**
     * Call after changing {@code session} in memory and before saving it: a session whose tutor pay
     * is approved may change only in ways that keep its tutor, its tutor earnings and its pay period
     * (a new location, say). The caller's transaction then rolls the change back.
     *
     * @param verb what the caller tried, e.g. "edit"
     * @throws RuleViolationException naming the approved pay period, when the change would alter its pay
     */
    void requirePayUnchanged(TutoringSession session, String verb) {
        PayrollLock lock = payroll.getIfAvailable();
        if (lock == null) {
            return;
        }
        lock.approvedPayOf(session.getId())
                .filter(approved -> !approved.keeps(session.getTutorId(), session.getTutorEarningsMinor(),
                        session.getStartsAt()))
                .ifPresent(approved -> {
                    throw payLocked(verb, approved);
                });
    }

    /**
     * @throws RuleViolationException naming the approved pay period, when the session's tutor pay is approved
     */
    void requireNoApprovedPay(TutoringSession session, String verb) {
        PayrollLock lock = payroll.getIfAvailable();
        if (lock == null) {
            return;
        }
        lock.approvedPayOf(session.getId()).ifPresent(approved -> {
            throw payLocked(verb, approved);
        });
    }

    private static String payLock(PayrollLock.ApprovedPay approved) {
        return "its tutor pay is approved in the pay period " + approved.periodLabel()
                + " — reopen that period on the Payroll page first";
    }

    private static RuleViolationException payLocked(String verb, PayrollLock.ApprovedPay approved) {
        return new RuleViolationException("Cannot " + verb + " this session: " + payLock(approved));
    }

    /** Writes one history line for the session, in the caller's transaction. */
    void record(long sessionId, CurrentUser user, SessionHistoryEntry.Action action, String details, Instant at) {
        history.save(new SessionHistoryEntry(sessionId, at, user.userId(), user.displayName(), action, details));
    }
}
