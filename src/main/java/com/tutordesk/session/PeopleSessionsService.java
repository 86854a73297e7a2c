package com.tutordesk.session;

import com.tutordesk.engagement.Engagement;
import com.tutordesk.engagement.EngagementService;
import com.tutordesk.people.ClientService;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.LateCancellationPolicy;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions seen from the people who take part in them, for the tutor, client and engagement pages
 * (issue 6), and the two changes those pages make to sessions: re-pricing an engagement's unbilled
 * sessions after a rate change, and cancelling a deactivated tutor's upcoming sessions. Invoiced
 * and paid sessions never change (domain.md "Engagement"). Every method scopes what it returns to
 * the caller (domain.md "Roles").
 */
@Service
public class PeopleSessionsService {

    private final PeopleSessionRepository sessions;
    private final CurrentUserService currentUsers;
    private final EngagementService engagements;
    private final ClientService clients;
    private final SettingsService settings;
    private final Clock clock;
    private final ObjectProvider<PayrollLock> payroll;

    PeopleSessionsService(PeopleSessionRepository sessions, CurrentUserService currentUsers,
            EngagementService engagements, ClientService clients, SettingsService settings, Clock clock,
            ObjectProvider<PayrollLock> payroll) {
        this.sessions = sessions;
        this.currentUsers = currentUsers;
        this.engagements = engagements;
        this.clients = clients;
        this.settings = settings;
        this.clock = clock;
        this.payroll = payroll;
    }

    /**
     * @param limit at most this many, newest first
     * @return the tutor's sessions that have started, newest first (admins: any tutor; a tutor: their own)
     * @throws NotFoundException for another tutor's
     */
    @Transactional(readOnly = true)
    public List<RelatedSession> recentOfTutor(long tutorId, int limit) {
        CurrentUser user = currentUsers.require();
        if (!user.maySeeSessionsOf(tutorId)) {
            throw new NotFoundException("Tutor", tutorId);
        }
        Instant now = clock.instant();
        return sessions.findRecentOfTutor(tutorId, now, PageRequest.of(0, limit)).stream()
                .map(row -> row.asOf(now, user.maySeeClientAmounts()))
                .toList();
    }

    /**
     * @return the tutor's scheduled sessions that have not started, soonest first (admins only:
     *         for deactivating the tutor)
     */
    @Transactional(readOnly = true)
    public List<RelatedSession> upcomingOfTutor(long tutorId) {
        currentUsers.requireAdmin();
        Instant now = clock.instant();
        return sessions.findUpcomingOfTutor(tutorId, now).stream().map(row -> row.asOf(now, true)).toList();
    }

