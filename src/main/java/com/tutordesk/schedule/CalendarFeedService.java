package com.tutordesk.schedule;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private calendar feeds (issue 14 "Calendar feeds", domain.md "Schedule"): every login may have one
 * secret address, {@code /calendar/{token}.ics}, that calendar apps subscribe to without signing in.
 * A tutor's feed has their own sessions, an admin's every tutor's, from {@value #DAYS_BACK} days back
 * to {@value #DAYS_AHEAD} days ahead; each session is one event with a stable UID, its times in UTC
 * (the business zone named in {@code X-WR-TIMEZONE}), and cancelled sessions as cancelled events.
 * Nothing else leaves: no amounts, no internal notes, no client phone or email.
 *
 * <p>The token is 256 random bits (URL-safe Base64) kept as a random secret, so that the address can
 * be shown again on "My account" and added to a second device; making a new one replaces it and the
 * old address answers "not found" at once. A disabled login's feed answers "not found" too.
 */
@Service
public class CalendarFeedService {

    public static final int DAYS_BACK = 30;
    public static final int DAYS_AHEAD = 180;
    /** What a token looks like (43 URL-safe characters); anything else is not looked up. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CurrentUserService currentUsers;
    private final SettingsService settings;
    private final Clock clock;

    CalendarFeedService(JdbcTemplate jdbc, CurrentUserService currentUsers, SettingsService settings, Clock clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the signed-in person's feed token, if they made one */
    @Transactional(readOnly = true)
    public Optional<String> myToken() {
        CurrentUser user = currentUsers.requireAnyRole();
        return jdbc.queryForList("select token from calendar_feeds where user_id = ?", String.class, user.userId())
                .stream().findFirst();
    }

    /**
     * Makes a new secret address for the signed-in person; the old one (if any) stops working.
     *
     * @return the new token
     */
    @Transactional
    public String newToken() {
        CurrentUser user = currentUsers.requireAnyRole();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("delete from calendar_feeds where user_id = ?", user.userId());
        jdbc.update("insert into calendar_feeds (user_id, token, created_at) values (?, ?, ?)", user.userId(), token,
                ScheduleService.utc(clock.instant()));
        return token;
    }

    /** @return "your sessions", "every tutor's sessions" or "your family's sessions", for the signed-in person's page */
    public String describeMyFeed() {
        CurrentUser user = currentUsers.requireAnyRole();
        return user.isAdmin() ? "every tutor's sessions" : user.isClient() ? "your family's sessions" : "your sessions";
    }

    /**
     * The feed of a token, as iCalendar text (RFC 5545).
     *
     * @return empty when the token is unknown, revoked, or its login disabled
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        List<Map<String, Object>> owners = jdbc.queryForList("select u.role, u.tutor_id, t.name as tutor_name,"
                + " u.client_id, c.name as client_name"
                + " from calendar_feeds f join users u on u.id = f.user_id left join tutors t on t.id = u.tutor_id"
                + " left join clients c on c.id = u.client_id"
                + " where f.token = ? and u.enabled", token);
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> owner = owners.getFirst();
        boolean admin = "ADMIN".equals(owner.get("role"));
        // A family's feed (issue 18): the sessions of their own students, named by tutor like the office's.
        Long clientId = "CLIENT".equals(owner.get("role")) && owner.get("client_id") != null
                && owner.get("client_name") != null ? ((Number) owner.get("client_id")).longValue() : null;
        Long tutorId = admin || clientId != null || owner.get("tutor_id") == null ? null
                : ((Number) owner.get("tutor_id")).longValue();
        if (!admin && tutorId == null && clientId == null) {
            return Optional.empty();
        }
        boolean namesTutors = admin || clientId != null;
        BusinessProfile profile = settings.profile();
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(DAYS_BACK));
        Instant to = now.plus(Duration.ofDays(DAYS_AHEAD));
        List<Object> params = new ArrayList<>(List.of(ScheduleService.utc(from), ScheduleService.utc(to)));
        String scope = "";
        if (tutorId != null) {
            scope = " and s.tutor_id = ?";
            params.add(tutorId);
        } else if (clientId != null) {
            scope = " and s.client_id = ?";
            params.add(clientId);
        }
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Tutordesk//Schedule//EN");
        calendar.setExperimentalProperty("X-WR-CALNAME", profile.name() + " — "
                + (admin ? "all tutors" : clientId != null ? (String) owner.get("client_name")
                        : (String) owner.get("tutor_name")));
        calendar.setExperimentalProperty("X-WR-TIMEZONE", profile.zone().getId());
        Date stamp = Date.from(now);
        jdbc.query("select s.id, s.version, s.starts_at, s.ends_at, s.status, s.location, s.updated_at,"
                + " st.name as student_name, sub.name as subject_name, t.name as tutor_name"
                + " from tutoring_sessions s join students st on st.id = s.student_id"
                + " join subjects sub on sub.id = s.subject_id join tutors t on t.id = s.tutor_id"
                + " where s.starts_at >= ? and s.starts_at < ?" + scope + " order by s.starts_at, s.id", rs -> {
                    Instant endsAt = ScheduleService.instant(rs.getObject("ends_at", LocalDateTime.class));
                    SessionStatus status = SessionStatus.valueOf(rs.getString("status")).asOf(endsAt, now);
                    String student = rs.getString("student_name");
                    String subject = rs.getString("subject_name");
                    String tutor = rs.getString("tutor_name");
                    VEvent event = new VEvent();
                    event.setUid(uid(rs.getLong("id")));
                    event.setDateTimeStamp(stamp);
                    event.setDateStart(Date.from(ScheduleService.instant(rs.getObject("starts_at",
                            LocalDateTime.class))), true);
                    event.setDateEnd(Date.from(endsAt), true);
                    event.setLastModified(Date.from(ScheduleService.instant(rs.getObject("updated_at",
                            LocalDateTime.class))));
                    event.setSequence((int) Math.min(Integer.MAX_VALUE, rs.getLong("version")));
                    String prefix = switch (status) {
                        case CANCELLED -> "Cancelled: ";
                        case LATE_CANCELLED -> "Late cancellation: ";
                        default -> "";
                    };
                    event.setSummary(prefix + student + " — " + subject + (namesTutors ? " with " + tutor : ""));
                    event.setDescription("Student: " + student + "\nSubject: " + subject + "\nTutor: " + tutor
                            + "\nStatus: " + status.label());
                    String location = rs.getString("location");
                    if (location != null) {
                        event.setLocation(location);
                    }
                    event.setStatus(status.isCancelled() ? Status.cancelled() : Status.confirmed());
                    calendar.addEvent(event);
                }, params.toArray());
        return Optional.of(Biweekly.write(calendar).go());
    }

    /** @return the event UID of a session: the same in every feed and every download */
    public static String uid(long sessionId) {
        return "session-" + sessionId + "@tutordesk";
    }
}
