package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.TutordeskApplication;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.MariaDbInitializer;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import com.tutordesk.testing.TestMailServerInitializer;
import com.tutordesk.testing.TestSupportConfiguration;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rating, report and note, and "Save and Send report" end to end: through the outbox to a real SMTP
 * server (GreenMail), with the server down, and across a restart of the application.
 */
@IntegrationTest
class SessionReportServiceIT {

    /** Tuesday 2026-11-24, 4:30 PM in New York: the day before the test clock's "now". */
    static final Instant YESTERDAY_4_30_PM = Instant.parse("2026-11-24T21:30:00Z");
    static final String NOTE = "Parent seemed stressed about fees — INTERNAL-ONLY-7f3a";

    @Autowired
    SessionReportService reports;

    @Autowired
    SessionViewService views;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    MailOutbox outbox;

    @Autowired
    SettingsService settings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    SessionWorld world;

    @BeforeEach
    void setUp() {
        TestMailServer.start();
        world = new SessionWorld(data, jdbc, false);
    }

    @AfterEach
    void tearDown() {
        TestMailServer.start();
        clock.reset();
        signIn.out();
    }

    private long seen(long sessionId) {
        return views.page(sessionId).version();
    }

    @Test
    void save_and_send_delivers_one_email_to_the_billing_contact_naming_student_tutor_subject_and_date_without_the_internal_note()
            throws Exception {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        String report = "Worked on <b>fractions</b> & ratios. <script>alert('x')</script>\nNext week: decimals.";

        String happened = reports.saveAndSend(id, seen(id), new SessionNotes(5, report, NOTE));

        // Issue 12: what happened, not "sent" before it was.
        assertThat(happened).isEqualTo("queued for " + world.parentEmail);
        assertThat(outbox.messagesFor(SessionReportService.mailReference(id))).singleElement()
                .satisfies(message -> assertThat(message.state()).isEqualTo(MailState.PENDING));
        assertThat(TestMailServer.receivedBy(world.parentEmail)).as("sent only after the commit, by the job").isEmpty();

        delivery.deliverDue();
        delivery.deliverDue();

        List<MimeMessage> received = TestMailServer.receivedBy(world.parentEmail);
        assertThat(received).hasSize(1);
        Mail mail = Mail.of(received.getFirst());
        BusinessProfile profile = settings.profile();
        assertThat(mail.fromName()).isEqualTo(profile.emailSenderName());
        assertThat(mail.subject()).contains(world.studentName, world.subjectName, "Nov 24, 2026");
        assertThat(mail.text()).contains("Dear " + world.parentName, world.studentName, world.tutorName,
                world.subjectName, "Nov 24, 2026", "4:30\u202fPM", "★★★★★ (5 of 5)",
                "Worked on <b>fractions</b> & ratios. <script>alert('x')</script>", "Next week: decimals.");
        assertThat(mail.html()).contains(world.studentName, world.tutorName, world.subjectName, "Nov 24, 2026",
                "Worked on &lt;b&gt;fractions&lt;/b&gt; &amp; ratios. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>")
                .doesNotContain("<script>", "<b>fractions");
        assertThat(mail.text() + mail.html() + mail.subject()).doesNotContain("INTERNAL-ONLY-7f3a", "stressed");

        SessionPage page = views.page(id);
        assertThat(page.delivery().state()).isEqualTo(MailState.SENT);
        assertThat(page.delivery().recipient()).isEqualTo(world.parentEmail);
        assertThat(page.reportSentTo()).isEqualTo(world.parentEmail);
        assertThat(page.reportSentAt()).isEqualTo(TestClock.START);
        assertThat(page.details().reportState()).isEqualTo(ReportState.SENT);
        assertThat(page.details().rating()).isEqualTo(5);
        assertThat(page.details().internalNote()).isEqualTo(NOTE);
        assertThat(page.history()).extracting(SessionHistoryLine::action)
                .containsExactly("Report email", "Internal note saved", "Report saved", "Rating changed");
        assertThat(page.history().getFirst().details()).isEqualTo("queued for " + world.parentEmail);
        assertThat(page.history().getFirst().who()).isEqualTo("Tutor " + world.tutorId);
    }

