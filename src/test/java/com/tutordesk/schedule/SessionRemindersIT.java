package com.tutordesk.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.mail.OutboxMessageDetails;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reminder emails on MariaDB through the real db-scheduler job: once per session across two
 * scheduler instances, after a restart, for a moved session, for a cancelled one; never with amounts.
 */
@IntegrationTest
class SessionRemindersIT {

    static final TaskInstanceId REMINDER_JOB = TaskInstanceId.of("session-reminders", "recurring");

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    SessionReminders reminders;

    @Autowired
    ReminderSettingsService reminderSettings;

    @Autowired
    SessionEditingService editing;

    @Autowired
    MailOutbox outbox;

    @Autowired
    @Qualifier("sessionRemindersTask")
    RecurringTask<Void> reminderTask;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    long engagement;
    String parentEmail;
    String studentEmail;
    String studentName;

    @BeforeEach
    void fixture() {
        clock.reset();
        long tutor = data.tutor(TestData.unique("Reminder Tutor"));
        long client = data.client(TestData.unique("Reminder family"));
        parentEmail = jdbc.queryForObject("select billing_contact_email from clients where id = ?", String.class, client);
        studentName = TestData.unique("Zoë");
        long student = data.student(client, studentName);
        studentEmail = TestData.unique("student") + "@example.org";
        jdbc.update("update students set email = ? where id = ?", studentEmail, student);
        engagement = data.engagement(tutor, student, data.subject(), 7000, 3500);
        // Whatever earlier tests did: everything due so far is reminded, so only this test's sessions are new.
        reminders.sendDue();
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
        jobs.client().reschedule(REMINDER_JOB, TestClock.START);
    }

    private long scheduled(Duration fromNow) {
        long id = data.session(engagement, clock.instant().plus(fromNow), 60, "SCHEDULED");
        data.updateSession(id, "location = ?", "Room 4");
        return id;
    }

    private List<OutboxMessage> notices(long sessionId) {
        return outbox.messagesFor(new MailReference(SessionReminders.MAIL_TYPE, sessionId));
    }

    /** A second node: its own db-scheduler on the same database, with the same job. */
    private ManualScheduler secondNode() {
        SettableClock nodeClock = new SettableClock();
        nodeClock.set(clock.instant());
        var builder = TestHelper.createManualScheduler(dataSource, List.of(reminderTask)).clock(nodeClock);
        builder.alwaysPersistTimestampInUTC();
        return builder.build();
    }

    @Test
    void two_scheduler_instances_on_one_database_send_each_reminder_once() throws Exception {
        long session = scheduled(Duration.ofHours(10));
        jobs.client().reschedule(REMINDER_JOB, clock.instant());
        ManualScheduler second = secondNode();
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            await(together);
            jobs.runDueNow();
        });
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            await(together);
            second.runAnyDueExecutions();
        });
        CompletableFuture.allOf(first, other).get();

        assertThat(notices(session)).singleElement().satisfies(message -> {
            assertThat(message.subject()).startsWith("Reminder: " + studentName);
            assertThat(message.recipients()).containsExactly(parentEmail, studentEmail);
        });
    }

    @Test
    void two_passes_racing_on_the_same_sessions_record_each_notice_once() throws Exception {
        List<Long> sessions = List.of(scheduled(Duration.ofHours(3)), scheduled(Duration.ofHours(4)),
                scheduled(Duration.ofHours(5)));
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> {
            await(together);
            return reminders.sendDue();
        });
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> {
            await(together);
            return reminders.sendDue();
        });

        assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(sessions.size());
        for (long session : sessions) {
            assertThat(notices(session)).hasSize(1);
        }
    }

    @Test
    void after_a_restart_the_job_catches_up_without_reminding_sessions_that_already_started() {
        long startedDuringDowntime = scheduled(Duration.ofHours(2));
        long tomorrow = scheduled(Duration.ofHours(20));
        long later = scheduled(Duration.ofHours(30));

        // The node is down for three hours; a new one starts and its first pass catches up.
        clock.advance(Duration.ofHours(3));
        secondNode().runAnyDueExecutions();

        assertThat(notices(startedDuringDowntime)).isEmpty();
        assertThat(notices(tomorrow)).hasSize(1);
        assertThat(notices(later)).as("27 hours ahead: not yet").isEmpty();

        clock.advance(Duration.ofHours(4));
        jobs.runDueNow();
        assertThat(notices(later)).hasSize(1);
        assertThat(notices(tomorrow)).as("once per session").hasSize(1);
    }

    @Test
    void a_session_moved_after_its_reminder_gets_a_new_one_naming_the_new_time() {
        long session = scheduled(Duration.ofHours(6));
        reminders.sendDue();
        assertThat(notices(session)).hasSize(1);

        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        editing.reschedule(session, editing.editForm(session).version(), LocalDate.parse("2026-12-02"),
                LocalTime.of(17, 30));
        signIn.out();
        reminders.sendDue();
        reminders.sendDue();

        List<OutboxMessage> sent = notices(session);
        assertThat(sent).hasSize(2);
        OutboxMessage moved = sent.getFirst();
        assertThat(moved.subject()).startsWith("Moved: " + studentName).contains("Wed, Dec 2, 5:30");
        assertThat(body(moved)).contains("has moved to Wed, Dec 2, 5:30").contains("(America/New_York)");
    }

    @Test
    void a_cancelled_session_gets_a_cancellation_notice_only_if_it_was_reminded() {
        long reminded = scheduled(Duration.ofHours(6));
        long notYet = scheduled(Duration.ofDays(3));
        reminders.sendDue();
        data.updateSession(reminded, "status = 'CANCELLED', client_amount_minor = 0, tutor_earnings_minor = 0");
        data.updateSession(notYet, "status = 'CANCELLED', client_amount_minor = 0, tutor_earnings_minor = 0");

        reminders.sendDue();
        clock.advance(Duration.ofDays(3).minusHours(1));
        reminders.sendDue();

        assertThat(notices(reminded)).hasSize(2).first()
                .satisfies(notice -> assertThat(notice.subject()).startsWith("Cancelled: " + studentName));
        assertThat(notices(notYet)).isEmpty();
    }

    @Test
    void the_email_names_the_session_and_never_its_amounts_and_reminders_can_be_switched_off() {
        long session = scheduled(Duration.ofHours(23));
        data.updateSession(session, "internal_note = ?", "Secret: owes money");
        reminders.sendDue();

        String text = body(notices(session).getFirst());
        assertThat(text).contains(studentName).contains("Reminder Tutor").contains("Room 4").contains("1 h")
                .contains("(America/New_York)").doesNotContain("$").doesNotContain("Secret");

        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        ReminderSettings before = reminderSettings.current();
        reminderSettings.update(false, 24, before.version());
        try {
            long quiet = scheduled(Duration.ofHours(2));
            reminders.sendDue();
            assertThat(notices(quiet)).isEmpty();
        } finally {
            reminderSettings.update(true, before.hoursBefore(), reminderSettings.current().version());
            signIn.out();
        }
    }

    private String body(OutboxMessage message) {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        try {
            OutboxMessageDetails details = outbox.details(message.id());
            return details.textBody();
        } finally {
            signIn.out();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
