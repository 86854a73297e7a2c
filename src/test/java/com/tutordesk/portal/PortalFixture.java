package com.tutordesk.portal;

import com.tutordesk.testing.TestData;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A family for portal tests: a client with one student, taught by a tutor of their own, and the way
 * a parent reads their invitation link (from the outbox, as the email carries it).
 */
public final class PortalFixture {

    public static final String STRONG = "marble otter kitchen sunrise";
    private static final Pattern LINK = Pattern.compile("/" + PortalInvitationService.WELCOME_PATH + "([A-Za-z0-9_-]{43})");

    public final long clientId;
    public final long studentId;
    public final long tutorId;
    public final long subjectId;
    public final long engagementId;
    public final String contactEmail;

    private PortalFixture(JdbcTemplate jdbc, TestData data, String name) {
        clientId = data.client(TestData.unique(name));
        studentId = data.student(clientId, name + " student");
        tutorId = data.tutor(TestData.unique(name + " tutor"));
        subjectId = data.subject();
        engagementId = data.engagement(tutorId, studentId, subjectId, 6000, 3500);
        contactEmail = jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class,
                clientId);
    }

    public static PortalFixture create(JdbcTemplate jdbc, TestData data, String name) {
        return new PortalFixture(jdbc, data, name);
    }

    /** @return the token of the latest invitation email of the client, as the link in it carries it */
    public static String latestInvitationToken(JdbcTemplate jdbc, long clientId) {
        String body = jdbc.queryForObject("select text_body from mail_messages where ref_type = ? and ref_id = ?"
                + " order by id desc limit 1", String.class, PortalInvitationService.MAIL_REFERENCE, clientId);
        Matcher matcher = LINK.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No invitation link in: " + body);
        }
        return matcher.group(1);
    }
}
