package com.tutordesk.session;

import com.tutordesk.engagement.Engagement;
import com.tutordesk.people.ClientLabel;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.LateCancellationPolicy;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.BusinessTime;
import com.tutordesk.shared.Money;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Edit Session, Late Cancellation (and its undo) and Delete, from the session page (issue 5).
 *
 * <p>Rules: admins change any session, tutors their own (another tutor's session is "not found");
 * an invoiced or paid session is refused with "cancel invoice INV-… first" (domain.md "Session");
 * a change based on a page someone else has changed since is refused with who and when (optimistic
 * locking). Edit recomputes both amounts from the session's stored rates, or from the new
 * engagement's rates when the engagement changes; start times are read in the business zone as
 * when logging (a DST gap refused, an overlap taking the earlier offset). Late Cancellation applies
 * the business's policy percentages (settings) to both amounts, each rounded once from minutes,
 * and keeps the status and amounts before it, which Undo restores exactly. A session whose tutor pay
 * is approved (payroll) keeps its tutor, tutor earnings and pay period: a change to any of them is
 * refused naming the period, and it cannot be deleted.
 */
@Service
public class SessionEditingService {

    private final SessionGuard guard;
    private final SessionRepository sessions;
    private final SessionLoggingService logging;
    private final EntityManager entityManager;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    /** Reads around a change made of several transactions (e.g. a reschedule and its undo data). */
    private final TransactionTemplate reads;
    private final SessionPackages packages;

    SessionEditingService(SessionGuard guard, SessionRepository sessions, SessionLoggingService logging,
            EntityManager entityManager, CurrentUserService currentUsers, SettingsService settings, Clock clock,
            PlatformTransactionManager transactionManager, SessionPackages packages) {
        this.packages = packages;
        this.guard = guard;
        this.sessions = sessions;
        this.logging = logging;
        this.entityManager = entityManager;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    // ---- Edit Session ----

    /**
     * The session's current values for the Edit Session dialog; for an invoiced or paid session with why
     * only its location may change ({@link EditSessionForm#billingLock()}).
     *
     * @throws NotFoundException when it does not exist or is not the caller's
     */
    @Transactional(readOnly = true)
    public EditSessionForm editForm(long sessionId) {
        CurrentUser user = currentUsers.require();
        TutoringSession session = guard.visible(sessionId, user);
        BusinessProfile profile = settings.profile();
        ZonedDateTime start = profile.local(session.getStartsAt());
        Engagement engagement = session.getEngagement();
        EngagementOption option = new EngagementOption(engagement.getId(), engagement.getTutor().getId(),
                engagement.getStudent().getName(), engagement.getSubject().getName(),
                ClientLabel.of(engagement.getStudent().getClient().getName(),
                        engagement.getStudent().getClient().getBillingContactName(),
                        engagement.getStudent().getClient().getBillingContactEmail()),
                engagement.getDefaultDurationMinutes(),
                user.maySeeClientAmounts() ? engagement.getClientRateMinor() : null, engagement.getTutorWageMinor());
        return new EditSessionForm(session.getId(), session.getVersion(),
                new FilterChoice(engagement.getTutor().getId(), engagement.getTutor().getName()), option,
                start.toLocalDate(), start.toLocalTime(), session.getDurationMinutes(), session.getLocation(),
                session.getStatus() == SessionStatus.CANCELLED, session.getStatus() == SessionStatus.LATE_CANCELLED,
                guard.billingLock(session));
    }

    /**
     * What saving {@code request} would record: end, status, amounts (client amount {@code null}
     * when hidden from the caller) and overlapping sessions. Nothing is saved.
     *
     * @throws IllegalArgumentException naming the field for missing or out-of-range input
     * @throws RuleViolationException   for a start time that does not exist that day (DST gap)
     * @throws NotFoundException        for a session or engagement that is not the caller's
     */
    @Transactional(readOnly = true)
    public LoggingPreview preview(EditSessionRequest request) {
        CurrentUser user = currentUsers.require();
        TutoringSession session = guard.visible(request.sessionId(), user);
        // The Log Session dialog's preview checks the input, the engagement and the time, and finds overlaps.
        LoggingPreview base = logging.preview(request.asLogRequest(), session.getStartsAt());
        Engagement engagement = engagementFor(session, request.engagementId(), user);
        boolean late = session.getStatus() == SessionStatus.LATE_CANCELLED;
        SessionStatus status = late ? SessionStatus.LATE_CANCELLED : base.status();
        long[] amounts = amounts(session, engagement, status, request.durationMinutes());
        List<SessionConflict> conflicts = late ? List.of() : base.conflicts().stream()
                .filter(conflict -> !Objects.equals(conflict.sessionId(), session.getId()))
                .toList();
        return new LoggingPreview(base.start(), base.end(), status, user.maySeeClientAmounts() ? amounts[0] : null,
                amounts[1], base.ambiguityNote(), conflicts, base.lateWindowHours(), base.insideLateWindow(), null);
    }

    /**
     * Saves the Edit Session dialog. Nothing changes (and nothing is recorded) when every field is as before.
     *
     * @throws IllegalArgumentException naming the field for missing or out-of-range input
     * @throws RuleViolationException   for a DST-gap time, an inactive new engagement, a change of
     *                                  engagement, start, duration or status of an invoiced or paid
     *                                  session ("cancel invoice INV-… first"; its location may change), a move to another
     *                                  client's engagement while the session is on a draft invoice, or a
     *                                  cancellation "in time" inside the late-cancellation window (settings):
     *                                  the caller chooses {@link Cancellation#LATE} or
     *                                  {@link Cancellation#FEE_WAIVED}, or a change of tutor, earnings or
     *                                  pay period of a session whose tutor pay is approved (naming the period)
     * @throws NotFoundException        for a session or engagement that is not the caller's
     * @throws SessionChangedException  when someone else changed the session since the dialog opened
     */
    public void edit(EditSessionRequest request) {
        CurrentUser user = currentUsers.require();
        validate(request);
        guard.write(() -> {
            TutoringSession session = guard.visible(request.sessionId(), user);
            guard.requireUnchangedSince(session, request.seenVersion());
            String lock = guard.billingLock(session);
            if (lock != null) {
                relocateBilled(session, request, lock, user);
                return null;
            }
            Engagement engagement = engagementFor(session, request.engagementId(), user);
            boolean moving = !engagement.getId().equals(session.getEngagement().getId());
            if (moving && (!engagement.isActive() || !engagement.getStudent().isActive()
                    || !engagement.getStudent().getClient().isActive())) {
                throw new RuleViolationException("The chosen engagement, its student or its client is inactive: choose"
                        + " an active engagement");
            }
            if (moving && !engagement.getStudent().getClient().getId()
                    .equals(session.getEngagement().getStudent().getClient().getId())) {
                // A draft invoice bills one client: its line would name a session of someone else.
                guard.requireOnNoDraft(session, "move");
            }
            BusinessProfile profile = settings.profile();
            BusinessTime.Resolved start = BusinessTime.resolve(request.date(), request.startTime(), profile.zone(),
                    profile.locale(), session.getStartsAt());
            Instant now = clock.instant();
            String location = request.location() == null || request.location().isBlank() ? null
                    : request.location().strip();
            LateCancellationPolicy policy = profile.lateCancellation();
            boolean alreadyLate = session.getStatus() == SessionStatus.LATE_CANCELLED;
            Cancellation cancellation = alreadyLate ? Cancellation.NONE : request.cancellation();
            if (cancellation == Cancellation.IN_TIME && session.getStatus() != SessionStatus.CANCELLED
                    && SessionLoggingService.insideLateWindow(start.instant(), policy, now)) {
                // The window was only wording before issue 12: a late cancel went through as free, unsaid.
                throw new RuleViolationException("This session starts less than " + policy.windowHours()
                        + " hours from now (or has started): cancelling it now is a late cancellation by the"
                        + " business's policy. Choose Late cancellation, or waive the fee on purpose.");
            }
            SessionStatus timed = SessionLoggingService.statusFor(cancellation.free(), start.instant(), now);
            List<String> changes = changes(session, engagement, start, request.durationMinutes(), location, timed,
                    profile);
            boolean lateNow = cancellation == Cancellation.LATE;
            if (lateNow) {
                changes.remove("No longer cancelled");
                changes.add("Late cancellation; policy: client charged " + policy.clientChargePercent()
                        + " %, tutor paid " + policy.tutorPayPercent() + " %");
            } else if (cancellation == Cancellation.FEE_WAIVED && session.getStatus() != SessionStatus.CANCELLED) {
                changes.replaceAll(change -> change.equals("Cancelled") ? "Cancelled less than " + policy.windowHours()
                        + " hours before the start; late-cancellation fee waived" : change);
            }
            if (changes.isEmpty()) {
                return null;
            }
            boolean wasChargeable = packages.isChargeable(session);
            session.edit(moving ? engagement : null, start.instant(), profile.zone().getId(), request.durationMinutes(),
                    location, alreadyLate ? SessionLoggingService.statusFor(false, start.instant(), now) : timed,
                    policy.clientChargePercent(), policy.tutorPayPercent(), now);
            if (lateNow) {
                session.lateCancel(policy.clientChargePercent(), policy.tutorPayPercent(), now);
            }
            guard.requirePayUnchanged(session, "edit");
            packages.changed(session, wasChargeable);
            sessions.saveAndFlush(session);
            guard.record(session.getId(), user, SessionHistoryEntry.Action.EDITED, String.join("; ", changes), now);
            return null;
        });
    }

    /**
     * Edit Session on an invoiced or paid session (issue 12): its location may change, nothing that
     * changes money (engagement, start, duration, status).
     */
    private void relocateBilled(TutoringSession session, EditSessionRequest request, String lock, CurrentUser user) {
        BusinessProfile profile = settings.profile();
        BusinessTime.Resolved start = BusinessTime.resolve(request.date(), request.startTime(), profile.zone(),
                profile.locale(), session.getStartsAt());
        boolean late = session.getStatus() == SessionStatus.LATE_CANCELLED;
        if (!Objects.equals(request.engagementId(), session.getEngagement().getId())
                || !start.instant().equals(session.getStartsAt())
                || request.durationMinutes() != session.getDurationMinutes() || (!late && request.cancelled())) {
            throw new RuleViolationException("Cannot change the engagement, date, time, duration or status of this"
                    + " session: " + lock + ". Its location, rating, report and note can still change.");
        }
        String location = request.location() == null || request.location().isBlank() ? null
                : request.location().strip();
        if (Objects.equals(location, session.getLocation())) {
            return;
        }
        Instant now = clock.instant();
        String change = "Location: " + (session.getLocation() == null ? "none" : session.getLocation()) + " → "
                + (location == null ? "none" : location);
        session.relocate(location, now);
        sessions.saveAndFlush(session);
        guard.record(session.getId(), user, SessionHistoryEntry.Action.EDITED, change, now);
    }

    // ---- Reschedule (calendar drag and drop, Reschedule action) ----

    /**
     * Overlapping sessions of the tutor or the student if the session moved to {@code date} at
     * {@code startTime} (a warning, as in Edit Session). Nothing is saved.
     *
     * @throws NotFoundException      when the session is not the caller's
     * @throws RuleViolationException when it is invoiced or paid, or the time does not exist that day
     */
    @Transactional(readOnly = true)
    public List<SessionConflict> rescheduleConflicts(long sessionId, LocalDate date, LocalTime startTime) {
        EditSessionForm form = editForm(sessionId);
        return preview(moved(form, form.version(), date, startTime)).conflicts();
    }

    /**
     * Moves the session to another business-local date and start time, keeping everything else: an
     * edit like any other (the same checks and history as {@link #edit}; domain.md "Schedule").
     *
     * @param seenVersion the session version the caller's calendar or page showed
     * @return the move, with what an undo needs
     * @throws RuleViolationException  when invoiced or paid ("cancel invoice … first"), or the time does
     *                                 not exist that day
     * @throws NotFoundException       when the session is not the caller's
     * @throws SessionChangedException when someone else changed the session since
     */
    public Rescheduled reschedule(long sessionId, long seenVersion, LocalDate date, LocalTime startTime) {
        EditSessionForm before = reads.execute(status -> editForm(sessionId));
        edit(moved(before, seenVersion, date, startTime));
        EditSessionForm after = reads.execute(status -> editForm(sessionId));
        return new Rescheduled(sessionId, before.date(), before.startTime(), after.date(), after.startTime(),
                after.version());
    }

    private static EditSessionRequest moved(EditSessionForm form, long seenVersion, LocalDate date, LocalTime time) {
        return new EditSessionRequest(form.sessionId(), seenVersion, form.engagement().id(), date, time,
                form.durationMinutes(), form.location(), form.cancelled());
    }

    // ---- Late Cancellation ----

    /**
     * What a late cancellation would do to the amounts, under the business's policy.
     *
     * @throws NotFoundException      when the session is not the caller's
     * @throws RuleViolationException when it is invoiced or paid, or already late-cancelled
     */
    @Transactional(readOnly = true)
    public LateCancellationPreview lateCancellationPreview(long sessionId) {
        CurrentUser user = currentUsers.require();
        TutoringSession session = guard.visible(sessionId, user);
        guard.requireUnbilled(session, "late-cancel");
        requireNotLateCancelled(session);
        LateCancellationPolicy policy = settings.profile().lateCancellation();
        boolean client = user.maySeeClientAmounts();
        return new LateCancellationPreview(policy.windowHours(), policy.clientChargePercent(), policy.tutorPayPercent(),
                client ? session.getClientAmountMinor() : null,
                client ? Money.forMinutes(session.getClientRateMinor(), session.getDurationMinutes(),
                        policy.clientChargePercent()) : null,
                session.getTutorEarningsMinor(),
                Money.forMinutes(session.getTutorWageMinor(), session.getDurationMinutes(), policy.tutorPayPercent()));
    }

    /**
     * Marks the session LATE_CANCELLED with amounts by the policy (domain.md "Status").
     *
     * @param seenVersion the session version the caller's page showed
     * @throws RuleViolationException  when invoiced or paid, already late-cancelled, or when its tutor
     *                                 pay is approved and the policy would change its earnings
     * @throws SessionChangedException when someone else changed the session since
     */
    public void lateCancel(long sessionId, long seenVersion) {
        CurrentUser user = currentUsers.require();
        guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            guard.requireUnbilled(session, "late-cancel");
            requireNotLateCancelled(session);
            LateCancellationPolicy policy = settings.profile().lateCancellation();
            Instant now = clock.instant();
            SessionStatus before = session.getStatus().asOf(session.getEndsAt(), now);
            boolean wasChargeable = packages.isChargeable(session);
            session.lateCancel(policy.clientChargePercent(), policy.tutorPayPercent(), now);
            guard.requirePayUnchanged(session, "late-cancel");
            packages.changed(session, wasChargeable);
            sessions.saveAndFlush(session);
            guard.record(sessionId, user, SessionHistoryEntry.Action.LATE_CANCELLED, "Was " + before.label()
                    .toLowerCase(java.util.Locale.ROOT) + "; policy: client charged " + policy.clientChargePercent()
                    + " %, tutor paid " + policy.tutorPayPercent() + " %", now);
            return null;
        });
    }

    /**
     * Undoes a late cancellation: the status and both amounts before it come back.
     *
     * @throws RuleViolationException  when invoiced or paid, not late-cancelled, or when its tutor pay
     *                                 is approved and the undo would change its earnings
     * @throws SessionChangedException when someone else changed the session since
     */
    public void undoLateCancellation(long sessionId, long seenVersion) {
        CurrentUser user = currentUsers.require();
        guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            guard.requireUnbilled(session, "undo the late cancellation of");
            if (session.getStatus() != SessionStatus.LATE_CANCELLED) {
                throw new RuleViolationException("This session is not late-cancelled.");
            }
            Instant now = clock.instant();
            session.undoLateCancel(SessionLoggingService.statusFor(false, session.getStartsAt(), now), now);
            guard.requirePayUnchanged(session, "undo the late cancellation of");
            packages.changed(session, true);
            sessions.saveAndFlush(session);
            guard.record(sessionId, user, SessionHistoryEntry.Action.LATE_CANCELLATION_UNDONE, "Back to "
                    + session.getStatus().asOf(session.getEndsAt(), now).label().toLowerCase(java.util.Locale.ROOT),
                    now);
            return null;
        });
    }

    // ---- Delete ----

    /**
     * Deletes the session. Its history stays (it has no foreign key), as do emails already sent.
     *
     * @throws RuleViolationException  when invoiced or paid ("cancel invoice INV-… first"), or when its
     *                                 tutor pay is approved (naming the pay period)
     * @throws SessionChangedException when someone else changed the session since
     */
    public void delete(long sessionId, long seenVersion) {
        CurrentUser user = currentUsers.require();
        guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            guard.requireUnbilled(session, "delete");
            guard.requireOnNoDraft(session, "delete");
            guard.requireNoApprovedPay(session, "delete");
            BusinessProfile profile = settings.profile();
            Engagement engagement = session.getEngagement();
            String what = profile.formatDateTime(session.getStartsAt()) + ", " + engagement.getStudent().getName()
                    + " — " + engagement.getSubject().getName() + " with " + engagement.getTutor().getName();
            packages.release(session);
            sessions.delete(session);
            sessions.flush();
            guard.record(sessionId, user, SessionHistoryEntry.Action.DELETED, what, clock.instant());
            return null;
        });
    }

    // ---- Apply package (issue 17) ----

    /**
     * Whether "Apply package" is offered on the session page: an unbilled, completed or late-cancelled
     * session that does not draw on packages yet (it completed before any hours were paid), of an
     * engagement with paid hours left, that the caller may edit. Hours are never applied to such a
     * session by themselves (domain.md "Prepaid packages": available when paid, never before).
     *
     * @throws NotFoundException when the session is not the caller's
     */
    @Transactional(readOnly = true)
    public boolean mayApplyPackage(long sessionId) {
        CurrentUser user = currentUsers.require();
        TutoringSession session = guard.visible(sessionId, user);
        return applicable(session) && packages.minutesLeft(session.getEngagement().getId()) > 0;
    }

    /**
     * "Apply package": the session uses the engagement's paid hours, oldest package first, in this
     * transaction with its billing state (Prepaid, or partly prepaid with the rest billable), and draws on
     * them from now on whenever its minutes change.
     *
     * @return the minutes now covered
     * @throws NotFoundException       when the session is not the caller's
     * @throws RuleViolationException  when it is invoiced, paid, on a draft invoice, not completed or
     *                                 late-cancelled, already drawing on packages, or the engagement has no
     *                                 paid hours left
     * @throws SessionChangedException when someone else changed the session since the page showed it
     */
    public int applyPackage(long sessionId, long seenVersion) {
        CurrentUser user = currentUsers.require();
        return guard.write(() -> {
            TutoringSession session = guard.visible(sessionId, user);
            guard.requireUnchangedSince(session, seenVersion);
            guard.requireUnbilled(session, "apply a package to");
            guard.requireOnNoDraft(session, "apply a package to");
            if (!applicable(session)) {
                throw new RuleViolationException(session.isDrawsOnPackages()
                        ? "This session already uses the package hours"
                        : "Only a completed or late-cancelled session with a client amount can use package hours");
            }
            if (packages.minutesLeft(session.getEngagement().getId()) == 0) {
                throw new RuleViolationException("No prepaid hours are left for this engagement");
            }
            Instant now = clock.instant();
            int covered = packages.apply(session);
            session.markEdited(now);
            sessions.saveAndFlush(session);
            guard.record(sessionId, user, SessionHistoryEntry.Action.EDITED, "Package applied: "
                    + BusinessProfile.formatDuration(covered) + " covered", now);
            return covered;
        });
    }

    private boolean applicable(TutoringSession session) {
        return !session.isDrawsOnPackages() && session.getBillingState() == BillingState.UNBILLED
                && packages.isChargeable(session) && session.getClientAmountMinor() > 0;
    }

    // ---- rules ----

    private static void requireNotLateCancelled(TutoringSession session) {
        if (session.getStatus() == SessionStatus.LATE_CANCELLED) {
            throw new RuleViolationException("This session is already a late cancellation.");
        }
    }

    /** The engagement the session would be on: its own, or another one the caller may log on. */
    private Engagement engagementFor(TutoringSession session, Long engagementId, CurrentUser user) {
        if (engagementId == null) {
            throw new IllegalArgumentException("Engagement is required");
        }
        if (engagementId.equals(session.getEngagement().getId())) {
            return session.getEngagement();
        }
        Engagement engagement = entityManager.find(Engagement.class, engagementId);
        if (engagement == null || !user.maySeeSessionsOf(engagement.getTutor().getId())) {
            throw new NotFoundException("Engagement", engagementId);
        }
        return engagement;
    }

    /** @return {client amount, tutor earnings} the session would have, in minor units */
    private long[] amounts(TutoringSession session, Engagement engagement, SessionStatus status, int minutes) {
        boolean moving = !engagement.getId().equals(session.getEngagement().getId());
        long rate = moving ? engagement.getClientRateMinor() : session.getClientRateMinor();
        long wage = moving ? engagement.getTutorWageMinor() : session.getTutorWageMinor();
        LateCancellationPolicy policy = settings.profile().lateCancellation();
        return switch (status) {
            case CANCELLED -> new long[] {0, 0};
            case LATE_CANCELLED -> new long[] {Money.forMinutes(rate, minutes, policy.clientChargePercent()),
                    Money.forMinutes(wage, minutes, policy.tutorPayPercent())};
            default -> new long[] {Money.forMinutes(rate, minutes), Money.forMinutes(wage, minutes)};
        };
    }

    /** @return what the edit changes, for the history panel (no amounts: tutors read it too) */
    private static List<String> changes(TutoringSession session, Engagement engagement, BusinessTime.Resolved start,
            int minutes, String location, SessionStatus timed, BusinessProfile profile) {
        List<String> changes = new ArrayList<>();
        Engagement before = session.getEngagement();
        if (!engagement.getId().equals(before.getId())) {
            changes.add("Engagement: " + label(before) + " → " + label(engagement));
        }
        if (!start.instant().equals(session.getStartsAt())) {
            changes.add("Start: " + profile.formatDateTime(session.getStartsAt()) + " → "
                    + profile.formatDateTime(start.instant()));
        }
        if (minutes != session.getDurationMinutes()) {
            changes.add("Duration: " + BusinessProfile.formatDuration(session.getDurationMinutes()) + " → "
                    + BusinessProfile.formatDuration(minutes));
        }
        if (!Objects.equals(location, session.getLocation())) {
            changes.add("Location: " + (session.getLocation() == null ? "none" : session.getLocation()) + " → "
                    + (location == null ? "none" : location));
        }
        if (session.getStatus() != SessionStatus.LATE_CANCELLED
                && (timed == SessionStatus.CANCELLED) != (session.getStatus() == SessionStatus.CANCELLED)) {
            changes.add(timed == SessionStatus.CANCELLED ? "Cancelled" : "No longer cancelled");
        }
        return changes;
    }

    private static String label(Engagement engagement) {
        return engagement.getStudent().getName() + " — " + engagement.getSubject().getName() + " with "
                + engagement.getTutor().getName();
    }

    private void validate(EditSessionRequest request) {
        SessionInput.check(request.engagementId(), request.date(), request.startTime(), request.durationMinutes(),
                request.location(), settings.profile().today(clock));
    }
}
