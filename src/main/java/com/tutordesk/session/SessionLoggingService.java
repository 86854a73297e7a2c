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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging and scheduling sessions (the Log Session dialog's API). Rules: domain.md "Session" and
 * issue "Log Session": rates copied from the engagement, amounts computed once in minor units, the
 * start read in the business time zone (a DST gap refused, an overlap taking the earlier offset), a
 * past or current start logged COMPLETED and a future one SCHEDULED, conflicts reported as a
 * warning, and a tutor only ever logging on their own engagements (checked here, not in the view).
 */
@Service
public class SessionLoggingService {

    /** Longest weekly repeat. */
    public static final int MAX_WEEKS = 52;

    private final SessionRepository sessions;
    private final SessionHistoryRepository history;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SessionSeriesRepository seriesRepository;
    private final SessionPackages packages;

    SessionLoggingService(SessionRepository sessions, SessionHistoryRepository history, EntityManager entityManager,
            JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings, Clock clock,
            PlatformTransactionManager transactionManager, SessionSeriesRepository seriesRepository,
            SessionPackages packages) {
        this.packages = packages;
        this.seriesRepository = seriesRepository;
        this.sessions = sessions;
        this.history = history;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- choices for the dialog ----

    /** @return active tutors an admin may log for, A–Z; for a tutor only themselves */
    @Transactional(readOnly = true)
    public List<FilterChoice> tutorsForLogging() {
        return tutorsForLogging("", 0, Integer.MAX_VALUE);
    }

    /**
     * @return the tutor with this id if the viewer may log for them (an active tutor for admins, only
     *         themselves for a tutor), else empty
     */
    @Transactional(readOnly = true)
    public java.util.Optional<FilterChoice> tutorForLogging(long tutorId) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !java.util.Objects.equals(user.tutorId(), tutorId)) {
            return java.util.Optional.empty();
        }
        return jdbc.query("select id, name from tutors where id = ? and active",
                (rs, i) -> SessionListService.choice(rs), tutorId).stream().findFirst();
    }

    /**
     * Active tutors an admin may log for whose name contains {@code text}, A–Z, a page at a time; for a
     * tutor only themselves. Paged: the dialog's box keeps what it was given in server memory while it
     * is open, and an office has hundreds of tutors (issue 20).
     */
    @Transactional(readOnly = true)
    public List<FilterChoice> tutorsForLogging(String text, int offset, int limit) {
        CurrentUser user = currentUsers.require();
        String pattern = SessionListSql.likePattern(text);
        return user.isAdmin()
                ? jdbc.query("select id, name from tutors where active and lower(name) like ? escape '!'"
                        + " order by name, id limit ? offset ?",
                        (rs, i) -> SessionListService.choice(rs), pattern, limit, offset)
                : jdbc.query("select id, name from tutors where id = ? and lower(name) like ? escape '!'"
                        + " limit ? offset ?",
                        (rs, i) -> SessionListService.choice(rs), user.tutorId(), pattern,
                        limit, offset);
    }

    /**
     * The tutor's active engagements, by student name. A tutor asking for another tutor gets an empty
     * list (not an error, which would confirm that the tutor exists).
     */
    @Transactional(readOnly = true)
    public List<EngagementOption> engagementsForLogging(long tutorId) {
        CurrentUser user = currentUsers.require();
        if (!user.maySeeSessionsOf(tutorId)) {
            return List.of();
        }
        boolean rates = user.maySeeClientAmounts();
        return jdbc.query("select e.id, e.tutor_id, st.name as student, sub.name as subject, c.name as client,"
                + " c.billing_contact_name, c.billing_contact_email,"
                + " e.default_duration_minutes, e.client_rate_minor, e.tutor_wage_minor from engagements e"
                + " join students st on st.id = e.student_id join clients c on c.id = st.client_id"
                + " join subjects sub on sub.id = e.subject_id where e.tutor_id = ? and e.active and st.active"
                + " and c.active order by st.name, sub.name, e.id", (rs, i) -> new EngagementOption(rs.getLong("id"),
                        rs.getLong("tutor_id"), rs.getString("student"), rs.getString("subject"),
                        ClientLabel.of(rs.getString("client"), rs.getString("billing_contact_name"),
                                rs.getString("billing_contact_email")), rs.getInt("default_duration_minutes"),
                        rates ? rs.getLong("client_rate_minor") : null, rs.getLong("tutor_wage_minor")), tutorId);
    }

    /** @return up to five locations last used on this engagement, most recent first */
    @Transactional(readOnly = true)
    public List<String> recentLocations(long engagementId) {
        Engagement engagement = loggableEngagement(engagementId, currentUsers.require());
        return jdbc.queryForList("select location from tutoring_sessions where engagement_id = ? and location is not"
                + " null group by location order by max(starts_at) desc limit 5", String.class, engagement.getId());
    }

    // ---- preview ----

    /**
     * What logging {@code request} would record, with overlapping sessions. Nothing is saved.
     *
     * @throws IllegalArgumentException naming the field when input is missing or out of range
     * @throws RuleViolationException   when the start time does not exist that day (DST gap)
     * @throws NotFoundException        for an engagement that does not exist or is not the viewer's
     */
    @Transactional(readOnly = true)
    public LoggingPreview preview(LogSessionRequest request) {
        return preview(request, null);
    }

    /**
     * As {@link #preview(LogSessionRequest)} for an edit of a session recorded at {@code current}: a
     * time that happens twice that day keeps the offset of {@code current} when it is its wall-clock
     * time (see {@link BusinessTime#resolve(LocalDate, java.time.LocalTime, java.time.ZoneId,
     * java.util.Locale, Instant)}).
     */
    @Transactional(readOnly = true)
    public LoggingPreview preview(LogSessionRequest request, Instant current) {
        CurrentUser user = currentUsers.require();
        validate(request, false);
        Engagement engagement = loggableEngagement(request.engagementId(), user);
        return preview(request, engagement, user, settings.profile(), null, current);
    }

    /**
     * The dates of a weekly repeat starting at {@code request.date()}: {@code weeks} occurrences, or
     * every week up to and including {@code until}; at most {@value #MAX_WEEKS}. Each keeps its
     * wall-clock time across DST changes; a date where that time does not exist is marked, not
     * silently shifted.
     */
    @Transactional(readOnly = true)
    public List<WeeklyOccurrence> previewWeekly(LogSessionRequest request, Integer weeks, LocalDate until) {
        return previewSeries(request, 1, weeks, until);
    }

    /**
     * The dates of a series starting at {@code request.date()}, one every {@code everyWeeks} weeks:
     * {@code count} occurrences, or up to and including {@code until}; at most {@value #MAX_WEEKS}.
     * Each keeps its wall-clock time across DST changes; a date where that time does not exist is
     * marked, not silently shifted. The person unticks the dates to skip.
     */
    @Transactional(readOnly = true)
    public List<WeeklyOccurrence> previewSeries(LogSessionRequest request, int everyWeeks, Integer count,
            LocalDate until) {
        CurrentUser user = currentUsers.require();
        validate(request, false);
        Engagement engagement = loggableEngagement(request.engagementId(), user);
        BusinessProfile profile = settings.profile();
        List<WeeklyOccurrence> occurrences = new ArrayList<>();
        for (LocalDate date : seriesDates(request.date(), everyWeeks, count, until)) {
            try {
                occurrences.add(new WeeklyOccurrence(date,
                        preview(request.on(date), engagement, user, profile, null, null), null));
            } catch (RuleViolationException gap) {
                occurrences.add(new WeeklyOccurrence(date, null, gap.getMessage()));
            }
        }
        return occurrences;
    }

    /** @return the weekly dates from {@code first}: {@code weeks} of them, or up to {@code until} */
    public static List<LocalDate> weeklyDates(LocalDate first, Integer weeks, LocalDate until) {
        return seriesDates(first, 1, weeks, until);
    }

    /**
     * @param everyWeeks weeks between two dates, {@value SessionSeries#MIN_EVERY_WEEKS}–{@value SessionSeries#MAX_EVERY_WEEKS}
     * @return the dates of a series from {@code first}: {@code count} of them, or up to {@code until}
     * @throws IllegalArgumentException naming the repeat's field when a value is missing or out of range
     */
    public static List<LocalDate> seriesDates(LocalDate first, int everyWeeks, Integer count, LocalDate until) {
        if (everyWeeks < SessionSeries.MIN_EVERY_WEEKS || everyWeeks > SessionSeries.MAX_EVERY_WEEKS) {
            throw new IllegalArgumentException("Repeat: every " + SessionSeries.MIN_EVERY_WEEKS + " to "
                    + SessionSeries.MAX_EVERY_WEEKS + " weeks");
        }
        if ((count == null) == (until == null)) {
            throw new IllegalArgumentException("Repeat: choose a number of sessions or an end date");
        }
        if (count != null && (count < 1 || count > MAX_WEEKS)) {
            throw new IllegalArgumentException("Repeat: the number of sessions must be between 1 and " + MAX_WEEKS);
        }
        if (until != null && until.isBefore(first)) {
            throw new IllegalArgumentException("Repeat: the end date is before the first session");
        }
        LocalDate last = first.plusWeeks((MAX_WEEKS - 1L) * everyWeeks);
        if (until != null && until.isAfter(last)) {
            throw new IllegalArgumentException("Repeat: at most " + MAX_WEEKS + " sessions (until " + last + ")");
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = first; count != null ? dates.size() < count : !date.isAfter(until);
                date = date.plusWeeks(everyWeeks)) {
            dates.add(date);
        }
        return dates;
    }

    // ---- logging ----

    /**
     * Logs (or schedules) one session. Idempotent on {@code request.requestKey()}: the same key,
     * sent twice or concurrently, yields one session and returns its id both times.
     *
     * @return the session id
     * @throws IllegalArgumentException naming the field for missing or out-of-range input
     * @throws RuleViolationException   for a DST-gap time or an inactive engagement
     * @throws NotFoundException        for an engagement that does not exist or is not the caller's
     */
    public long logSession(LogSessionRequest request) {
        CurrentUser user = currentUsers.require();
        validate(request, true);
        return logOnce(request, request.requestKey(), user);
    }

    /**
     * Schedules the chosen dates of a weekly repeat, all or nothing, each at the same wall-clock
     * time. Idempotent per date on {@code request.requestKey()}.
     *
     * @param dates the dates the person kept (conflicting ones may have been skipped), at most
     *              {@value #MAX_WEEKS}
     * @return the session ids, in date order
     */
    public List<Long> logWeekly(LogSessionRequest request, List<LocalDate> dates) {
        return logSeries(request, 1, dates);
    }

    /**
     * Schedules the chosen dates of a series (a repeat every {@code everyWeeks} weeks), all or nothing,
     * each at the same wall-clock time; the sessions form one series, numbered in date order.
     * Idempotent per date on {@code request.requestKey()}.
     *
     * @param dates the dates the person kept (skipped ones left out), at most {@value #MAX_WEEKS}
     * @return the session ids, in date order
     */
    public List<Long> logSeries(LogSessionRequest request, int everyWeeks, List<LocalDate> dates) {
        CurrentUser user = currentUsers.require();
        if (everyWeeks < SessionSeries.MIN_EVERY_WEEKS || everyWeeks > SessionSeries.MAX_EVERY_WEEKS) {
            throw new IllegalArgumentException("Repeat: every " + SessionSeries.MIN_EVERY_WEEKS + " to "
                    + SessionSeries.MAX_EVERY_WEEKS + " weeks");
        }
        validate(request, true);
        if (dates == null || dates.isEmpty()) {
            throw new IllegalArgumentException("Repeat: choose at least one date");
        }
        if (dates.size() > MAX_WEEKS) {
            throw new IllegalArgumentException("Repeat: at most " + MAX_WEEKS + " dates");
        }
        List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
        try {
            return transactions.execute(status -> {
                Optional<Long> sent = existing(request.requestKey() + "#" + sorted.getFirst());
                if (sent.isPresent()) {
                    // The same request again (a double click): answer with its sessions, make no second series.
                    return sorted.stream().map(date -> existing(request.requestKey() + "#" + date).orElseThrow())
                            .toList();
                }
                Engagement engagement = loggableEngagement(request.engagementId(), user);
                SessionSeries created = seriesRepository.saveAndFlush(new SessionSeries(engagement.getId(), everyWeeks,
                        sorted.getFirst(), request.startTime(), settings.profile().zone().getId(), sorted.size(),
                        user.userId(), clock.instant()));
                List<Long> ids = new ArrayList<>();
                int position = 0;
                for (LocalDate date : sorted) {
                    ids.add(insert(request.on(date), request.requestKey() + "#" + date, user, created.getId(),
                            ++position));
                }
                return ids;
            });
        } catch (DataIntegrityViolationException duplicate) {
            return transactions.execute(status -> sorted.stream()
                    .map(date -> existing(request.requestKey() + "#" + date).orElseThrow(() -> duplicate))
                    .toList());
        }
    }

    private long logOnce(LogSessionRequest request, String key, CurrentUser user) {
        try {
            Long id = transactions.execute(status -> insert(request, key, user));
            return id;
        } catch (DataIntegrityViolationException duplicate) {
            // The same request committed first on another thread or node: answer with its session.
            return transactions.execute(status -> existing(key).orElseThrow(() -> duplicate));
        }
    }

    private long insert(LogSessionRequest request, String key, CurrentUser user) {
        return insert(request, key, user, null, null);
    }

    private long insert(LogSessionRequest request, String key, CurrentUser user, Long seriesId, Integer position) {
        Optional<Long> already = existing(key);
        if (already.isPresent()) {
            return already.get();
        }
        Engagement engagement = loggableEngagement(request.engagementId(), user);
        if (!engagement.isActive()) {
            throw new RuleViolationException("This engagement is inactive: reactivate it before logging sessions");
        }
        if (!engagement.getStudent().isActive() || !engagement.getStudent().getClient().isActive()) {
            throw new RuleViolationException("The student or client of this engagement is inactive");
        }
        BusinessProfile profile = settings.profile();
        BusinessTime.Resolved start = BusinessTime.resolve(request.date(), request.startTime(), profile.zone(),
                profile.locale());
        Instant now = clock.instant();
        SessionStatus timed = statusFor(request.cancellation().free(), start.instant(), now);
        String location = request.location() == null || request.location().isBlank() ? null
                : request.location().strip();
        TutoringSession session = TutoringSession.log(engagement, start.instant(), profile.zone().getId(),
                request.durationMinutes(), location, timed, user.userId(), key, now);
        if (request.cancellation() == Cancellation.LATE) {
            LateCancellationPolicy policy = profile.lateCancellation();
            session.loggedAsLateCancellation(policy.clientChargePercent(), policy.tutorPayPercent());
        }
        if (seriesId != null) {
            session.joinSeries(seriesId, position);
        }
        SessionStatus status = session.getStatus();
        sessions.saveAndFlush(session);
        // Logged in the past: it has completed now, and uses the engagement's paid hours if any are left.
        packages.changed(session, false);
        history.save(new SessionHistoryEntry(session.getId(), now, user.userId(), user.displayName(),
                status == SessionStatus.SCHEDULED ? SessionHistoryEntry.Action.SCHEDULED
                        : SessionHistoryEntry.Action.LOGGED,
                status.label() + ", " + profile.formatDateTime(start.instant()) + ", "
                        + request.durationMinutes() + " min"
                        + (start.ambiguous() ? " (" + start.offset().getId() + ")" : "")));
        return session.getId();
    }

    /**
     * The session logged with a request key, e.g. by an import that uses keys made of the engagement,
     * date and time, to log each row once however often the file is run.
     *
     * @return the session id, if one was logged with {@code requestKey}
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public Optional<Long> loggedWith(String requestKey) {
        currentUsers.requireAdmin();
        return existing(requestKey);
    }

    private Optional<Long> existing(String key) {
        return sessions.findIdByRequestKey(key);
    }

    // ---- shared rules ----

    /**
     * @return whether cancelling a session that starts at {@code start} is late by the policy now: it
     *         starts less than the window (settings, e.g. 24 h) from {@code now}, or has started
     */
    static boolean insideLateWindow(Instant start, LateCancellationPolicy policy, Instant now) {
        return start.isBefore(now.plusSeconds(policy.windowHours() * 3600L));
    }

    static SessionStatus statusFor(boolean cancelled, Instant start, Instant now) {
        if (cancelled) {
            return SessionStatus.CANCELLED;
        }
        return start.isAfter(now) ? SessionStatus.SCHEDULED : SessionStatus.COMPLETED;
    }

    private LoggingPreview preview(LogSessionRequest request, Engagement engagement, CurrentUser user,
            BusinessProfile profile, Long excludeSessionId, Instant current) {
        BusinessTime.Resolved start = BusinessTime.resolve(request.date(), request.startTime(), profile.zone(),
                profile.locale(), current);
        int minutes = request.durationMinutes();
        ZonedDateTime end = start.start().plusMinutes(minutes).withZoneSameInstant(profile.zone());
        Instant now = clock.instant();
        LateCancellationPolicy policy = profile.lateCancellation();
        boolean late = request.cancellation() == Cancellation.LATE;
        SessionStatus status = late ? SessionStatus.LATE_CANCELLED
                : statusFor(request.cancellation().free(), start.instant(), now);
        boolean free = status == SessionStatus.CANCELLED;
        long client = free ? 0 : Money.forMinutes(engagement.getClientRateMinor(), minutes,
                late ? policy.clientChargePercent() : 100);
        long earnings = free ? 0 : Money.forMinutes(engagement.getTutorWageMinor(), minutes,
                late ? policy.tutorPayPercent() : 100);
        List<SessionConflict> conflicts = request.cancelled() ? List.of()
                : conflicts(engagement, start.instant(), end.toInstant(), user, excludeSessionId);
        int chargeable = free || status == SessionStatus.SCHEDULED || client == 0 ? 0
                : late ? java.math.BigDecimal.valueOf((long) minutes * policy.clientChargePercent())
                        .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).intValueExact()
                : minutes;
        String packageNote = chargeable == 0 ? null
                : LoggingPreview.packageNote(chargeable, packages.minutesLeft(engagement.getId()));
        return new LoggingPreview(start.start(), end, status, user.maySeeClientAmounts() ? client : null, earnings,
                start.ambiguous() ? BusinessTime.ambiguityNote(start, profile.locale()) : null, conflicts,
                policy.windowHours(), insideLateWindow(start.instant(), policy, now), packageNote);
    }

    private List<SessionConflict> conflicts(Engagement engagement, Instant start, Instant end, CurrentUser user,
            Long excludeSessionId) {
        long tutorId = engagement.getTutor().getId();
        long studentId = engagement.getStudent().getId();
        return jdbc.query("select s.id, s.starts_at, s.ends_at, s.tutor_id, s.student_id, st.name as student,"
                + " t.name as tutor, sub.name as subject from tutoring_sessions s"
                + " join students st on st.id = s.student_id join tutors t on t.id = s.tutor_id"
                + " join subjects sub on sub.id = s.subject_id"
                + " where (s.tutor_id = ? or s.student_id = ?) and s.status not in ('CANCELLED', 'LATE_CANCELLED')"
                + " and s.starts_at < ? and s.ends_at > ? and s.id <> ? order by s.starts_at, s.id",
                (rs, i) -> {
                    boolean visible = user.maySeeSessionsOf(rs.getLong("tutor_id"));
                    boolean sameTutor = rs.getLong("tutor_id") == tutorId;
                    boolean sameStudent = rs.getLong("student_id") == studentId;
                    String description = visible
                            ? rs.getString("student") + " with " + rs.getString("tutor") + " (" + rs.getString("subject")
                                    + ")"
                            : "another session of the student";
                    return new SessionConflict(visible ? rs.getLong("id") : null,
                            utc(rs.getObject("starts_at", LocalDateTime.class)),
                            utc(rs.getObject("ends_at", LocalDateTime.class)), sameTutor, sameStudent, description);
                }, tutorId, studentId, SessionListSql.utc(end), SessionListSql.utc(start),
                excludeSessionId == null ? -1L : excludeSessionId);
    }

    /** The engagement if the caller may log on it: admins any, tutors their own (else "not found"). */
    private Engagement loggableEngagement(Long engagementId, CurrentUser user) {
        if (engagementId == null) {
            throw new IllegalArgumentException("Engagement is required");
        }
        Engagement engagement = entityManager.find(Engagement.class, engagementId);
        if (engagement == null || !user.maySeeSessionsOf(engagement.getTutor().getId())) {
            throw new NotFoundException("Engagement", engagementId);
        }
        return engagement;
    }

    private void validate(LogSessionRequest request, boolean saving) {
        SessionInput.check(request.engagementId(), request.date(), request.startTime(), request.durationMinutes(),
                request.location(), settings.profile().today(clock));
        if (saving && (request.requestKey() == null || request.requestKey().isBlank()
                || request.requestKey().length() > LogSessionRequest.REQUEST_KEY_MAX_LENGTH)) {
            throw new IllegalArgumentException("Request key is required (at most "
                    + LogSessionRequest.REQUEST_KEY_MAX_LENGTH + " characters)");
        }
    }

    private static Instant utc(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