    @Test
    void with_the_mail_server_down_the_report_waits_in_the_outbox_and_is_delivered_once_it_is_back() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        TestMailServer.stop();

        reports.saveAndSend(id, seen(id), new SessionNotes(4, "Good progress on quadratics.", null));
        delivery.deliverDue();

        ReportDelivery waiting = views.page(id).delivery();
        assertThat(waiting.state()).isEqualTo(MailState.RETRYING);
        assertThat(waiting.inFlight()).isTrue();
        assertThat(waiting.reason()).startsWith("Not sent yet: Mail server unreachable").endsWith("will retry");

        TestMailServer.start();
        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        delivery.deliverDue();

        assertThat(TestMailServer.receivedBy(world.parentEmail)).hasSize(1);
        ReportDelivery sent = views.page(id).delivery();
        assertThat(sent.state()).isEqualTo(MailState.SENT);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_crash_between_commit_and_send_still_delivers_exactly_once_after_the_application_restarts() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        reports.saveAndSend(id, seen(id), new SessionNotes(null, "Sent just before the crash.", null));
        signIn.out();
        // The process "crashes" here: committed, never delivered. The application starts again on the
        // same database and mail server, with its own beans and nothing in memory from before.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TutordeskApplication.class,
                TestSupportConfiguration.class)
                .profiles("mysql", "it")
                .initializers(new MariaDbInitializer(), new TestMailServerInitializer())
                // The real application serves web requests (Vaadin needs a servlet context); any free port.
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0")) {
            restarted.getBean(TestClock.class).set(clock.instant());
            restarted.getBean(OutboxDelivery.class).deliverDue();
            restarted.getBean(OutboxDelivery.class).deliverDue();
        }
        // The old node, had it survived, finds nothing left to send.
        delivery.deliverDue();

        assertThat(TestMailServer.receivedBy(world.parentEmail)).hasSize(1);
        signIn.as(world.tutorEmail);
        assertThat(views.page(id).delivery().state()).isEqualTo(MailState.SENT);
    }

    @Test
    void a_report_can_be_sent_again_every_send_is_recorded_and_editing_after_sending_marks_it() throws Exception {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.adminEmail);
        reports.saveAndSend(id, seen(id), new SessionNotes(3, "First version.", null));
        delivery.deliverDue();

        reports.save(id, seen(id), new SessionNotes(3, "First version, corrected.", null));
        SessionPage edited = views.page(id);
        assertThat(edited.reportEditedAfterSend()).isTrue();
        assertThat(edited.history().getFirst().details()).isEqualTo("Edited after sending");

        clock.advance(Duration.ofHours(1));
        reports.saveAndSend(id, seen(id), new SessionNotes(3, "First version, corrected.", null));
        delivery.deliverDue();

        SessionPage resent = views.page(id);
        assertThat(resent.reportEditedAfterSend()).isFalse();
        assertThat(resent.reportSentAt()).isEqualTo(clock.instant());
        assertThat(resent.history()).filteredOn(line -> line.action().equals("Report email")).hasSize(2);
        assertThat(outbox.messagesFor(SessionReportService.mailReference(id))).hasSize(2);
        List<MimeMessage> received = TestMailServer.receivedBy(world.parentEmail);
        assertThat(received).hasSize(2);
        assertThat(Mail.of(received.get(1)).text()).contains("First version, corrected.");
    }

    @Test
    void a_report_being_typed_is_kept_as_the_typists_draft_until_the_report_is_saved() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        long otherTutorsSession = world.otherTutorsSession(YESTERDAY_4_30_PM, 60);
        signIn.as(world.tutorEmail);
        long version = views.page(id).version();
        int historyLines = views.page(id).history().size();

        java.time.Instant savedAt = reports.saveDraft(id, "Ana worked on fractions");
        clock.advance(java.time.Duration.ofSeconds(3));
        reports.saveDraft(id, "Ana worked on fractions and ratios");

        assertThat(savedAt).isEqualTo(TestClock.START);
        assertThat(reports.draft(id)).get().isEqualTo(new ReportDraft("Ana worked on fractions and ratios",
                TestClock.START.plusSeconds(3)));
        assertThat(views.page(id).version()).as("a draft changes nothing of the session").isEqualTo(version);
        assertThat(views.page(id).details().report()).isNull();
        assertThat(views.page(id).history()).hasSize(historyLines);
        assertThatThrownBy(() -> reports.saveDraft(otherTutorsSession, "not mine"))
                .isInstanceOf(com.tutordesk.shared.NotFoundException.class);
        signIn.as(world.adminEmail);
        assertThat(reports.draft(id)).as("each person's own draft").isEmpty();

        signIn.as(world.tutorEmail);
        reports.save(id, version, new SessionNotes(null, "Ana worked on fractions and ratios.", null));
        assertThat(reports.draft(id)).as("saving the report removes the draft").isEmpty();
        assertThat(views.page(id).details().report()).isEqualTo("Ana worked on fractions and ratios.");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_saved() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        long version = seen(id);

        for (int rating : new int[] {0, 6, -1}) {
            assertThatThrownBy(() -> reports.save(id, version, new SessionNotes(rating, "Fine.", null)))
                    .isInstanceOf(InvalidFieldException.class).hasMessage("Rating must be 1 to 5 stars, or none")
                    .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("rating");
        }
        String tooLong = "x".repeat(TutoringSession.REPORT_MAX_LENGTH + 1);
        assertThatThrownBy(() -> reports.saveAndSend(id, version, new SessionNotes(5, tooLong, null)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("Session report must be at most 10000 characters");
        assertThatThrownBy(() -> reports.save(id, version, new SessionNotes(5, "ok",
                "n".repeat(TutoringSession.INTERNAL_NOTE_MAX_LENGTH + 1))))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("Internal note must be at most");
        assertThatThrownBy(() -> reports.saveAndSend(id, version, new SessionNotes(5, "   \n ", null)))
                .isInstanceOf(InvalidFieldException.class).hasMessage("Write the session report before sending it");

        assertThat(world.column(id, "rating")).isNull();
        assertThat(world.column(id, "report")).isNull();
        assertThat(world.column(id, "report_sent_at")).isNull();
        assertThat(outbox.messagesFor(SessionReportService.mailReference(id))).isEmpty();

        // Exactly at the limit is accepted.
        reports.save(id, version, new SessionNotes(5, "y".repeat(TutoringSession.REPORT_MAX_LENGTH), null));
        assertThat((String) world.column(id, "report")).hasSize(TutoringSession.REPORT_MAX_LENGTH);
    }

    @Test
    void blank_report_and_note_are_stored_as_null_and_a_rating_can_be_cleared() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.tutorEmail);
        reports.save(id, seen(id), new SessionNotes(4, "  Report  ", " Note "));
        assertThat(world.column(id, "report")).isEqualTo("Report");
        assertThat(world.column(id, "internal_note")).isEqualTo("Note");

        reports.save(id, seen(id), new SessionNotes(null, " \n\t ", ""));

        assertThat(world.column(id, "rating")).isNull();
        assertThat(world.column(id, "report")).isNull();
        assertThat(world.column(id, "internal_note")).isNull();
        assertThat(views.page(id).details().reportState()).isEqualTo(ReportState.NONE);
    }

    @Test
    void an_upcoming_session_cannot_be_rated_or_reported_and_a_cancelled_one_has_no_report_to_send() {
        long upcoming = world.session(TestClock.START.plus(Duration.ofDays(2)), 60, "SCHEDULED");
        long cancelled = world.session(YESTERDAY_4_30_PM, 60, "CANCELLED");
        signIn.as(world.tutorEmail);

        assertThatThrownBy(() -> reports.save(upcoming, seen(upcoming), new SessionNotes(5, null, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessage("Only a session that has taken place can be rated");
        assertThatThrownBy(() -> reports.saveAndSend(upcoming, seen(upcoming), new SessionNotes(null, "Plan", null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("has not taken place yet");
        assertThatThrownBy(() -> reports.saveAndSend(cancelled, seen(cancelled), new SessionNotes(null, "x", null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("cancelled in time");
        // A plan for an upcoming session can be written and saved; it is sent afterwards.
        reports.save(upcoming, seen(upcoming), new SessionNotes(null, "Plan: chapter 4", "bring the workbook"));
        assertThat(world.column(upcoming, "report")).isEqualTo("Plan: chapter 4");
        assertThat(views.page(upcoming).actions().maySendReport()).isFalse();
        assertThat(views.page(upcoming).actions().mayRate()).isFalse();
        assertThat(outbox.messagesFor(SessionReportService.mailReference(upcoming))).isEmpty();
    }

    @Test
    void a_second_save_based_on_an_older_page_is_refused_naming_who_changed_it_and_nothing_of_the_first_is_lost() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        signIn.as(world.adminEmail);
        long adminsPage = seen(id);
        signIn.as(world.tutorEmail);
        long tutorsPage = seen(id);

        reports.save(id, tutorsPage, new SessionNotes(4, "Tutor's report", "Tutor's note"));

        signIn.as(world.adminEmail);
        assertThatThrownBy(() -> reports.save(id, adminsPage, new SessionNotes(2, "Admin's report", null)))
                .isInstanceOf(SessionChangedException.class)
                .hasMessage("This session was changed by Tutor " + world.tutorId + " at "
                        + settings.profile().formatDateTime(TestClock.START) + " — reload to see the changes.");
        assertThatThrownBy(() -> reports.saveAndSend(id, adminsPage, new SessionNotes(2, "Admin's report", null)))
                .isInstanceOf(SessionChangedException.class);
        assertThat(world.column(id, "rating")).isEqualTo(4);
        assertThat(world.column(id, "report")).isEqualTo("Tutor's report");
        assertThat(world.column(id, "internal_note")).isEqualTo("Tutor's note");
        assertThat(outbox.messagesFor(SessionReportService.mailReference(id))).isEmpty();

        // After reloading, the admin's change goes through on top of the tutor's.
        reports.save(id, seen(id), new SessionNotes(4, "Tutor's report", "Tutor's note; admin agrees"));
        assertThat(world.column(id, "internal_note")).isEqualTo("Tutor's note; admin agrees");
    }

    @Test
    void a_session_that_turns_completed_while_its_page_is_open_can_still_be_saved() {
        Instant start = TestClock.START.plus(Duration.ofMinutes(30));
        long id = world.session(start, 60, "SCHEDULED");
        signIn.as(world.tutorEmail);
        long page = seen(id);

        clock.set(start.plus(Duration.ofMinutes(75)));
        jdbc.update("update tutoring_sessions set status = 'COMPLETED', version = version + 1 where id = ?", id);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);

        reports.save(id, page, new SessionNotes(5, "Written right after the session.", null));
        assertThat(world.column(id, "rating")).isEqualTo(5);
    }

    /** A received email taken apart: sender name, subject, text and HTML parts. */
    record Mail(String fromName, String subject, String text, String html) {

        static Mail of(MimeMessage message) throws Exception {
            String[] parts = new String[2];
            walk(message, parts);
            return new Mail(((InternetAddress) message.getFrom()[0]).getPersonal(), message.getSubject(), parts[0],
                    parts[1]);
        }

        private static void walk(Part part, String[] parts) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, parts);
                }
            } else if (part.isMimeType("text/plain") && parts[0] == null) {
                parts[0] = (String) part.getContent();
            } else if (part.isMimeType("text/html") && parts[1] == null) {
                parts[1] = (String) part.getContent();
            }
        }
    }
}
