package com.tutordesk.session;

import com.tutordesk.shared.RuleViolationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session module's API for billing (issue 7): which sessions of a client can be invoiced, and
 * the billing-state changes an invoice makes (issue: unbilled → invoiced, payment: invoiced → paid,
 * undone payment: paid → invoiced, cancellation: invoiced — or paid and refunded — → unbilled). The billing module decides who may do this and
 * calls it inside its own transaction; this class checks no role.
 *
 * <p>Every change locks the sessions ({@code SELECT … FOR UPDATE}, in id order) and raises their
 * version, so an edit that was opened before the invoice fails instead of changing an invoiced
 * amount (domain.md: "editing the amounts of an invoiced or paid session is refused").
 */
@Service
public class SessionBilling {

    private static final String ROW = """
            select new com.tutordesk.session.BillableSession(s.id, s.clientId, s.tutorId, s.startsAt, s.endsAt,
                   case when s.prepaidMinutes > 0 then s.remainderMinutes else s.durationMinutes end, s.status, s.billingState, st.name, sub.name, t.name, s.clientRateMinor,
                   s.clientAmountMinor - s.prepaidAmountMinor, s.currency)
            from TutoringSession s
            join Student st on st.id = s.studentId
            join Subject sub on sub.id = s.subjectId
            join Tutor t on t.id = s.tutorId
            """;

    @PersistenceContext
    private EntityManager em;

    private final Clock clock;
    private final SessionPackages packages;

    SessionBilling(Clock clock, SessionPackages packages) {
        this.clock = clock;
        this.packages = packages;
    }

    /**
     * Settles these sessions' package minutes again after the packages changed under them (issue 17:
     * a package's payment undone or its invoice refunded takes its hours away): each gives back what it
     * used and takes what is left, oldest package first; what packages no longer cover becomes billable.
     * Invoiced or paid sessions are left as billed. Locks the sessions in id order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resettlePackages(Collection<Long> ids) {
        for (TutoringSession session : lock(ids)) {
            packages.resettle(session);
        }
        em.flush();
    }

    /**
     * The client's sessions that can be invoiced now ({@link BillingState#UNBILLED}, the same rule as
     * the sessions list and the Payments page), oldest first. Sessions reserved by a draft invoice are
     * included: the billing module knows its drafts.
     *
     * @param tutorId only this tutor's sessions, or {@code null} for all tutors
     */
    @Transactional(readOnly = true)
    public List<BillableSession> billableSessions(long clientId, Long tutorId) {
        Instant now = clock.instant();
        return em.createQuery(ROW + """
                        where s.clientId = :clientId
                          and (:tutorId is null or s.tutorId = :tutorId) and
                        """ + BillingState.UNBILLED_JPQL + " order by s.startsAt, s.id", BillableSession.class)
                .setParameter("clientId", clientId).setParameter("now", now).setParameter("tutorId", tutorId)
                .getResultList().stream().map(row -> row.asOf(now)).toList();
    }

    /**
     * Every client's sessions that can be invoiced now and started before {@code before} (a billing
     * run's cut-off: the start of the day after the cut-off date, business-local), by client and then
     * oldest first. Sessions reserved by a draft invoice are included, as in {@link #billableSessions}.
     *
     * @param before    UTC instant; sessions starting at or after it are left out
     * @param tutorId   only this tutor's sessions, or {@code null} for all tutors
     * @param subjectId only this subject's sessions, or {@code null} for all subjects
     */
    @Transactional(readOnly = true)
    public List<BillableSession> billableSessionsBefore(Instant before, Long tutorId, Long subjectId) {
        Instant now = clock.instant();
        return em.createQuery(ROW + """
                        where s.startsAt < :before
                          and (:tutorId is null or s.tutorId = :tutorId)
                          and (:subjectId is null or s.subjectId = :subjectId) and
                        """ + BillingState.UNBILLED_JPQL + " order by s.clientId, s.startsAt, s.id", BillableSession.class)
                .setParameter("before", before).setParameter("now", now).setParameter("tutorId", tutorId)
                .setParameter("subjectId", subjectId)
                .getResultList().stream().map(row -> row.asOf(now)).toList();
    }

    /** @return these sessions as billing sees them (any state), in id order; unknown ids are left out */
    @Transactional(readOnly = true)
    public List<BillableSession> sessions(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return em.createQuery(ROW + " where s.id in :ids order by s.id", BillableSession.class)
                .setParameter("ids", Set.copyOf(ids)).getResultList().stream().map(row -> row.asOf(now)).toList();
    }

    /**
     * Locks the sessions for the rest of the caller's transaction and checks that each belongs to
     * the client and is billable now.
     *
     * @return the locked sessions, in the order of {@code ids}
     * @throws RuleViolationException naming the first session that is missing, of another client,
     *         not completed or late-cancelled, without an amount, or already invoiced
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<BillableSession> lockForInvoicing(long clientId, Collection<Long> ids) {
        lock(ids);
        Map<Long, BillableSession> found = sessions(ids).stream()
                .collect(Collectors.toMap(BillableSession::id, Function.identity()));
        for (Long id : ids) {
            BillableSession session = found.get(id);
            if (session == null || session.clientId() != clientId) {
                throw new RuleViolationException("Session " + id + " is not a session of this client");
            }
            if (session.billingState() != BillingState.UNBILLED) {
                throw new RuleViolationException("The session of " + session.studentName() + " (" + session.subjectName()
                        + ") is already " + session.billingState().label().toLowerCase() + ": reload the page");
            }
            if (!session.billable()) {
                throw new RuleViolationException("The session of " + session.studentName() + " (" + session.subjectName()
                        + ") cannot be invoiced: it is " + session.status().label().toLowerCase()
                        + (session.clientAmountMinor() == 0 ? " and has no client amount" : ""));
            }
        }
        return ids.stream().map(found::get).toList();
    }

    /** Issue: every session goes from UNBILLED to INVOICED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markInvoiced(Collection<Long> ids) {
        change(ids, BillingState.UNBILLED, BillingState.INVOICED);
    }

    /** Payment: every session goes from INVOICED to PAID. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPaid(Collection<Long> ids) {
        change(ids, BillingState.INVOICED, BillingState.PAID);
    }

    /** Cancellation of an open invoice: every session goes from INVOICED back to UNBILLED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markUnbilled(Collection<Long> ids) {
        change(ids, BillingState.INVOICED, BillingState.UNBILLED);
    }

    /** A payment undone (issue 12): every session goes from PAID back to INVOICED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markUnpaid(Collection<Long> ids) {
        change(ids, BillingState.PAID, BillingState.INVOICED);
    }

    /** Cancellation of a paid invoice whose card payment was refunded: every session goes from PAID to UNBILLED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markUnbilledAfterRefund(Collection<Long> ids) {
        change(ids, BillingState.PAID, BillingState.UNBILLED);
    }

    private void change(Collection<Long> ids, BillingState from, BillingState to) {
        Instant now = clock.instant();
        List<TutoringSession> locked = lock(ids);
        if (locked.size() != Set.copyOf(ids).size()) {
            throw new IllegalStateException("Some of the sessions " + ids + " do not exist");
        }
        for (TutoringSession session : locked) {
            session.changeBillingState(from, to, now);
        }
        em.flush();
    }

    private List<TutoringSession> lock(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Always in id order, so that two transactions locking overlapping sets cannot deadlock.
        return em.createQuery("select s from TutoringSession s where s.id in :ids order by s.id",
                        TutoringSession.class)
                .setParameter("ids", new TreeSet<>(ids)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
