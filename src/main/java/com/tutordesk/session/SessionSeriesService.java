package com.tutordesk.session;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.BusinessTime;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Series of sessions (issue 14 "Series", domain.md "Schedule"): a session's place in its series, and
 * the "this and following" changes — edit, reschedule, cancel — and "End series after …".
 *
 * <p>A "this and following" change applies what the person changed on this session (the day shift,
 * the new start time, duration, location, engagement, cancelled) to it and every later occurrence,
 * each keeping its own values for what was not changed; every occurrence keeps its wall-clock time
 * across DST changes (each is resolved in the business zone on its own date). Sessions already
 * invoiced or paid are never changed: they are listed as skipped, as is an occurrence whose new time
 * does not exist that day (a DST gap). Each session is changed through
 * {@link SessionEditingService#edit}, with its rules and history; the whole change is one transaction.
 */
@Service
public class SessionSeriesService {

    private final SessionGuard guard;
    private final SessionRepository sessions;
    private final SessionSeriesRepository series;
    private final SessionEditingService editing;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final TransactionTemplate transactions;

    SessionSeriesService(SessionGuard guard, SessionRepository sessions, SessionSeriesRepository series,
            SessionEditingService editing, CurrentUserService currentUsers, SettingsService settings,
            PlatformTransactionManager transactionManager) {
        this.guard = guard;
        this.sessions = sessions;
        this.series = series;
        this.editing = editing;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @return the session's place in its series ("3 of 12, every 2 weeks on Tuesday"), or empty when
     *         it belongs to none
     * @throws NotFoundException when the session is not the caller's
     */
    @Transactional(readOnly = true)
    public Optional<SeriesSummary> summary(long sessionId) {
        TutoringSession session = guard.visible(sessionId, currentUsers.require());
        if (session.getSeriesId() == null) {
            return Optional.empty();
        }
        SessionSeries s = series.findById(session.getSeriesId()).orElseThrow();
        return Optional.of(new SeriesSummary(s.getId(), session.getSeriesPosition(), s.getOccurrences(),
                s.getEveryWeeks(), s.getDayOfWeek(), s.getStartTime(), s.getEndedAfter(),
                sessions.countFollowing(s.getId(), session.getSeriesPosition())));
    }

    /**
     * Edit Session for "this and following": applies the changes {@code request} makes to its session
     * to that session and every later occurrence of its series.
     *
     * @throws RuleViolationException  when the session is in no series, or a changed engagement is inactive
     * @throws NotFoundException       when the session or engagement is not the caller's
     * @throws SessionChangedException when someone else changed this session since the dialog opened
     */
    public SeriesChange editFollowing(EditSessionRequest request) {
        CurrentUser user = currentUsers.require();
        return transactions.execute(status -> {
            TutoringSession first = inSeries(request.sessionId(), user);
            guard.requireUnchangedSince(first, request.seenVersion());
            BusinessProfile profile = settings.profile();
            ZonedDateTime firstStart = profile.local(first.getStartsAt());
            long dayShift = ChronoUnit.DAYS.between(firstStart.toLocalDate(), request.date());
            boolean timeChanged = !request.startTime().equals(firstStart.toLocalTime());
            boolean durationChanged = !Objects.equals(request.durationMinutes(), first.getDurationMinutes());
            String location = request.location() == null || request.location().isBlank() ? null
                    : request.location().strip();
            boolean locationChanged = !Objects.equals(location, first.getLocation());
            boolean cancelledChanged = request.cancelled() != (first.getStatus() == SessionStatus.CANCELLED);
            boolean engagementChanged = !Objects.equals(request.engagementId(), first.getEngagement().getId());
            List<Rescheduled> changed = new ArrayList<>();
            List<SeriesChange.Skipped> skipped = new ArrayList<>();
            for (TutoringSession member : sessions.findSeriesFrom(first.getSeriesId(), first.getSeriesPosition())) {
                ZonedDateTime start = profile.local(member.getStartsAt());
                LocalDate date = start.toLocalDate().plusDays(dayShift);
                LocalTime time = timeChanged ? request.startTime() : start.toLocalTime();
                String refusal = refusal(member, date, time, profile);
                if (refusal != null) {
                    skipped.add(new SeriesChange.Skipped(member.getId(), start.toLocalDate(), refusal));
                    continue;
                }
                editing.edit(new EditSessionRequest(member.getId(),
                        member == first ? request.seenVersion() : member.getVersion(),
                        engagementChanged ? request.engagementId() : member.getEngagement().getId(), date, time,
                        durationChanged ? request.durationMinutes() : member.getDurationMinutes(),
                        locationChanged ? location : member.getLocation(),
                        cancelledChanged ? request.cancelled() : member.getStatus() == SessionStatus.CANCELLED));
                ZonedDateTime after = profile.local(member.getStartsAt());
                changed.add(new Rescheduled(member.getId(), start.toLocalDate(), start.toLocalTime(),
                        after.toLocalDate(), after.toLocalTime(), member.getVersion()));
            }
            if ((dayShift != 0 || timeChanged) && changed.stream().anyMatch(c -> c.sessionId() == first.getId())) {
                series.findById(first.getSeriesId()).orElseThrow().follow(request.date(), request.startTime());
            }
            return new SeriesChange(List.copyOf(changed), List.copyOf(skipped));
        });
    }

    /**
     * Reschedule for "this and following": moves this session to {@code date} at {@code startTime}
     * and every later occurrence by the same number of days, to the same start time.
     *
     * @throws SessionChangedException when someone else changed this session since {@code seenVersion}
     */
    public SeriesChange rescheduleFollowing(long sessionId, long seenVersion, LocalDate date, LocalTime startTime) {
        EditSessionForm form = editing.editForm(sessionId);
        return editFollowing(new EditSessionRequest(sessionId, seenVersion, form.engagement().id(), date, startTime,
                form.durationMinutes(), form.location(), form.cancelled()));
    }

    /**
     * "End series after …": cancels (in time) every occurrence after {@code lastDate}; invoiced or paid
     * ones are skipped, late-cancelled ones stay as they are. The series then has the occurrences up
     * to that date.
     *
     * @param lastDate business-local date of the last occurrence to keep
     * @throws IllegalArgumentException when {@code lastDate} is before the series' first date
     * @throws RuleViolationException   when the session is in no series
     */
    public SeriesChange endAfter(long sessionId, LocalDate lastDate) {
        CurrentUser user = currentUsers.require();
        if (lastDate == null) {
            throw new IllegalArgumentException("Last date is required");
        }
        return transactions.execute(status -> {
            TutoringSession session = inSeries(sessionId, user);
            SessionSeries s = series.findById(session.getSeriesId()).orElseThrow();
            if (lastDate.isBefore(s.getFirstDate())) {
                throw new IllegalArgumentException("Last date must be on or after the series' first session ("
                        + settings.profile().formatDate(s.getFirstDate()) + ")");
            }
            BusinessProfile profile = settings.profile();
            int kept = 0;
            List<Rescheduled> changed = new ArrayList<>();
            List<SeriesChange.Skipped> skipped = new ArrayList<>();
            for (TutoringSession member : sessions.findSeriesFrom(s.getId(), 1)) {
                ZonedDateTime start = profile.local(member.getStartsAt());
                if (!start.toLocalDate().isAfter(lastDate)) {
                    kept = Math.max(kept, member.getSeriesPosition());
                    continue;
                }
                if (member.getStatus().isCancelled()) {
                    continue;
                }
                String lock = guard.billingLock(member);
                if (lock != null) {
                    skipped.add(new SeriesChange.Skipped(member.getId(), start.toLocalDate(), lock));
                    continue;
                }
                editing.edit(new EditSessionRequest(member.getId(), member.getVersion(),
                        member.getEngagement().getId(), start.toLocalDate(), start.toLocalTime(),
                        member.getDurationMinutes(), member.getLocation(), true));
                changed.add(new Rescheduled(member.getId(), start.toLocalDate(), start.toLocalTime(),
                        start.toLocalDate(), start.toLocalTime(), member.getVersion()));
            }
            s.endAfter(lastDate, kept);
            return new SeriesChange(List.copyOf(changed), List.copyOf(skipped));
        });
    }

    /**
     * Undoes a "this and following" move: every session it moved goes back to its date and time.
     *
     * @throws SessionChangedException when someone changed one of them since
     */
    public void undo(SeriesChange change) {
        currentUsers.require();
        transactions.executeWithoutResult(status -> {
            for (Rescheduled moved : change.changed()) {
                editing.reschedule(moved.sessionId(), moved.version(), moved.fromDate(), moved.fromTime());
            }
        });
    }

    private TutoringSession inSeries(long sessionId, CurrentUser user) {
        TutoringSession session = guard.visible(sessionId, user);
        if (session.getSeriesId() == null) {
            throw new RuleViolationException("This session is not part of a series.");
        }
        return session;
    }

    /** @return why an occurrence is left alone (invoiced or paid, or its new time does not exist), or {@code null} */
    private String refusal(TutoringSession member, LocalDate date, LocalTime time, BusinessProfile profile) {
        String lock = guard.billingLock(member);
        if (lock != null) {
            return lock;
        }
        try {
            BusinessTime.resolve(date, time, profile.zone(), profile.locale());
            return null;
        } catch (RuleViolationException gap) {
            return gap.getMessage();
        }
    }
}
