package com.tutordesk.billing;

import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client of its own for one test: a tutor, a client, students and engagements, and completed
 * sessions written with SQL (amounts as the session module stores them). Unique names throughout.
 */
public final class BillingFixture {

    public final JdbcTemplate jdbc;
    public final TestData data;
    public final long tutorId;
    public final long clientId;
    public final long subjectId;
    public final String clientEmail;

    private BillingFixture(JdbcTemplate jdbc, TestData data, long tutorId, long clientId, long subjectId) {
        this.jdbc = jdbc;
        this.data = data;
        this.tutorId = tutorId;
        this.clientId = clientId;
        this.subjectId = subjectId;
        this.clientEmail = jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class,
                clientId);
    }

    /** A fresh tutor and client; the client added by {@code addedByTutorId} when not {@code null}. */
    public static BillingFixture create(JdbcTemplate jdbc, TestData data, Long addedByTutorId) {
        long tutor = data.tutor(TestData.unique("Tutor"));
        long client = data.client(TestData.unique("Family"));
        jdbc.update("update clients set added_by_tutor_id = ?, address = ? where id = ?", addedByTutorId,
                "7 Linden Boulevard\nBrooklyn, NY 11226", client);
        return new BillingFixture(jdbc, data, tutor, client, data.subject(TestData.unique("Algebra")));
    }

    /** A fresh client of an existing tutor. */
    public static BillingFixture forTutor(JdbcTemplate jdbc, TestData data, long tutorId, Long addedByTutorId) {
        long client = data.client(TestData.unique("Family"));
        jdbc.update("update clients set added_by_tutor_id = ? where id = ?", addedByTutorId, client);
        return new BillingFixture(jdbc, data, tutorId, client, data.subject(TestData.unique("Algebra")));
    }

    public long student(String name) {
        return data.student(clientId, name);
    }

    public long engagement(long studentId, long rateMinor) {
        return engagement(tutorId, studentId, rateMinor);
    }

    public long engagement(long tutor, long studentId, long rateMinor) {
        return data.engagement(tutor, studentId, data.subject(TestData.unique("Subject")), rateMinor, rateMinor / 2);
    }

    /** A completed session {@code daysAgo} days before {@code now}. */
    public long session(long engagementId, Instant now, int daysAgo, int minutes) {
        return data.session(engagementId, now.minusSeconds(daysAgo * 86_400L), minutes, "COMPLETED");
    }

    /** {@code count} completed 60-minute sessions of one student at {@code rateMinor}, oldest first. */
    public List<Long> sessions(int count, long rateMinor, Instant now) {
        long engagement = engagement(student(TestData.unique("Student")), rateMinor);
        List<Long> ids = new ArrayList<>();
        for (int i = count; i >= 1; i--) {
            ids.add(session(engagement, now, i * 7, 60));
        }
        return ids;
    }

    public String billingState(long sessionId) {
        return jdbc.queryForObject("select billing_state from tutoring_sessions where id = ?", String.class, sessionId);
    }

    public long amount(long sessionId) {
        return jdbc.queryForObject("select client_amount_minor from tutoring_sessions where id = ?", Long.class, sessionId);
    }
}
