package com.tutordesk.schedule;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.BillingState;
import com.tutordesk.session.FilterChoice;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the calendar shows (issue 14 "Calendar"): the sessions that start on a range of
 * business-local days, for admins all (narrowed by tutor, student or client), for tutors their own
 * whatever the filter says (domain.md "Roles"; the condition is inside the statement, so nothing a
 * viewer may not see is read). One SQL statement per range, names joined, no entity graph: a week
 * of 3,000 sessions is one indexed range read.
 */
@Service
public class ScheduleService {

    /** Longest range one read may cover: a month view shows up to six weeks. */
    public static final int MAX_DAYS = 42;

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    ScheduleService(JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings, Clock clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The sessions starting on the business-local days {@code from} (inclusive) to {@code to}
     * (exclusive), in start order (then id).
     *
     * @throws IllegalArgumentException when the range is empty or longer than {@value #MAX_DAYS} days
     */
    @Transactional(readOnly = true)
    public List<CalendarEntry> entries(LocalDate from, LocalDate to, CalendarFilter filter) {
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("A calendar shows 1 to " + MAX_DAYS + " days");
        }
        CurrentUser user = currentUsers.require();
        BusinessProfile profile = settings.profile();
        Instant start = from.atStartOfDay(profile.zone()).toInstant();
        Instant end = to.atStartOfDay(profile.zone()).toInstant();
        StringBuilder sql = new StringBuilder("""
                select s.id, s.version, s.starts_at, s.ends_at, s.status, s.billing_state, s.tutor_id,
                       t.name as tutor_name, st.name as student_name, sub.name as subject_name
                from tutoring_sessions s
                join tutors t on t.id = s.tutor_id
                join students st on st.id = s.student_id
                join subjects sub on sub.id = s.subject_id
                where s.starts_at >= ? and s.starts_at < ?""");
        List<Object> params = new ArrayList<>(List.of(utc(start), utc(end)));
        Long scope = user.sessionScopeTutorId();
        if (scope != null) {
            sql.append(" and s.tutor_id = ?");
            params.add(scope);
        }
        if (filter.tutorId() != null) {
            sql.append(" and s.tutor_id = ?");
            params.add(filter.tutorId());
        }
        if (filter.studentId() != null) {
            sql.append(" and s.student_id = ?");
            params.add(filter.studentId());
        }
        if (filter.clientId() != null) {
            sql.append(" and s.client_id = ?");
            params.add(filter.clientId());
        }
        sql.append(" order by s.starts_at, s.id");
        Instant now = clock.instant();
        return jdbc.query(sql.toString(), (rs, i) -> {
            Instant endsAt = instant(rs.getObject("ends_at", LocalDateTime.class));
            return new CalendarEntry(rs.getLong("id"), rs.getLong("version"),
                    instant(rs.getObject("starts_at", LocalDateTime.class)), endsAt,
                    SessionStatus.valueOf(rs.getString("status")).asOf(endsAt, now),
                    BillingState.valueOf(rs.getString("billing_state")), rs.getLong("tutor_id"),
                    rs.getString("tutor_name"), rs.getString("student_name"), rs.getString("subject_name"));
        }, params.toArray());
    }

    /**
     * The columns of the by-tutor day view: for an admin the active tutors A–Z (or only the one the
     * filter names), for a tutor only themselves.
     */
    @Transactional(readOnly = true)
    public List<FilterChoice> tutorColumns(CalendarFilter filter) {
        CurrentUser user = currentUsers.require();
        Long only = user.isAdmin() ? filter.tutorId() : user.tutorId();
        return only != null
                ? jdbc.query("select id, name from tutors where id = ?",
                        (rs, i) -> new FilterChoice(rs.getLong("id"), rs.getString("name")), only)
                : jdbc.query("select id, name from tutors where active order by name, id",
                        (rs, i) -> new FilterChoice(rs.getLong("id"), rs.getString("name")));
    }

    /** Instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