    /**
     * Cancels chosen upcoming sessions of a tutor in time: status CANCELLED, both amounts 0.
     *
     * @param sessionIds sessions of this tutor that are scheduled, unbilled and have not started
     * @return how many were cancelled
     * @throws RuleViolationException when an id is not such a session (nothing is cancelled then)
     */
    @Transactional
    public int cancelUpcoming(long tutorId, Collection<Long> sessionIds) {
        currentUsers.requireAdmin();
        if (sessionIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<TutoringSession> chosen = sessions.findAllByIds(sessionIds);
        if (chosen.size() != Set.copyOf(sessionIds).size()) {
            throw new RuleViolationException("Some of the chosen sessions no longer exist. Reload the page.");
        }
        for (TutoringSession session : chosen) {
            if (session.getTutorId() != tutorId || session.getStatus() != SessionStatus.SCHEDULED
                    || !session.getStartsAt().isAfter(now) || session.getBillingState() != BillingState.UNBILLED) {
                throw new RuleViolationException("Session " + session.getId()
                        + " is not an upcoming unbilled session of this tutor, so it was not cancelled.");
            }
            session.cancel(now);
        }
        sessions.saveAllAndFlush(chosen);
        return chosen.size();
    }

    /**
     * @return a page of the client's sessions (sort by startsAt, usually descending): all for admins,
     *         their own for the Enhanced-Access tutor who added the client
     * @throws NotFoundException when the caller may not manage the client
     */
    @Transactional(readOnly = true)
    public Page<RelatedSession> ofClient(long clientId, Pageable pageable) {
        CurrentUser user = currentUsers.require();
        if (!clients.mayManage(clientId)) {
            throw new NotFoundException("Client", clientId);
        }
        Instant now = clock.instant();
        return sessions.findOfClient(clientId, user.sessionScopeTutorId(), pageable)
                .map(row -> row.asOf(now, user.maySeeClientAmounts()));
    }

    /**
     * @return the client's unbilled total (minor units): client amounts of billable sessions on no
     *         invoice (domain.md "Unbilled"), within what the caller sees
     */
    @Transactional(readOnly = true)
    public long unbilledAmountOfClient(long clientId) {
        CurrentUser user = currentUsers.require();
        if (!clients.mayManage(clientId)) {
            throw new NotFoundException("Client", clientId);
        }
        return sessions.sumUnbilledOfClient(clientId, clock.instant(), user.sessionScopeTutorId());
    }

    /** @return ids of clients with billable unbilled sessions (the Clients list filter) */
    @Transactional(readOnly = true)
    public Set<Long> clientIdsWithUnbilledSessions() {
        CurrentUser user = currentUsers.require();
        return new TreeSet<>(sessions.findClientIdsWithUnbilled(clock.instant(), user.sessionScopeTutorId()));
    }

    /**
     * @return the engagement's latest sessions, newest first
     * @throws NotFoundException when the engagement is not the caller's
     */
    @Transactional(readOnly = true)
    public List<RelatedSession> ofEngagement(long engagementId, int limit) {
        CurrentUser user = currentUsers.require();
        engagements.get(engagementId);
        Instant now = clock.instant();
        return sessions.findOfEngagement(engagementId, PageRequest.of(0, limit)).stream()
                .map(row -> row.asOf(now, user.maySeeClientAmounts()))
                .toList();
    }

    /**
     * What "also apply the new rates to N sessions" counts: the engagement's unbilled sessions (billable,
     * on no invoice: the same count as the sessions list's Billing = Unbilled) and its upcoming ones.
     * Invoiced, paid and not-billable sessions (cancelled in time, or with a client amount of 0) keep
     * their amounts.
     */
    @Transactional(readOnly = true)
    public RepriceableSessions repriceableOfEngagement(long engagementId) {
        engagements.requireEditable(engagementId);
        Instant now = clock.instant();
        return new RepriceableSessions(sessions.countUnbilledOfEngagement(engagementId, now),
                sessions.countUpcomingOfEngagement(engagementId, now));
    }

    /**
     * @param unbilled billable sessions on no invoice
     * @param upcoming sessions that have not ended
     */
    public record RepriceableSessions(long unbilled, long upcoming) {

        /** @return unbilled + upcoming */
        public long total() {
            return unbilled + upcoming;
        }
    }

    /**
     * Re-prices the engagement's unbilled and upcoming sessions ({@link #repriceableOfEngagement})
     * with its current rates (call after changing them, in the same transaction). Invoiced, paid and
     * not-billable sessions are not touched; late-cancelled ones follow the current late-cancellation
     * policy. Sessions whose tutor pay is approved (payroll) get the new client rate only: their tutor
     * wage and earnings stay as approved.
     *
     * @return how many sessions were re-priced
     */
    @Transactional
    public int repriceUnbilled(long engagementId) {
        Engagement engagement = engagements.requireEditable(engagementId);
        LateCancellationPolicy policy = settings.profile().lateCancellation();
        Instant now = clock.instant();
        List<TutoringSession> unbilled = sessions.findRepriceableOfEngagement(engagementId, now);
        Set<Long> payApproved = payApproved(unbilled);
        for (TutoringSession session : unbilled) {
            if (payApproved.contains(session.getId())) {
                session.repriceClient(engagement.getClientRateMinor(), policy.clientChargePercent(), now);
            } else {
                session.reprice(engagement.getClientRateMinor(), engagement.getTutorWageMinor(),
                        policy.clientChargePercent(), policy.tutorPayPercent(), now);
            }
        }
        sessions.saveAllAndFlush(unbilled);
        return unbilled.size();
    }

    /** @return ids of these sessions whose tutor pay is approved (payroll), none without a payroll module */
    private Set<Long> payApproved(List<TutoringSession> unbilled) {
        PayrollLock lock = payroll.getIfAvailable();
        return lock == null || unbilled.isEmpty() ? Set.of()
                : lock.approvedAmong(unbilled.stream().map(TutoringSession::getId).toList());
    }
}
