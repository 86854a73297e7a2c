package com.tutordesk.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.session.SessionNotes;
import com.tutordesk.session.SessionReportService;
import com.tutordesk.session.SessionViewService;
import com.tutordesk.session.SessionWorld;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.Money;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.dom.Element;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The session page per role: its fields, buttons, report email state, history and changes. */
@IntegrationTest
class SessionDetailsViewIT extends SpringBrowserlessTest {

    /** Tuesday 2026-11-24, 4:30 PM in New York. */
    static final Instant YESTERDAY_4_30_PM = Instant.parse("2026-11-24T21:30:00Z");

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    SessionReportService reports;

    @Autowired
    SessionViewService views;

    @Autowired
    SettingsService settings;

    @Autowired
    TestClock clock;

    @Autowired
    com.tutordesk.billing.InvoiceIssuingService issuing;

    @Autowired
    com.tutordesk.billing.InvoiceSettlementService settlement;

    DemoAccounts demo;
    SessionWorld world;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        world = new SessionWorld(data, jdbc, false);
        TestMailServer.start();
    }

    @AfterEach
    void tearDown() {
        TestMailServer.start();
        delivery.deliverDue();
        clock.reset();
        signIn.out();
    }

    private SessionDetailsView open(String login, long sessionId) {
        signIn.as(login);
        return navigate("sessions/" + sessionId, SessionDetailsView.class);
    }

    /** @return the value shown for a label in the details, or {@code null} when the label is not shown */
    private static String fact(SessionDetailsView view, String label) {
        return view.facts.getChildren().filter(c -> label.equals(c.getElement().getAttribute("data-field")))
                .map(c -> ((Span) c).getText()).findFirst().orElse(null);
    }

    private static List<String> historyLines(SessionDetailsView view) {
        return view.history.getChildren().map(c -> c.getElement().getTextRecursively()).toList();
    }

    private String money(long minor) {
        return settings.profile().formatMoney(minor);
    }

    // ---- fields per role ----

    @Test
    void an_admin_sees_every_field_with_rates_amounts_earnings_and_the_internal_note_and_may_edit_delete_and_invoice() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        data.updateSession(id, "location = ?, internal_note = ?, rating = 4, report = ?", "Library", "Pays late",
                "Worked on fractions.");
        SessionDetailsView view = open(world.adminEmail, id);

        assertThat(view.heading.getText()).isEqualTo(world.studentName + " — " + world.subjectName);
        assertThat(fact(view, "Date")).isEqualTo("Nov 24, 2026");
        assertThat(fact(view, "Time")).isEqualTo("4:30\u202fPM – 5:30\u202fPM (America/New_York)");
        assertThat(fact(view, "Duration")).isEqualTo("1 h");
        assertThat(fact(view, "Tutor")).isEqualTo(world.tutorName);
        assertThat(fact(view, "Student")).isEqualTo(world.studentName);
        assertThat(fact(view, "Subject")).isEqualTo(world.subjectName);
        assertThat(fact(view, "Location")).isEqualTo("Library");
        assertThat(fact(view, "Status")).isEqualTo("Completed");
        assertThat(fact(view, "Billing")).isEqualTo("Unbilled");
        assertThat(fact(view, "Client rate")).isEqualTo(money(6000) + " per hour");
        assertThat(fact(view, "Client amount")).isEqualTo(money(6000));
        assertThat(fact(view, "Tutor wage")).isEqualTo(money(4000) + " per hour");
        assertThat(fact(view, "Tutor earnings")).isEqualTo(money(4000));
        assertThat(view.rating.getValue()).isEqualTo(4);
        assertThat(view.report.getValue()).isEqualTo("Worked on fractions.");
        assertThat(view.internalNote.getValue()).isEqualTo("Pays late");
        assertThat(view.internalNote.getLabel()).isEqualTo("Internal note — never sent to the client");
        assertThat(view.editSession.isEnabled()).isTrue();
        assertThat(view.lateCancel.isVisible()).isTrue();
        assertThat(view.undoLateCancel.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isTrue();
        assertThat(view.sendInvoice.isVisible()).isTrue();
        assertThat(view.sendInvoice.getHref()).isEqualTo("invoices/new?client=" + world.clientId + "&session=" + id);
        assertThat(view.saveAndSend.isEnabled()).isTrue();
    }

    @Test
    void a_session_completed_before_its_package_was_paid_offers_apply_package_and_then_shows_both_parts() {
        long id = world.session(YESTERDAY_4_30_PM, 75, "COMPLETED");
        signIn.as(world.adminEmail);
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 25);
        long invoice = issuing.create(new com.tutordesk.billing.NewInvoice(world.clientId, List.of(), List.of(),
                today.plusDays(14), com.tutordesk.billing.NewInvoice.Delivery.SEND_NOW, null,
                List.of(new com.tutordesk.billing.NewInvoice.PackageLine(world.engagementId, 60, 6000, null))));
        settlement.markPaid(invoice, new com.tutordesk.billing.ManualPayment(com.tutordesk.billing.PaymentMethod.CASH,
                today, null));
        SessionDetailsView view = open(world.adminEmail, id);
        assertThat(fact(view, "Billing")).isEqualTo("Unbilled");
        assertThat(view.applyPackage.isVisible()).isTrue();

        test(view.applyPackage).click();

        assertThat(fact(view, "Billing")).isEqualTo("Prepaid 1 h + unbilled 15 min");
        assertThat(view.applyPackage.isVisible()).isFalse();
        assertThat(historyLines(view)).anySatisfy(line -> assertThat(line).contains("Package applied: 1 h covered"));
    }

    @Test
    void a_plain_tutor_sees_their_session_without_client_rate_or_amount_and_may_delete_it_while_unbilled() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);

        assertThat(fact(view, "Client rate")).isNull();
        assertThat(fact(view, "Client amount")).isNull();
        assertThat(fact(view, "Tutor earnings")).isEqualTo(money(4000));
        assertThat(view.getElement().getTextRecursively()).doesNotContain(money(6000));
        assertThat(view.delete.isVisible()).isTrue();
        assertThat(view.editSession.isEnabled()).isTrue();
        assertThat(view.sendInvoice.isVisible()).as("plain tutors do not invoice").isFalse();
        assertThat(view.rating.isEnabled()).isTrue();
    }

    @Test
    void an_enhanced_access_tutor_sees_the_client_amounts_of_their_own_session() {
        SessionWorld enhanced = new SessionWorld(data, jdbc, true);
        long id = enhanced.session(YESTERDAY_4_30_PM, 45, "COMPLETED");
        SessionDetailsView view = open(enhanced.tutorEmail, id);

        assertThat(fact(view, "Client amount")).isEqualTo(money(Money.forMinutes(6000, 45)));
        assertThat(fact(view, "Tutor earnings")).isEqualTo(money(3000));
        assertThat(fact(view, "Duration")).isEqualTo("45 min");
        assertThat(view.sendInvoice.isVisible()).isTrue();
    }

    @Test
    void an_invoiced_session_offers_only_its_location_to_edit_and_no_delete_and_says_why_but_the_report_can_be_written() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        data.updateSession(id, "billing_state = 'INVOICED'");
        SessionDetailsView view = open(world.adminEmail, id);

        assertThat(fact(view, "Billing")).isEqualTo("Invoiced");
        assertThat(view.delete.isVisible()).isFalse();
        assertThat(view.sendInvoice.isVisible()).isFalse();
        assertThat(view.actionNote.getText()).isEqualTo("Its date, time, duration, engagement and status cannot change"
                + " and it cannot be deleted: it is invoiced — cancel its invoice first. Its location, rating, report"
                + " and note can.");
        assertThat(view.saveAndSend.isEnabled()).isTrue();

        // Issue 12: the location is not money, so it may change.
        assertThat(view.editSession.isEnabled()).isTrue();
        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Edit location…");
        EditSessionDialog dialog = (EditSessionDialog) $(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(dialog.duration.isReadOnly()).isTrue();
        assertThat(dialog.date.isReadOnly()).isTrue();
        assertThat(dialog.location.isReadOnly()).isFalse();
        dialog.location.setValue("Room 9");
        test(dialog.save).click();
        assertThat(fact(view, "Location")).isEqualTo("Room 9");
        assertThat(fact(view, "Billing")).isEqualTo("Invoiced");
    }

    @Test
    void an_upcoming_session_cannot_be_rated_or_sent_yet_and_the_page_says_so() {
        long id = world.session(TestClock.START.plusSeconds(3 * 86_400), 60, "SCHEDULED");
        SessionDetailsView view = open(world.tutorEmail, id);

        assertThat(fact(view, "Status")).isEqualTo("Scheduled");
        assertThat(view.rating.isEnabled()).isFalse();
        assertThat(view.saveAndSend.isEnabled()).isFalse();
        assertThat(view.actionNote.getText()).contains("has not taken place yet");
    }

    @Test
    void a_time_that_happens_twice_on_the_night_clocks_go_back_shows_its_utc_offset() {
        // 1:30 AM on Nov 1, 2026 in New York happens twice; this session starts at the first one
        // (EDT) and ends an hour later at the second one (EST).
        long id = world.session(Instant.parse("2026-11-01T05:30:00Z"), 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);

        assertThat(fact(view, "Time")).isEqualTo("1:30\u202fAM (UTC-04:00) – 1:30\u202fAM (UTC-05:00) (America/New_York)");
        assertThat(fact(view, "Duration")).isEqualTo("1 h");
    }

    @Test
    void a_tutor_opening_another_tutors_session_sees_the_same_not_found_as_for_a_missing_id() {
        long other = world.otherTutorsSession(YESTERDAY_4_30_PM, 60);
        signIn.as(world.tutorEmail);
        navigate("sessions/" + other, Component.class);
        String otherTutor = getCurrentView().getElement().getTextRecursively();
        navigate("sessions/" + Long.MAX_VALUE / 2, Component.class);
        String missing = getCurrentView().getElement().getTextRecursively();
        assertThat(otherTutor).contains("Not found").isEqualTo(missing);
    }

    // ---- rating, report, note and the email ----

    @Test
    void save_and_send_shows_sending_then_sent_to_the_billing_contact_and_the_history_lists_it_newest_first() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);
        assertThat(view.reportState.getElement().getTextRecursively()).isEqualTo("No report yet.");

        test(view.rating.stars.get(4)).click();
        test(view.report).setValue("Worked on ratios.");
        assertThat(view.report.getHelperText()).startsWith("17 / 10,000 characters");
        test(view.save).click();
        assertThat(world.column(id, "rating")).isEqualTo(5);
        assertThat(view.reportState.getElement().getTextRecursively()).isEqualTo("Not sent to the client yet.");

        test(view.internalNote).setValue("Talk to the office about the schedule");
        test(view.saveAndSend).click();
        assertThat(view.reportState.getElement().getTextRecursively())
                .isEqualTo("Sending to " + world.parentEmail + "…");

        delivery.deliverDue();
        view.refreshReportState();
        assertThat(view.reportState.getElement().getTextRecursively()).isEqualTo("Sent to " + world.parentEmail
                + " at " + settings.profile().formatDateTime(TestClock.START));
        assertThat(TestMailServer.receivedBy(world.parentEmail)).hasSize(1);

        List<String> history = historyLines(view);
        assertThat(history).hasSize(4);
        assertThat(history.get(0)).contains("Report email", "by Tutor " + world.tutorId,
                "queued for " + world.parentEmail);
        assertThat(history.get(1)).contains("Internal note saved");
        assertThat(history.get(2)).contains("Report saved");
        assertThat(history.get(3)).contains("Rating changed", "5 of 5");

        test(view.report).setValue("Worked on ratios and rates.");
        test(view.save).click();
        assertThat(view.reportState.getElement().getTextRecursively()).contains("Sent to " + world.parentEmail)
                .endsWith("Edited after sending");
    }

    @Test
    void with_the_mail_server_down_the_page_says_not_sent_yet_and_with_none_configured_it_says_held() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);
        TestMailServer.stop();
        test(view.report).setValue("Report while the server is down.");
        test(view.saveAndSend).click();
        delivery.deliverDue();
        view.refreshReportState();
        assertThat(view.reportState.getElement().getTextRecursively())
                .startsWith("Not sent yet: Mail server unreachable").endsWith("will retry");

        // What the delivery job does when no mail server is configured at all (MailOutboxIT):
        jdbc.update("update mail_messages set state = 'HELD', last_error = 'held: no mail server configured'"
                + " where ref_type = 'SESSION_REPORT' and ref_id = ?", id);
        view.refreshReportState();
        assertThat(view.reportState.getElement().getTextRecursively())
                .isEqualTo("Not sent yet to " + world.parentEmail + " — held: no mail server configured");
    }

    @Test
    void html_and_script_in_the_report_stay_plain_text_on_the_page() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);
        String report = "<script>alert('x')</script><b>bold</b> & <img src=x onerror=alert(1)>";
        test(view.report).setValue(report);
        test(view.save).click();

        SessionDetailsView reopened = navigate("sessions/" + id, SessionDetailsView.class);
        assertThat(reopened.report.getValue()).isEqualTo(report);
        assertThat(elements(reopened.getElement()).filter(e -> !e.isTextNode()).map(Element::getTag)).doesNotContain("script", "b", "img");
        assertThat(world.column(id, "report")).isEqualTo(report);
    }

    @Test
    void a_save_after_someone_else_changed_the_session_shows_who_and_reload_keeps_the_unsaved_text() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);
        test(view.report).setValue("The tutor's report");

        signIn.as(world.adminEmail);
        reports.save(id, views.page(id).version(), new SessionNotes(null, null, "The admin's note"));
        signIn.as(world.tutorEmail);

        test(view.save).click();
        assertThat(view.conflict.isVisible()).isTrue();
        assertThat(view.conflict.getElement().getTextRecursively()).contains("This session was changed by Test Admin at "
                + settings.profile().formatDateTime(TestClock.START) + " — reload to see the changes.");
        assertThat(world.column(id, "report")).isNull();

        test(view.conflict.getChildren().filter(c -> c instanceof com.vaadin.flow.component.button.Button)
                .map(c -> (com.vaadin.flow.component.button.Button) c).findFirst().orElseThrow()).click();
        assertThat(view.conflict.isVisible()).isFalse();
        assertThat(view.report.getValue()).isEqualTo("The tutor's report");
        assertThat(view.internalNote.getValue()).isEqualTo("The admin's note");

        test(view.save).click();
        assertThat(world.column(id, "report")).isEqualTo("The tutor's report");
        assertThat(world.column(id, "internal_note")).isEqualTo("The admin's note");
    }

    // ---- Edit Session, Late Cancellation, Delete ----

    @Test
    void an_admin_late_cancels_from_the_edit_session_menu_sees_the_amounts_first_and_then_on_the_page() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        BusinessProfile profile = settings.profile();
        int clientPercent = profile.lateCancellation().clientChargePercent();
        int tutorPercent = profile.lateCancellation().tutorPayPercent();
        SessionDetailsView view = open(world.adminEmail, id);

        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Late Cancellation…");
        ConfirmDialog dialog = $(ConfirmDialog.class).single();
        String text = elements(dialog.getElement()).map(Element::getText).reduce("", String::concat);
        long client = Money.forMinutes(6000, 60, clientPercent);
        long tutor = Money.forMinutes(4000, 60, tutorPercent);
        assertThat(text).contains("Client amount: " + money(6000) + " → " + money(client),
                "Tutor earnings: " + money(4000) + " → " + money(tutor));
        test(dialog).confirm();

        assertThat(fact(view, "Status")).isEqualTo("Late cancellation");
        assertThat(fact(view, "Client amount")).isEqualTo(money(client));
        assertThat(fact(view, "Tutor earnings")).isEqualTo(money(tutor));
        assertThat(view.undoLateCancel.isVisible()).isTrue();
        assertThat(historyLines(view).getFirst()).contains("Late cancellation", "by Test Admin");

        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Undo late cancellation");
        assertThat(fact(view, "Status")).isEqualTo("Completed");
        assertThat(fact(view, "Client amount")).isEqualTo(money(6000));
    }

    @Test
    void edit_session_changes_the_duration_and_the_page_shows_the_new_amounts() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.adminEmail, id);

        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Edit date, time, engagement…");
        EditSessionDialog dialog = (EditSessionDialog) $(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(dialog.engagement.getValue().id()).isEqualTo(world.engagementId);
        test(dialog.duration).setValue(90);
        assertThat(dialog.preview.getElement().getTextRecursively()).contains("client amount " + money(9000),
                "tutor earnings " + money(6000));
        test(dialog.save).click();

        assertThat(fact(view, "Duration")).isEqualTo("1 h 30 min");
        assertThat(fact(view, "Client amount")).isEqualTo(money(9000));
        assertThat(historyLines(view).getFirst()).contains("Edited", "Duration: 1 h → 1 h 30 min");
    }

    @Test
    void cancelling_inside_the_late_cancellation_window_says_so_and_offers_the_policy_or_waiving_the_fee() {
        // Tomorrow 9:00 AM in New York: 23 hours after the test clock (the demo window is 24 hours).
        long id = world.session(Instant.parse("2026-11-26T14:00:00Z"), 60, "SCHEDULED");
        SessionDetailsView view = open(world.adminEmail, id);
        new MenuBarTester<>(view.editMenu).clickItem("Edit Session", "Edit date, time, engagement…");
        EditSessionDialog dialog = (EditSessionDialog) $(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(dialog.lateWindow.isVisible()).isFalse();

        test(dialog.cancelled).click();
        assertThat(dialog.lateWindow.isVisible()).isTrue();
        assertThat(dialog.lateWindow.getElement().getTextRecursively()).contains("less than 24 hours")
                .contains("late cancellation");
        assertThat(dialog.lateChoice.getValue()).isEqualTo(com.tutordesk.session.Cancellation.LATE);
        assertThat(dialog.preview.getElement().getTextRecursively()).contains("late cancellation");

        dialog.lateChoice.setValue(com.tutordesk.session.Cancellation.FEE_WAIVED);
        test(dialog.save).click();
        assertThat(world.column(id, "status")).isEqualTo("CANCELLED");
        assertThat(historyLines(view).getFirst()).contains("late-cancellation fee waived");
    }

    @Test
    void a_report_over_10000_characters_is_kept_whole_and_the_field_says_so_instead_of_cutting_it() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);
        // Issue 12: the textarea had maxlength 10,000, so a longer pasted report was cut without a word.
        assertThat(view.report.getMaxLength()).isZero();
        String longReport = "Worked on fractions. ".repeat(500);
        test(view.report).setValue(longReport);
        assertThat(view.report.getValue()).hasSize(10_500);
        assertThat(view.report.isInvalid()).isTrue();
        assertThat(view.report.getErrorMessage()).isEqualTo("Session report must be at most 10,000 characters: this one"
                + " has 10,500. Shorten it to save.");
        assertThat(view.report.getHelperText()).contains("500 too many");
        test(view.save).click();
        assertThat(world.column(id, "report")).isNull();
        assertThat(view.report.isInvalid()).isTrue();
        test(view.report).setValue(longReport.substring(0, 9_000));
        assertThat(view.report.isInvalid()).isFalse();
    }

    @Test
    void a_tutor_deletes_their_unbilled_session_after_confirming() {
        long id = world.session(YESTERDAY_4_30_PM, 60, "COMPLETED");
        SessionDetailsView view = open(world.tutorEmail, id);

        test(view.delete).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions where id = ?", Long.class, id)).isZero();
        assertThat(getCurrentView()).isInstanceOf(SessionsView.class);
    }

    private static Stream<Element> elements(Element root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(SessionDetailsViewIT::elements));
    }
}
