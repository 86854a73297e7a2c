package com.tutordesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NodeIdentity;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MailOutboxIT {

    static final byte[] PDF = "%PDF-1.4\n% a tiny stand-in for an invoice PDF\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** Over 64 KB (beyond a MySQL BLOB) with bare line feeds, which must arrive unchanged. */
    static final byte[] CSV = "date,student,amount\n2026-11-02,Łucja,45.00\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    MailMessageRepository messages;

    @Autowired
    MailAttachmentRepository attachments;

    @Autowired
    OutboxProperties properties;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Autowired
    SettingsService settings;

    @Autowired
    TestClock clock;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    TransactionTemplate tx;
    DemoAccounts demo;
    BusinessProfile original;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactionManager);
        demo = DemoAccounts.read(jdbc);
        original = settings.profile();
        TestMailServer.start();
    }

    @AfterEach
    void tearDown() {
        TestMailServer.start();
        clock.reset();
        signIn.as(demo.adminEmail());
        settings.update(original);
        signIn.out();
    }

    private static String recipient() {
        return TestData.unique("parent") + "@example.org";
    }

    private static MailReference reference() {
        return new MailReference("SESSION_REPORT", Math.abs(TestData.unique("r").hashCode()));
    }

    private long enqueueCommitted(OutgoingEmail email) {
        return tx.execute(status -> outbox.enqueue(email));
    }

    private OutboxMessage message(long id) {
        return tx.execute(status -> messages.findRow(id).toMessage());
    }

    private static OutgoingEmail simple(MailReference reference, String to) {
        return OutgoingEmail.of(reference, to, "Session report", HtmlEmail.titled("Session report").paragraph("Hi").build());
    }

    @Test
    void a_message_enqueued_in_a_committed_transaction_is_delivered_exactly_once_with_everything_intact() {
        signIn.as(demo.adminEmail());
        settings.update(new BusinessProfile(original.name(), original.zone(), original.currency(), original.locale(),
                original.lateCancellation(), original.tutorsEnhancedAccess(), "Maple Grove Tutoring – Office",
                original.address()));
        signIn.out();
        String to = recipient();
        MailReference reference = new MailReference("INVOICE", 4242);
        EmailBody body = HtmlEmail.titled("Invoice INV-000042 for Łucja Kowalska")
                .paragraph("Dear parent,")
                .text("Report says <script>alert('x')</script>\nSecond line")
                .build();
        long id = enqueueCommitted(new OutgoingEmail(reference, List.of(to), "Invoice INV-000042 – Łucja",
                body.text(), body.html(), List.of(new EmailAttachment("INV-000042.pdf", "application/pdf", PDF),
                        new EmailAttachment("lines.csv", "text/csv", CSV))));

        assertThat(message(id).state()).isEqualTo(MailState.PENDING);
        assertThat(TestMailServer.receivedBy(to)).isEmpty();

        OutboxDelivery.Pass pass = delivery.deliverDue();
        delivery.deliverDue();

        assertThat(pass.sent()).isGreaterThanOrEqualTo(1);
        var received = TestMailServer.receivedBy(to);
        assertThat(received).hasSize(1);
        ReceivedMail mail = ReceivedMail.of(received.getFirst());
        assertThat(mail.subject()).isEqualTo("Invoice INV-000042 – Łucja");
        assertThat(mail.fromName()).isEqualTo("Maple Grove Tutoring – Office");
        assertThat(mail.fromAddress()).isEqualTo(properties.from());
        assertThat(mail.to()).containsExactly(to);
        assertThat(mail.text()).contains("Invoice INV-000042 for Łucja Kowalska", "Report says <script>alert('x')</script>",
                "Second line");
        assertThat(mail.html()).contains("Report says &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>")
                .doesNotContain("<script>");
        assertThat(mail.attachments()).containsOnlyKeys("INV-000042.pdf", "lines.csv");
        assertThat(mail.attachments().get("INV-000042.pdf")).isEqualTo(PDF);
        assertThat(mail.attachments().get("lines.csv")).isEqualTo(CSV);
        assertThat(mail.attachmentTypes().get("INV-000042.pdf")).startsWith("application/pdf");
        assertThat(mail.messageId()).startsWith("<tutordesk-outbox-" + id + "-");

        OutboxMessage sent = message(id);
        assertThat(sent.state()).isEqualTo(MailState.SENT);
        assertThat(sent.sentAt()).isEqualTo(TestClock.START);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(outbox.messagesFor(reference)).extracting(OutboxMessage::id).contains(id);
        assertThat(outbox.latestFor(reference)).get().satisfies(latest -> {
            assertThat(latest.recipients()).containsExactly(to);
            assertThat(latest.state()).isEqualTo(MailState.SENT);
            assertThat(latest.reason()).isEmpty();
        });
    }

    @Test
    void a_message_enqueued_in_a_rolled_back_transaction_is_never_sent() {
        String to = recipient();
        MailReference reference = reference();
        tx.executeWithoutResult(status -> {
            outbox.enqueue(simple(reference, to));
            status.setRollbackOnly();
        });

        delivery.deliverDue();

        assertThat(outbox.messagesFor(reference)).isEmpty();
        assertThat(TestMailServer.receivedBy(to)).isEmpty();
    }

    @Test
    void enqueueing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue(simple(reference(), recipient())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void with_the_mail_server_down_a_message_retries_with_back_off_and_is_delivered_once_it_is_back() {
        String to = recipient();
        TestMailServer.stop();
        long id = enqueueCommitted(simple(reference(), to));

        delivery.deliverDue();
        OutboxMessage first = message(id);
        assertThat(first.state()).isEqualTo(MailState.RETRYING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(1)));
        assertThat(first.lastError()).startsWith("Mail server unreachable: ").contains("Connection refused");
        assertThat(first.reason()).startsWith("Not sent yet: Mail server unreachable").endsWith("will retry");

        delivery.deliverDue();
        assertThat(message(id).attempts()).as("not due again before its back-off").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        OutboxMessage second = message(id);
        assertThat(second.state()).isEqualTo(MailState.RETRYING);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        TestMailServer.start();
        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).as("still backing off").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        OutboxMessage sent = message(id);
        assertThat(sent.state()).isEqualTo(MailState.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void an_admin_discards_a_retrying_email_and_it_is_never_sent_while_a_sent_one_cannot_be_discarded() {
        String to = recipient();
        TestMailServer.stop();
        long id = enqueueCommitted(simple(reference(), to));
        delivery.deliverDue();
        assertThat(message(id).state()).isEqualTo(MailState.RETRYING);

        signIn.as(demo.adminEmail());
        OutboxMessage discarded = outbox.discard(id);
        assertThat(discarded.state()).isEqualTo(MailState.WITHDRAWN);
        assertThat(discarded.reason()).startsWith("discarded by ");
        assertThatThrownBy(() -> outbox.retryNow(id)).isInstanceOf(RuleViolationException.class);

        TestMailServer.start();
        clock.advance(Duration.ofHours(2));
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).isEmpty();
        assertThat(message(id).state()).isEqualTo(MailState.WITHDRAWN);

        long sent = enqueueCommitted(simple(reference(), recipient()));
        delivery.deliverDue();
        assertThat(message(sent).state()).isEqualTo(MailState.SENT);
        assertThatThrownBy(() -> outbox.discard(sent)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("only an email not sent yet");
    }

    @Test
    void emails_about_a_record_still_waiting_are_withdrawn_with_the_reason_and_a_sent_one_stays_sent() {
        MailReference reference = reference();
        long sent = enqueueCommitted(simple(reference, recipient()));
        delivery.deliverDue();
        String to = recipient();
        TestMailServer.stop();
        long waiting = enqueueCommitted(simple(reference, to));
        delivery.deliverDue();

        int withdrawn = tx.execute(status -> outbox.withdrawUnsent(reference, "withdrawn: invoice cancelled"));

        assertThat(withdrawn).isEqualTo(1);
        assertThat(message(waiting).state()).isEqualTo(MailState.WITHDRAWN);
        assertThat(message(waiting).reason()).isEqualTo("withdrawn: invoice cancelled");
        assertThat(message(sent).state()).isEqualTo(MailState.SENT);
        TestMailServer.start();
        clock.advance(Duration.ofHours(2));
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).isEmpty();
    }

    @Test
    void after_the_last_attempt_a_message_fails_and_an_admins_retry_sends_it_at_once_without_the_delivery_job() {
        String to = recipient();
        TestMailServer.stop();
        long id = enqueueCommitted(simple(reference(), to));
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            delivery.deliverDue();
            clock.advance(properties.retryDelay(attempt));
        }
        OutboxMessage failed = message(id);
        assertThat(failed.state()).isEqualTo(MailState.FAILED);
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.reason()).startsWith("Gave up after " + properties.maxAttempts() + " attempts: ");

        clock.advance(Duration.ofDays(30));
        TestMailServer.start();
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).as("a failed message waits for an admin").isEmpty();

        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> outbox.retryNow(id)).isInstanceOf(AccessDeniedException.class);
        signIn.as(demo.adminEmail());
        OutboxMessage retried = outbox.retryNow(id);
        assertThat(retried.state()).isEqualTo(MailState.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThatThrownBy(() -> outbox.retryNow(id)).isInstanceOf(com.tutordesk.shared.RuleViolationException.class)
                .hasMessageContaining("only held, retrying or failed");
        signIn.out();

        // No delivery pass runs here (as when the node running the job has died): the admin's node sends it.
        awaitState(id, MailState.SENT);
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
    }

    @Test
    void a_claim_that_its_live_pass_keeps_refreshing_is_not_taken_over() {
        String to = recipient();
        long id = enqueueCommitted(simple(reference(), to));
        tx.executeWithoutResult(status -> assertThat(messages.claim(id, "slow-node", clock.instant())).isOne());
        Duration step = properties.claimTimeout().multipliedBy(4).dividedBy(5);

        for (int beat = 0; beat < 3; beat++) {
            clock.advance(step);
            tx.executeWithoutResult(status -> assertThat(messages.refreshClaim(id, "slow-node", clock.instant())).isOne());
            delivery.deliverDue();
        }
        assertThat(TestMailServer.receivedBy(to)).as("the slow node still owns it").isEmpty();
        assertThat(message(id).state()).isEqualTo(MailState.SENDING);

        clock.advance(properties.claimTimeout().plusSeconds(1));
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        assertThat(message(id).state()).isEqualTo(MailState.SENT);
    }

    private void awaitState(long id, MailState expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (message(id).state() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(message(id).state()).isEqualTo(expected);
    }

    @Test
    void a_pending_message_left_by_a_previous_run_is_delivered_exactly_once_by_a_fresh_delivery_pass() {
        String to = recipient();
        long id = enqueueCommitted(simple(reference(), to));
        // The process that committed it "crashed" before its delivery pass ran: a new node starts.
        OutboxDelivery restarted = new OutboxDelivery(messages, mailSender, properties, clock,
                transactionManager, new NodeIdentity("restarted-node", "00000000"));

        restarted.deliverDue();
        delivery.deliverDue();
        restarted.deliverDue();

        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        assertThat(message(id).state()).isEqualTo(MailState.SENT);
    }

    @Test
    void a_message_whose_pass_died_while_sending_is_sent_again_only_after_the_claim_timeout() {
        String to = recipient();
        long id = enqueueCommitted(simple(reference(), to));
        // A pass claimed it and the node died before the mail server answered.
        tx.executeWithoutResult(status -> assertThat(messages.claim(id, "dead-node/1", clock.instant())).isOne());

        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).as("another pass owns it").isEmpty();
        assertThat(message(id).state()).isEqualTo(MailState.SENDING);

        clock.advance(properties.claimTimeout().plusSeconds(1));
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        assertThat(message(id).state()).isEqualTo(MailState.SENT);
    }

    @Test
    void two_overlapping_delivery_passes_send_each_message_once() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String to = recipient();
            recipients.add(to);
            enqueueCommitted(simple(reference(), to));
        }
        OutboxDelivery otherNode = new OutboxDelivery(messages, mailSender, properties, clock,
                transactionManager, new NodeIdentity("other-node", "00000000"));
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<OutboxDelivery.Pass> a = CompletableFuture.supplyAsync(() -> {
            await(together);
            return delivery.deliverDue();
        });
        CompletableFuture<OutboxDelivery.Pass> b = CompletableFuture.supplyAsync(() -> {
            await(together);
            return otherNode.deliverDue();
        });
        a.get();
        b.get();

        for (String to : recipients) {
            assertThat(TestMailServer.receivedBy(to)).as(to).hasSize(1);
        }
    }

    @Test
    void a_pass_asked_to_stop_leaves_the_rest_pending_for_the_next_one() {
        String to = recipient();
        long id = enqueueCommitted(simple(reference(), to));

        delivery.deliverDue(() -> true);
        assertThat(message(id).state()).isEqualTo(MailState.PENDING);

        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
    }

    @Test
    void without_a_mail_server_messages_are_held_and_sent_once_one_is_configured() {
        ObjectProvider<JavaMailSender> none = new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class);
        OutboxDelivery unconfigured = new OutboxDelivery(messages, none, properties, clock, transactionManager,
                new NodeIdentity("unconfigured-node", "00000000"));
        String to = recipient();
        long pending = enqueueCommitted(simple(reference(), to));

        OutboxDelivery.Pass pass = unconfigured.deliverDue();

        assertThat(pass.held()).isGreaterThanOrEqualTo(1);
        OutboxMessage held = message(pending);
        assertThat(held.state()).isEqualTo(MailState.HELD);
        assertThat(held.reason()).isEqualTo("held: no mail server configured");
        assertThat(held.attempts()).isZero();
        assertThat(TestMailServer.receivedBy(to)).isEmpty();

        // Enqueued while no server is configured: held from the start.
        MailOutbox unconfiguredOutbox = new MailOutbox(messages, attachments, settings, null, unconfigured, null, clock);
        String other = recipient();
        long heldAtOnce = tx.execute(status -> unconfiguredOutbox.enqueue(simple(reference(), other)));
        assertThat(message(heldAtOnce).state()).isEqualTo(MailState.HELD);
        assertThat(message(heldAtOnce).lastError()).isEqualTo(OutboxMessage.HELD_NO_MAIL_SERVER);

        // The application restarts with spring.mail.host set: the next pass sends both.
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(to)).hasSize(1);
        assertThat(TestMailServer.receivedBy(other)).hasSize(1);
        assertThat(message(pending).state()).isEqualTo(MailState.SENT);
        assertThat(message(heldAtOnce).state()).isEqualTo(MailState.SENT);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_saved() {
        MailReference reference = reference();
        EmailBody body = new EmailBody("text", null);
        record Case(OutgoingEmail email, String message) {
        }
        List<Case> cases = List.of(
                new Case(new OutgoingEmail(reference, List.of("not-an-address"), "S", "t", null, null),
                        "Recipient \"not-an-address\" is not a valid email address"),
                new Case(new OutgoingEmail(reference, List.of("Ann <ann@example.org>"), "S", "t", null, null),
                        "is not a valid email address"),
                new Case(new OutgoingEmail(reference, List.of("a@example.org, b@example.org"), "S", "t", null, null),
                        "is not a valid email address"),
                new Case(new OutgoingEmail(reference, List.of(), "S", "t", null, null), "Recipient is required"),
                new Case(OutgoingEmail.of(reference, "a@example.org", "Line\r\nBcc: x@example.org", body),
                        "Subject must be a single line"),
                new Case(OutgoingEmail.of(reference, "a@example.org", " ", body), "Subject is required"),
                new Case(OutgoingEmail.of(reference, "a@example.org", "x".repeat(256), body),
                        "Subject must be at most 255 characters"),
                new Case(new OutgoingEmail(reference, List.of("a@example.org"), "S", " ", null, null),
                        "Text body is required"),
                new Case(OutgoingEmail.of(reference, "a@example.org", "S", body)
                        .withAttachments(new EmailAttachment("../etc/passwd", "text/plain", new byte[1])),
                        "Attachment file name must not contain a path"),
                new Case(OutgoingEmail.of(reference, "a@example.org", "S", body)
                        .withAttachments(new EmailAttachment("a.pdf", "pdf", new byte[1])),
                        "Attachment content type must be a MIME type"));
        for (Case c : cases) {
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> outbox.enqueue(c.email())))
                    .as(c.message()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.message());
        }
        assertThat(outbox.messagesFor(reference)).isEmpty();
        assertThatThrownBy(() -> new MailReference("session report", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_admins_may_list_the_outbox() {
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> outbox.list(null, org.springframework.data.domain.PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outbox.count(null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outbox.details(1)).isInstanceOf(AccessDeniedException.class);
        signIn.out();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
