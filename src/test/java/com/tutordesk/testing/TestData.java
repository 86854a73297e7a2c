package com.tutordesk.testing;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Rows for one test, written with plain SQL so that constraint tests can also write rows the
 * services would refuse. Every name is made unique, so tests never collide on the shared database.
 */
public class TestData {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public TestData(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long subject() {
        return subject(unique("Subject"));
    }

    public long subject(String name) {
        return insert("insert into subjects (name, active, version) values (?, true, 0)", name);
    }

    /** Sets columns of a session directly, e.g. {@code update(id, "rating = ?", 5)}. */
    public void updateSession(long sessionId, String assignments, Object... values) {
        Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
        args[values.length] = sessionId;
        jdbc.update("update tutoring_sessions set " + assignments + " where id = ?", args);
        // Written around the entity, so the hour totals are counted again (issue 20).
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
    }

    public long tutor(String name) {
        return insert("insert into tutors (name, email, phone, active, enhanced_access, created_at, version)"
                + " values (?, ?, null, true, null, ?, 0)", name, unique("tutor") + "@example.org", utc(Instant.now()));
    }

    public void setTutorEnhancedAccess(long tutorId, Boolean enhancedAccess) {
        jdbc.update("update tutors set enhanced_access = ? where id = ?", enhancedAccess, tutorId);
    }

    public long client(String name) {
        return insert("insert into clients (name, billing_contact_name, billing_contact_email, student_pays, autopay,"
                + " active, created_at, version) values (?, ?, ?, false, false, true, ?, 0)", name, "Parent of " + name,
                unique("parent") + "@example.org", utc(Instant.now()));
    }

    /** Gives a client a saved card (Visa 4242, as the card-payments module would store it). */
    public void giveCard(long clientId) {
        jdbc.update("update clients set stripe_customer_id = ?, stripe_payment_method_id = ?, card_brand = 'visa',"
                + " card_last4 = '4242', card_exp_month = 4, card_exp_year = 2030 where id = ?", "cus_" + clientId,
                "pm_" + clientId, clientId);
    }

    public long student(long clientId, String name) {
        return insert("insert into students (client_id, name, grade_level, active, created_at, version)"
                + " values (?, ?, 'Grade 9', true, ?, 0)", clientId, name, utc(Instant.now()));
    }

    public long engagement(long tutorId, long studentId, long subjectId, long clientRateMinor, long tutorWageMinor) {
        return insert("insert into engagements (tutor_id, student_id, subject_id, client_rate_minor, tutor_wage_minor,"
                + " currency, default_duration_minutes, active, created_at, version) values (?, ?, ?, ?, ?, 'USD', 60, true, ?, 0)",
                tutorId, studentId, subjectId, clientRateMinor, tutorWageMinor, utc(Instant.now()));
    }

    /** A tutor login for an existing tutor; returns the email. */
    public String tutorLogin(long tutorId, String password) {
        String email = unique("login") + "@example.org";
        insert("insert into users (email, password_hash, display_name, role, tutor_id, enabled, must_change_password,"
                + " created_at, version) values (?, ?, ?, 'TUTOR', ?, true, false, ?, 0)", email,
                passwordEncoder.encode(password), "Tutor " + tutorId, tutorId, utc(Instant.now()));
        return email;
    }

    /** An admin login; returns the email. */
    public String adminLogin(String password) {
        String email = unique("admin") + "@example.org";
        insert("insert into users (email, password_hash, display_name, role, tutor_id, enabled, must_change_password,"
                + " created_at, version) values (?, ?, 'Test Admin', 'ADMIN', null, true, false, ?, 0)", email,
                passwordEncoder.encode(password), utc(Instant.now()));
        return email;
    }

    /** A completed session of {@code minutes} starting at {@code startsAt}, with the engagement's rates. */
    public long session(long engagementId, Instant startsAt, int minutes, String status) {
        var e = jdbc.queryForMap("select e.tutor_id, e.student_id, s.client_id, e.subject_id, e.client_rate_minor,"
                + " e.tutor_wage_minor from engagements e join students s on s.id = e.student_id where e.id = ?",
                engagementId);
        long rate = ((Number) e.get("client_rate_minor")).longValue();
        long wage = ((Number) e.get("tutor_wage_minor")).longValue();
        boolean free = status.equals("CANCELLED");
        long id = insert("insert into tutoring_sessions (engagement_id, tutor_id, student_id, client_id, subject_id,"
                + " starts_at, ends_at, time_zone, duration_minutes, status, client_rate_minor, tutor_wage_minor,"
                + " client_amount_minor, tutor_earnings_minor, currency, billing_state, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'America/New_York', ?, ?, ?, ?, ?, ?, 'USD', 'UNBILLED', ?, ?, 0)",
                engagementId, e.get("tutor_id"), e.get("student_id"), e.get("client_id"), e.get("subject_id"),
                utc(startsAt), utc(startsAt.plusSeconds(minutes * 60L)), minutes, status, rate, wage,
                free ? 0 : com.tutordesk.shared.Money.forMinutes(rate, minutes),
                free ? 0 : com.tutordesk.shared.Money.forMinutes(wage, minutes), utc(Instant.now()), utc(Instant.now()));
        com.tutordesk.session.SessionSortKeys.copyAll(jdbc);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
        return id;
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }
}
