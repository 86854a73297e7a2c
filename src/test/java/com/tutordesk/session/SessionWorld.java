package com.tutordesk.session;

import com.tutordesk.testing.TestData;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small business of its own for one test: two tutors with logins (one with Enhanced Access, one
 * without), an admin login, a client with a billing contact, a student, a subject and engagements.
 * Every name is unique, so tests never see each other's rows in the shared database.
 */
public final class SessionWorld {

    public static final String PASSWORD = "a-long-test-password-1";

    public final TestData data;
    public final JdbcTemplate jdbc;
    public final String adminEmail;
    public final long tutorId;
    public final String tutorName;
    public final String tutorEmail;
    public final long otherTutorId;
    public final String otherTutorEmail;
    public final long clientId;
    public final String parentEmail;
    public final String parentName;
    public final long studentId;
    public final String studentName;
    public final long subjectId;
    public final String subjectName;
    /** The tutor's engagement: $60.00 per hour for the client, $40.00 for the tutor. */
    public final long engagementId;
    /** The other tutor's engagement with the same student. */
    public final long otherEngagementId;

    /** @param enhanced whether the tutor has Enhanced Access (the other tutor never has) */
    public SessionWorld(TestData data, JdbcTemplate jdbc, boolean enhanced) {
        this.data = data;
        this.jdbc = jdbc;
        adminEmail = data.adminLogin(PASSWORD);
        tutorName = TestData.unique("Tutor Ana");
        tutorId = data.tutor(tutorName);
        data.setTutorEnhancedAccess(tutorId, enhanced);
        tutorEmail = data.tutorLogin(tutorId, PASSWORD);
        otherTutorId = data.tutor(TestData.unique("Tutor Bo"));
        data.setTutorEnhancedAccess(otherTutorId, false);
        otherTutorEmail = data.tutorLogin(otherTutorId, PASSWORD);
        clientId = data.client(TestData.unique("Family"));
        parentEmail = jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class, clientId);
        parentName = jdbc.queryForObject("select billing_contact_name from clients where id = ?", String.class, clientId);
        studentName = TestData.unique("Łucja");
        studentId = data.student(clientId, studentName);
        subjectName = TestData.unique("Algebra");
        subjectId = data.subject(subjectName);
        engagementId = data.engagement(tutorId, studentId, subjectId, 6000, 4000);
        otherEngagementId = data.engagement(otherTutorId, studentId, data.subject(), 7000, 5000);
    }

    /** A session of the tutor of {@code minutes} starting at {@code start}, in {@code status}. */
    public long session(Instant start, int minutes, String status) {
        return data.session(engagementId, start, minutes, status);
    }

    public long otherTutorsSession(Instant start, int minutes) {
        return data.session(otherEngagementId, start, minutes, "COMPLETED");
    }

    public Object column(long sessionId, String column) {
        return jdbc.queryForObject("select " + column + " from tutoring_sessions where id = ?", Object.class, sessionId);
    }

    public long amount(long sessionId, String column) {
        return ((Number) column(sessionId, column)).longValue();
    }
}
