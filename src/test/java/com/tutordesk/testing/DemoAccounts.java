package com.tutordesk.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** The demo business's logins as loaded into the integration-test database. */
public record DemoAccounts(String adminEmail, String enhancedTutorEmail, long enhancedTutorId, String plainTutorEmail,
        long plainTutorId) {

    public static final String ADMIN_PASSWORD = "demo-admin-pass";
    public static final String ENHANCED_TUTOR_PASSWORD = "demo-tutor-enhanced";
    public static final String PLAIN_TUTOR_PASSWORD = "demo-tutor-plain";

    /** Reads the demo logins: the admin and the logins of the two first tutors. */
    public static DemoAccounts read(JdbcTemplate jdbc) {
        var tutors = jdbc.queryForList("select u.email, u.tutor_id from users u where u.role = 'TUTOR'"
                + " and u.tutor_id in (select min(id) from tutors union select min(id) + 1 from tutors) order by u.tutor_id");
        return new DemoAccounts("admin@example.org", (String) tutors.get(0).get("email"),
                ((Number) tutors.get(0).get("tutor_id")).longValue(), (String) tutors.get(1).get("email"),
                ((Number) tutors.get(1).get("tutor_id")).longValue());
    }
}
