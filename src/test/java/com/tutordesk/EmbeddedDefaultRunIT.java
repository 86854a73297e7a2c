package com.tutordesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.security.LoginPageHints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile as `./mvnw spring-boot:run` starts it, on an in-memory H2 instead of the
 * ./data file: migrations apply on H2, Hibernate validates the schema, the demo business loads and
 * the demo logins are offered to the login page.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:embedded-run;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "tutordesk.scheduling.enabled=false"})
class EmbeddedDefaultRunIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<LoginPageHints> hints;

    @Autowired
    com.tutordesk.mail.MailOutbox outbox;

    @Autowired
    com.tutordesk.scheduling.BackgroundJobs jobs;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void every_migration_applies_on_h2_and_the_schema_validates() {
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where not \"success\"",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" order by \"installed_rank\"",
                String.class)).contains("1", "2");
    }

    @Test
    void the_demo_business_is_loaded_and_its_logins_are_shown() {
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions", Integer.class)).isBetween(2_700, 3_300);
        assertThat(hints).hasSize(1);
        assertThat(hints.getFirst().demoLogins()).extracting(LoginPageHints.DemoLogin::role)
                .containsExactly("Admin", "Tutor with Enhanced Access", "Tutor");
    }

    @Test
    void without_a_mail_server_email_is_held_and_background_jobs_run_on_h2() {
        var reference = new com.tutordesk.mail.MailReference("SESSION_REPORT", 1);
        var email = com.tutordesk.mail.OutgoingEmail.of(reference, "parent@example.org", "Session report",
                com.tutordesk.mail.HtmlEmail.titled("Session report").text("<b>Great</b> session").build())
                .withAttachments(new com.tutordesk.mail.EmailAttachment("notes.pdf", "application/pdf", new byte[100_000]));
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> outbox.enqueue(email));

        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'mail-outbox-delivery'",
                Integer.class)).isOne();
        jobs.runDueNow();

        assertThat(outbox.messagesFor(reference)).singleElement().satisfies(message -> {
            assertThat(message.state()).isEqualTo(com.tutordesk.mail.MailState.HELD);
            assertThat(message.reason()).isEqualTo("held: no mail server configured");
        });
    }
}
