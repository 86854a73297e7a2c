package com.tutordesk.mail.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.mail.EmailAttachment;
import com.tutordesk.mail.HtmlEmail;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.MailReference;
import com.tutordesk.mail.MailState;
import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.mail.OutgoingEmail;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.dialog.Dialog;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class OutboxViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    DemoAccounts demo;
    String to;
    long failedId;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        to = TestData.unique("parent") + "@example.org";
        // A message that failed for good while the mail server was down.
        TestMailServer.stop();
        failedId = new TransactionTemplate(transactionManager).execute(status -> outbox.enqueue(
                OutgoingEmail.of(new MailReference("INVOICE", 77), to, "Invoice INV-000077",
                        HtmlEmail.titled("Invoice INV-000077").paragraph("Please find your invoice attached.").build())
                        .withAttachments(new EmailAttachment("INV-000077.pdf", "application/pdf", new byte[2048]))));
        jdbc.update("update mail_messages set state = 'FAILED', attempts = 10, last_error = 'Connection refused'"
                + " where id = ?", failedId);
        TestMailServer.start();
    }

    @AfterEach
    void tearDown() {
        TestMailServer.start();
        clock.reset();
        signIn.out();
    }

    private int rowOf(OutboxView view, long id) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("Email " + id + " is not in the grid"));
    }

    @Test
    void an_admin_sees_failed_emails_with_the_reason_and_retries_one() throws InterruptedException {
        signIn.as(demo.adminEmail());
        OutboxView view = navigate(OutboxView.class);
        test(view.stateFilter).selectItem("Failed");
        assertThat(view.grid.getDataProvider().size(new com.vaadin.flow.data.provider.Query<>())).isPositive();

        int row = rowOf(view, failedId);
        var grid = test(view.grid);
        assertThat(grid.getRow(row).state()).isEqualTo(MailState.FAILED);
        assertThat(grid.getCellText(row, grid.getColumnPosition("to"))).isEqualTo(to);
        assertThat(grid.getCellText(row, grid.getColumnPosition("subject"))).isEqualTo("Invoice INV-000077");
        assertThat(grid.getCellText(row, grid.getColumnPosition("related"))).isEqualTo("Invoice #77");
        assertThat(grid.getCellText(row, grid.getColumnPosition("attempts"))).isEqualTo("10");
        assertThat(grid.getCellComponent(row, "state").getElement().getTextRecursively())
                .contains("Failed", "Gave up after 10 attempts: Connection refused");
        IntStream.range(0, grid.size()).forEach(i -> assertThat(grid.getRow(i).state()).isEqualTo(MailState.FAILED));

        grid.clickRow(row);
        Dialog details = $(Dialog.class).single();
        assertThat(details.getHeaderTitle()).isEqualTo("Invoice INV-000077");
        assertThat(textOf(details)).contains("INV-000077.pdf (application/pdf, 2.0 KB)", to,
                "Please find your invoice attached.");
        assertThat(view.retry.isVisible()).isTrue();
        assertThat(view.html.getElement().getAttribute("sandbox")).as("HTML shown with scripts off").isEmpty();
        assertThat(view.html.getSrcdoc()).get().asString().contains("Please find your invoice attached.");

        test(view.retry).click();

        OutboxMessage retried = outbox.latestFor(new MailReference("INVOICE", 77)).orElseThrow();
        assertThat(retried.id()).isEqualTo(failedId);
        assertThat(retried.state()).isIn(MailState.PENDING, MailState.SENDING, MailState.SENT);
        assertThat(view.retry.isVisible()).as("a pending email cannot be retried again").isFalse();

        // The admin's node sends it at once, with no delivery pass (whichever node runs that job).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outbox.latestFor(new MailReference("INVOICE", 77)).orElseThrow().state() != MailState.SENT
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(outbox.latestFor(new MailReference("INVOICE", 77)).orElseThrow().state()).isEqualTo(MailState.SENT);
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
    }

    @Test
    void a_retry_that_is_due_already_is_never_shown_with_a_past_time() {
        jdbc.update("update mail_messages set state = 'RETRYING', attempts = 2, next_attempt_at = ? where id = ?",
                java.time.LocalDateTime.ofInstant(TestClock.START.plusSeconds(60), java.time.ZoneOffset.UTC), failedId);
        signIn.as(demo.adminEmail());
        OutboxView view = navigate(OutboxView.class);
        test(view.stateFilter).selectItem("Retrying");
        var grid = test(view.grid);
        assertThat(grid.getCellComponent(rowOf(view, failedId), "state").getElement().getTextRecursively())
                .contains("will retry at ");

        // The time passes and no delivery pass has run yet (e.g. its node just died): "in a few seconds", not a past time.
        clock.advance(Duration.ofMinutes(5));
        view = navigate(OutboxView.class);
        test(view.stateFilter).selectItem("Retrying");
        assertThat(test(view.grid).getCellComponent(rowOf(view, failedId), "state").getElement().getTextRecursively())
                .contains("will retry in a few seconds").doesNotContain(" at ");
    }

    @Test
    void the_newest_email_comes_first_and_the_url_opens_one_email() {
        clock.advance(Duration.ofDays(3650));
        long newest = new TransactionTemplate(transactionManager).execute(status -> outbox.enqueue(
                OutgoingEmail.of(new MailReference("SESSION_REPORT", 5), TestData.unique("p") + "@example.org",
                        "Newest report", HtmlEmail.titled("Newest").paragraph("x").build())));
        signIn.as(demo.adminEmail());
        navigate(OutboxView.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("outbox",
                com.vaadin.flow.router.QueryParameters.of("message", String.valueOf(failedId)));
        OutboxView view = (OutboxView) getCurrentView();

        assertThat(test(view.grid).getRow(0).id()).isEqualTo(newest);
        assertThat($(Dialog.class).single().getHeaderTitle()).isEqualTo("Invoice INV-000077");
        delivery.deliverDue();
    }

    @Test
    void a_tutor_cannot_open_the_outbox() {
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> navigate(OutboxView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(getCurrentView()).isNotInstanceOf(OutboxView.class);
    }

    /** @return the text of a component and its children (a dialog's content lives in its children) */
    private static String textOf(com.vaadin.flow.component.Component component) {
        StringBuilder text = new StringBuilder(component.getElement().getTextRecursively());
        component.getChildren().forEach(child -> text.append(' ').append(child.getElement().getTextRecursively()));
        return text.toString();
    }
}
