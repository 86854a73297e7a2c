package com.tutordesk.payroll;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.PayableSession;
import com.tutordesk.session.SessionPayroll;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payroll run (domain.md "Payroll"): approve a period for all tutors or one, mark a tutor
 * paid, reopen an approved, unpaid period. Admins only (domain.md "Roles"), checked here.
 *
 * <p>Approval writes one {@link TutorPayLine} per session it pays, with the tutor earnings stored
 * on the session at that moment (read under a row lock through {@link SessionPayroll}, so an edit
 * racing the approval either lands before it or is refused after it). From then on those earnings
 * are locked: the session module asks {@link PayrollSessionLock} before saving a change. A session
 * that becomes payable later with a date in an approved period is carried into the next open
 * period ({@link PayrollBook}); so does one of a tutor without pay in the period once an approval
 * has left nobody's pay in it open (the period is then closed). Reopening deletes the lines (the
 * earnings can change again) and records the reason; a paid period is final.
 */
@Service
public class PayrollApproval {

    /** Longest reason for reopening, in characters. */
    public static final int REASON_MAX_LENGTH = 500;

    private final PayrollBook book;
    private final PayPeriods periods;
    private final TutorPayRepository pays;
    private final SessionPayroll sessions;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    PayrollApproval(PayrollBook book, PayPeriods periods, TutorPayRepository pays, SessionPayroll sessions,
            CurrentUserService currentUsers, SettingsService settings, Clock clock) {
        this.book = book;
        this.periods = periods;
        this.pays = pays;
        this.sessions = sessions;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Approves the period starting on {@code periodStart} for every tutor whose pay in it is open, or
     * for one tutor: locks their sessions' tutor earnings and fixes the totals.
     *
     * @param tutorId one tutor, or {@code null} for all tutors with open pay in the period
     * @return how many tutors' pay was approved
     * @throws RuleViolationException when the period has not ended, nothing is open in it, a tutor's
     *         total would be negative, it overlaps a period approved under an earlier pay schedule, or
     *         someone approved it at the same moment
     * @throws NotFoundException for a tutor who does not exist
     * @throws IllegalArgumentException when no pay period starts on {@code periodStart}
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional
    public int approve(LocalDate periodStart, Long tutorId) {
        CurrentUser user = currentUsers.requireAdmin();
        BusinessProfile profile = settings.profile();
        PayPeriod period = calendarPeriod(periodStart);
        if (!period.hasEndedBy(periods.today())) {
            throw new RuleViolationException("The pay period " + period.label(profile) + " ends on "
                    + profile.formatDate(period.end()) + ": approve it once it is over");
        }
        if (tutorId != null) {
            requireTutor(tutorId);
        }
        List<PayrollBook.Entry> open = book.period(period, tutorId, true).stream()
                .filter(entry -> entry.state() == PayState.OPEN).toList();
        if (open.isEmpty()) {
            throw new RuleViolationException(tutorId == null
                    ? "Nothing to approve in " + period.label(profile) + ": no tutor has open pay in it"
                    : "Nothing to approve for this tutor in " + period.label(profile)
                            + ": their pay is approved already, or they have no sessions or adjustments in it");
        }
        PayrollBook.Targets targets = book.targets(tutorId);
        Map<Long, String> names = book.tutorNames(open.stream().map(PayrollBook.Entry::tutorId).toList());
        for (PayrollBook.Entry entry : open) {
            List<PayPeriod> overlapping = targets.approvedOverlapping(entry.tutorId(), period);
            if (!overlapping.isEmpty()) {
                throw new RuleViolationException("Cannot approve " + period.label(profile) + " for "
                        + names.get(entry.tutorId()) + ": it overlaps the approved period "
                        + overlapping.getFirst().label(profile) + " (the pay schedule changed since)");
            }
        }
        // One lock of every session, in id order; each is read again under it, so one changed since the
        // list was read (another tutor, another period, no longer payable) is left for where it now belongs.
        PayCalendar calendar = periods.calendar();
        Map<Long, List<TutorPayLine>> lines = new HashMap<>();
        List<Long> approvedSessions = new ArrayList<>();
        for (PayableSession session : sessions.lockForApproval(open.stream().flatMap(entry -> entry.lines().stream())
                .map(StatementLine::sessionId).toList())) {
            PayPeriod own = calendar.containing(profile.local(session.startsAt()).toLocalDate());
            if (session.payable() && names.containsKey(session.tutorId())
                    && targets.target(session.tutorId(), own.start()).equals(period)) {
                lines.computeIfAbsent(session.tutorId(), tutor -> new ArrayList<>())
                        .add(new TutorPayLine(session, own.equals(period) ? null : own));
                approvedSessions.add(session.id());
            }
        }
        Instant now = clock.instant();
        for (PayrollBook.Entry entry : open) {
            long tutor = entry.tutorId();
            TutorPay pay = entry.run() == null ? new TutorPay(tutor, period, profile.currency().getCurrencyCode(), now)
                    : pays.findForChange(entry.run().id()).orElseThrow();
            pay.approve(lines.getOrDefault(tutor, List.of()), names.get(tutor), user.userId(), user.displayName(), now);
            if (pay.getId() == null) {
                pays.save(pay);
            }
        }
        sessions.markPayApproved(approvedSessions, true);
        flushOrRefuse("approved this period");
        // Nobody's pay in it open any more: a session logged for it later goes to the next period.
        if (tutorId == null || book.period(period, null, false).stream().noneMatch(e -> e.state() == PayState.OPEN)) {
            try {
                book.close(period, user.userId(), now);
            } catch (DataIntegrityViolationException closedAtTheSameMoment) {
                // Another approval closed it an instant ago: closed it is.
            }
        }
        return open.size();
    }

    /**
     * Reopens approved, unpaid pay of the period starting on {@code periodStart}: all such tutors'
     * or one tutor's. Their sessions' earnings can change again; the reason is recorded.
     *
     * @param tutorId one tutor, or {@code null} for every tutor whose pay in it is approved and unpaid
     * @param reason  why, 1–{@value #REASON_MAX_LENGTH} characters
     * @return how many tutors' pay was reopened
     * @throws RuleViolationException when there is nothing approved and unpaid to reopen (paid pay is final)
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code reason} when it is missing or too long
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional
    public int reopen(LocalDate periodStart, Long tutorId, String reason) {
        CurrentUser user = currentUsers.requireAdmin();
        List<TutorPay> approved = (tutorId == null ? pays.findByPeriodStart(periodStart)
                : pays.findByTutorIdAndPeriodStart(tutorId, periodStart).stream().toList()).stream()
                .filter(pay -> pay.getState() != PayState.OPEN).toList();
        if (tutorId != null && approved.size() == 1 && approved.getFirst().getState() == PayState.PAID) {
            throw new RuleViolationException("This tutor was paid for this period on "
                    + settings.profile().formatDate(approved.getFirst().getPaidOn())
                    + ": a paid period cannot be reopened");
        }
        List<TutorPay> unpaid = approved.stream().filter(pay -> pay.getState() == PayState.APPROVED).toList();
        if (unpaid.isEmpty()) {
            throw new RuleViolationException("Nothing to reopen: no pay in this period is approved and unpaid"
                    + " (paid pay cannot be reopened)");
        }
        Instant now = clock.instant();
        List<Long> released = new ArrayList<>();
        for (TutorPay pay : unpaid) {
            List<Long> sessionIds = pay.getLines().stream().map(TutorPayLine::getSessionId).toList();
            pay.reopen(reason, user.userId(), user.displayName(), now);
            released.addAll(sessionIds);
        }
        pays.flush();
        sessions.markPayApproved(released, false);
        return unpaid.size();
    }

    /**
     * Records that a tutor's approved pay for the period starting on {@code periodStart} was paid.
     *
     * @throws RuleViolationException when their pay in it is not approved (open, or paid already)
     * @throws com.tutordesk.shared.InvalidFieldException naming {@code paidOn}, {@code method} or {@code reference}
     * @throws NotFoundException when the tutor has no pay for that period
     * @throws org.springframework.security.access.AccessDeniedException unless the user is an admin
     */
    @Transactional
    public void markPaid(LocalDate periodStart, long tutorId, Payout payout) {
        CurrentUser user = currentUsers.requireAdmin();
        TutorPay pay = pays.findByTutorIdAndPeriodStart(tutorId, periodStart)
                .orElseThrow(() -> new RuleViolationException("Approve this pay before marking it paid"));
        pay.markPaid(payout, periods.today(), user.userId(), user.displayName(), clock.instant());
        pays.flush();
    }

    private PayPeriod calendarPeriod(LocalDate periodStart) {
        PayPeriod period = periods.containing(periodStart);
        if (!period.start().equals(periodStart)) {
            throw new IllegalArgumentException("Pay period: no period starts on " + periodStart);
        }
        return period;
    }

    private void requireTutor(long tutorId) {
        if (!book.tutorExists(tutorId)) {
            throw new NotFoundException("Tutor", tutorId);
        }
    }

    /** Writes now, so that two people approving the same pay at once get a clear answer. */
    private void flushOrRefuse(String what) {
        try {
            pays.flush();
        } catch (DataIntegrityViolationException raced) {
            throw new RuleViolationException("Someone else " + what + " at the same moment: reload the page");
        }
    }
}
