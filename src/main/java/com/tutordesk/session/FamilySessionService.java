package com.tutordesk.session;

import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's own sessions, for the client portal (domain.md "Client portal": their students'
 * upcoming and past sessions — date, time, tutor, subject, location, duration, status — and the
 * session reports that were sent; never tutor wages or earnings, never internal notes, never a report
 * that was not sent). Every method is for a CLIENT login only and is scoped to that client inside
 * its SQL: another family's session is "not found", exactly as a missing id.
 *
 * <p>Reads the students', tutors' and subjects' names in the same statement (a read model, listed in
 * ArchitectureTest) rather than one lookup per session.
 */
@Service
public class FamilySessionService {

    /** Most sessions one list shows (a family has a few a week; older ones are on their invoices). */
    public static final int LIST_LIMIT = 100;

    private static final String SELECT = """
            select s.id, s.starts_at, s.duration_minutes, s.location, s.status, s.ends_at,
                   st.name as student_name, t.name as tutor_name, sub.name as subject_name,
                   s.report_sent_text, s.report_sent_at
            from tutoring_sessions s
            join students st on st.id = s.student_id
            join tutors t on t.id = s.tutor_id
            join subjects sub on sub.id = s.subject_id
            """;

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    FamilySessionService(JdbcTemplate jdbc, CurrentUserService currentUsers, Clock clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * One of the family's sessions as the family may see it.
     *
     * @param id              session id
     * @param startsAt        start, UTC instant (shown in the business zone)
     * @param durationMinutes length in minutes
     * @param location        where, or {@code null}
     * @param status          status as of now (a scheduled session whose end passed is completed)
     * @param studentName     the student
     * @param tutorName       the tutor
     * @param subjectName     the subject
     * @param report          the session report exactly as last emailed to the family, or {@code null}
     *                        when none was sent (a written but unsent report is not the family's yet)
     * @param reportSentAt    when it was last emailed (UTC), or {@code null}
     */
    public record FamilySession(long id, Instant startsAt, int durationMinutes, String location, SessionStatus status,
            String studentName, String tutorName, String subjectName, String report, Instant reportSentAt) {

        /** @return whether a report was sent for this session */
        public boolean hasReport() {
            return report != null;
        }
    }

    /**
     * @return the family's sessions still to come, soonest first, at most {@link #LIST_LIMIT}: scheduled
     *         ones that have not ended, and future ones that were cancelled (the family sees that they
     *         are off)
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public List<FamilySession> upcoming() {
        CurrentUser family = currentUsers.requireClient();
        Instant now = clock.instant();
        return jdbc.query(SELECT + " where s.client_id = ? and s.ends_at > ? and (s.status = 'SCHEDULED'"
                        + " or s.starts_at > ?) order by s.starts_at, s.id limit " + LIST_LIMIT,
                (rs, row) -> map(rs, now), family.clientId(), utc(now), utc(now));
    }

    /**
     * @return the family's other sessions — ended, or cancelled once started — newest first, at most
     *         {@link #LIST_LIMIT}, each with its sent report (exactly those {@link #upcoming()} leaves out)
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public List<FamilySession> past() {
        CurrentUser family = currentUsers.requireClient();
        Instant now = clock.instant();
        return jdbc.query(SELECT + " where s.client_id = ? and (s.ends_at <= ? or (s.status <> 'SCHEDULED'"
                        + " and s.starts_at <= ?)) order by s.starts_at desc, s.id desc limit " + LIST_LIMIT,
                (rs, row) -> map(rs, now), family.clientId(), utc(now), utc(now));
    }

    /**
     * @return one of the family's sessions
     * @throws NotFoundException when it does not exist or is another family's
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a client
     */
    @Transactional(readOnly = true)
    public FamilySession session(long id) {
        CurrentUser family = currentUsers.requireClient();
        Instant now = clock.instant();
        return jdbc.query(SELECT + " where s.id = ? and s.client_id = ?", (rs, row) -> map(rs, now), id,
                family.clientId()).stream().findFirst().orElseThrow(() -> new NotFoundException("Session", id));
    }

    private static FamilySession map(ResultSet rs, Instant now) throws SQLException {
        Instant endsAt = instant(rs, "ends_at");
        return new FamilySession(rs.getLong("id"), instant(rs, "starts_at"), rs.getInt("duration_minutes"),
                rs.getString("location"), SessionStatus.valueOf(rs.getString("status")).asOf(endsAt, now),
                rs.getString("student_name"), rs.getString("tutor_name"), rs.getString("subject_name"),
                rs.getString("report_sent_text"), instant(rs, "report_sent_at"));
    }

    /** Instants are stored as UTC wall-clock values (hibernate.jdbc.time_zone=UTC). */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.LocalDateTime value = rs.getObject(column, java.time.LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
