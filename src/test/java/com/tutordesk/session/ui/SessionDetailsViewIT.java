package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read-only session page shows what the viewer may see, and "not found" for anything else. */
@IntegrationTest
class SessionDetailsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private long sessionOf(long tutorId) {
        return jdbc.queryForObject("select min(id) from tutoring_sessions where tutor_id = ? and internal_note is not null",
                Long.class, tutorId);
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void an_admin_sees_rates_amounts_report_and_internal_note() {
        long id = sessionOf(demo.plainTutorId());
        signIn.as(demo.adminEmail());
        navigate("sessions/" + id, SessionDetailsView.class);
        String note = jdbc.queryForObject("select internal_note from tutoring_sessions where id = ?", String.class, id);
        assertThat(text()).contains("Client rate").contains("Client amount").contains("Tutor earnings")
                .contains("Internal note — never sent to the client").contains(note);
    }

    @Test
    void a_plain_tutor_sees_their_session_without_client_rate_or_amount() {
        long id = sessionOf(demo.plainTutorId());
        signIn.as(demo.plainTutorEmail());
        navigate("sessions/" + id, SessionDetailsView.class);
        assertThat(text()).doesNotContain("Client rate").doesNotContain("Client amount").contains("Tutor earnings");
    }

    @Test
    void a_tutor_opening_another_tutors_session_sees_the_same_not_found_as_for_a_missing_id() {
        long other = sessionOf(demo.enhancedTutorId());
        signIn.as(demo.plainTutorEmail());
        navigate("sessions/" + other, com.vaadin.flow.component.Component.class);
        String otherTutor = text();
        navigate("sessions/" + Long.MAX_VALUE / 2, com.vaadin.flow.component.Component.class);
        String missing = text();
        assertThat(otherTutor).contains("Not found").isEqualTo(missing);
    }
}
