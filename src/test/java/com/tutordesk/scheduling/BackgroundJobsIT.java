package com.tutordesk.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The db-scheduler wiring on MariaDB: jobs are registered at start-up, written in UTC, join the
 * caller's transaction, and (with scheduling disabled, as in all integration tests) run on demand at
 * the test clock.
 */
@IntegrationTest
class BackgroundJobsIT {

    static final TaskInstanceId MAIL_DELIVERY = TaskInstanceId.of("mail-outbox-delivery", "recurring");

    /** A job no bean declares: enough to schedule and read back rows, never executed here. */
    final OneTimeTask<Void> probe = Tasks.oneTime("test-probe").execute((instance, context) -> {
    });

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        // Leave the delivery job due at the normal start time for whoever runs due jobs next.
        jobs.client().reschedule(MAIL_DELIVERY, TestClock.START);
    }

    @Test
    void recurring_jobs_are_registered_at_start_up_and_scheduling_threads_are_off_in_tests() {
        assertThat(jobs.runsByItself()).isFalse();
        assertThat(jobs.isRunning()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'mail-outbox-delivery'"
                + " and task_instance = 'recurring'", Integer.class)).isOne();
    }

    @Test
    void a_one_time_job_scheduled_in_a_transaction_exists_only_if_that_transaction_commits() {
        String rolledBack = TestData.unique("rolled-back");
        String committed = TestData.unique("committed");
        Instant when = Instant.parse("2027-03-14T13:30:00.123456Z");

        tx.executeWithoutResult(status -> {
            jobs.client().schedule(probe.instance(rolledBack), when);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> jobs.client().schedule(probe.instance(committed), when));

        assertThat(jobs.client().getScheduledExecution(TaskInstanceId.of("test-probe", rolledBack))).isEmpty();
        assertThat(jobs.client().getScheduledExecution(TaskInstanceId.of("test-probe", committed))).get()
                .satisfies(execution -> assertThat(execution.getExecutionTime()).isEqualTo(when));
        // Stored as UTC wall time (alwaysPersistTimestampInUTC), whatever the JVM's zone (tests run in Auckland).
        assertThat(jdbc.queryForObject("select execution_time from scheduled_tasks where task_name = 'test-probe'"
                + " and task_instance = ?", LocalDateTime.class, committed))
                .isEqualTo(LocalDateTime.parse("2027-03-14T13:30:00.123456"));
        jobs.client().cancel(TaskInstanceId.of("test-probe", committed));
    }

    @Test
    void due_jobs_run_on_demand_at_the_test_clock_and_the_outbox_job_delivers_mail() {
        String to = TestData.unique("parent") + "@example.org";
        MailReference reference = new MailReference("SESSION_REPORT", 987_654_321L);
        long id = tx.execute(status -> outbox.enqueue(OutgoingEmail.of(reference, to, "Report",
                HtmlEmail.titled("Report").paragraph("Hello").build())));
        // Make the delivery job due a little later than now, then move the clock past it.
        jobs.client().reschedule(MAIL_DELIVERY, clock.instant().plus(Duration.ofMinutes(1)));

        jobs.runDueNow();
        assertThat(TestMailServer.receivedBy(to)).as("not due yet").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        jobs.runDueNow();

        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        assertThat(outbox.messagesFor(reference)).singleElement().satisfies(message -> {
            assertThat(message.id()).isEqualTo(id);
            assertThat(message.state()).isEqualTo(MailState.SENT);
        });
        assertThat(jobs.client().getScheduledExecution(MAIL_DELIVERY)).get()
                .satisfies(next -> assertThat(next.getExecutionTime()).isEqualTo(clock.instant().plusSeconds(5)));
    }
}
