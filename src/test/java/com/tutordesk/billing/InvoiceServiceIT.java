package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.tutordesk.mail.MailOutbox;
import com.tutordesk.mail.OutboxDelivery;
import com.tutordesk.mail.OutboxMessage;
import com.tutordesk.mail.ReceivedMail;
import com.tutordesk.scheduling.BackgroundJobs;
import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.EditSessionRequest;
import com.tutordesk.session.InvoiceLookup;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.tutordesk.testing.TestMailServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices on MariaDB: numbering, the one-invoice-per-session rule, cancel, payment, scheduled sends, PDF, email. */
@IntegrationTest
class InvoiceServiceIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final TaskInstanceId MAIL_DELIVERY = TaskInstanceId.of("mail-outbox-delivery", "recurring");

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceQueryService invoices;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    SessionEditingService editing;

    @Autowired
    MailOutbox outbox;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    InvoiceLookup lookup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    com.tutordesk.settings.SettingsService settings;

    DemoAccounts demo;
    BillingFixture family;
    /** Two real threads (the common pool has one on a two-core machine, which would serialise them). */
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = BillingFixture.create(jdbc, data, null);
        threads = Executors.newFixedThreadPool(2);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        signIn.out();
        clock.reset();
        jobs.client().reschedule(MAIL_DELIVERY, TestClock.START);
    }

    private static NewInvoice sendNow(long clientId, List<Long> sessions, NewInvoice.Adjustment... adjustments) {
        return new NewInvoice(clientId, sessions, List.of(adjustments), TODAY.plusDays(14), NewInvoice.Delivery.SEND_NOW,
                null);
    }

    private static long sequence(String number) {
        assertThat(number).matches("INV-\\d{6,}");
        return Long.parseLong(number.substring(4));
    }

    @Test
    void sending_an_invoice_numbers_it_copies_the_stored_amounts_and_marks_the_sessions_invoiced() {
        long student = family.student("Σοφία Παπαδοπούλου");
        long engagement = family.engagement(student, 4500);
        long a = family.session(engagement, clock.instant(), 10, 50);
        long b = family.session(engagement, clock.instant(), 3, 75);
        // A rate change after logging must not reach the invoice: the line copies the stored amount.
        jdbc.update("update tutoring_sessions set client_amount_minor = 3751 where id = ?", a);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);

        long id = issuing.create(sendNow(family.clientId, List.of(a, b), new NewInvoice.Adjustment("Sibling discount", -1000)));

        InvoiceDetails invoice = invoices.details(id);
        assertThat(invoice.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OUTSTANDING);
        assertThat(invoice.issueDate()).isEqualTo(TODAY);
        assertThat(invoice.dueDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(invoice.lines()).extracting(InvoiceDetails.Line::amountMinor).containsExactly(3751L, 5625L);
        assertThat(invoice.linesTotalMinor()).isEqualTo(3751 + 5625);
        assertThat(invoice.totalMinor()).isEqualTo(3751 + 5625 - 1000);
        assertThat(family.billingState(a)).isEqualTo("INVOICED");
        assertThat(family.billingState(b)).isEqualTo("INVOICED");
        assertThat(lookup.invoiceOf(a)).get().satisfies(on -> {
            assertThat(on.invoiceId()).isEqualTo(id);
            assertThat(on.number()).isEqualTo(invoice.number());
            assertThat(on.paid()).isFalse();
        });
        assertThat(lookup.openInvoiceNumberFor(b)).contains(invoice.number());
        assertThat(invoice.emails()).singleElement().satisfies(email -> {
            assertThat(email.recipients()).containsExactly(family.clientEmail);
            assertThat(email.subject()).startsWith("Invoice " + invoice.number());
        });
        long issued = jdbc.queryForObject("select count(*) from invoices where number is not null", Long.class);
        assertThat(sequence(invoice.number())).as("numbers have no gaps").isEqualTo(issued);
    }

    @Test
    void two_admins_issuing_in_the_same_second_get_two_consecutive_numbers() throws Exception {
        BillingFixture other = BillingFixture.create(jdbc, data, null);
        long first = family.sessions(1, 6000, clock.instant()).getFirst();
        long second = other.sessions(1, 6000, clock.instant()).getFirst();
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> issueAfter(together, family.clientId, first),
                threads);
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> issueAfter(together, other.clientId, second),
                threads);
        long idA = a.get(60, TimeUnit.SECONDS);
        long idB = b.get(60, TimeUnit.SECONDS);

        String numberA = jdbc.queryForObject("select number from invoices where id = ?", String.class, idA);
        String numberB = jdbc.queryForObject("select number from invoices where id = ?", String.class, idB);
        assertThat(numberA).isNotEqualTo(numberB);
        assertThat(Math.abs(sequence(numberA) - sequence(numberB))).isOne();
        long issued = jdbc.queryForObject("select count(*) from invoices where number is not null", Long.class);
        assertThat(Math.max(sequence(numberA), sequence(numberB))).isEqualTo(issued);
        assertThat(jdbc.queryForObject("select last_number from invoice_counters", Long.class)).isEqualTo(issued);
    }

    private long issueAfter(CyclicBarrier barrier, long clientId, long session) {
        signIn.as(demo.adminEmail());
        try {
            barrier.await(30, TimeUnit.SECONDS);
            return issuing.create(sendNow(clientId, List.of(session)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            signIn.out();
        }
    }

    @Test
    void the_database_keeps_a_session_on_at_most_one_invoice_that_is_not_cancelled() throws Exception {
        List<Long> sessions = family.sessions(2, 5000, clock.instant());
        long draft = issuing.create(new NewInvoice(family.clientId, sessions, null, TODAY.plusDays(14),
                NewInvoice.Delivery.DRAFT, null));
        long lineInvoice = jdbc.queryForObject("select invoice_id from invoice_lines where active_session_id = ?",
                Long.class, sessions.getFirst());
        assertThat(lineInvoice).isEqualTo(draft);

        // Whatever code writes it, the database refuses a second live line for the session…
        assertThatThrownBy(() -> jdbc.update("insert into invoice_lines (invoice_id, position, session_id,"
                + " active_session_id, session_starts_at, student_name, subject_name, tutor_id, tutor_name,"
                + " duration_minutes, late_cancelled, rate_minor, amount_minor)"
                + " select invoice_id, 99, session_id, active_session_id, session_starts_at, student_name, subject_name,"
                + " tutor_id, tutor_name, duration_minutes, late_cancelled, rate_minor, amount_minor from invoice_lines"
                + " where active_session_id = ?", sessions.getFirst()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_invoice_lines_active_session");
        // …and the service says so plainly.
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, List.of(sessions.getLast()))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already on another invoice");

        // Two people putting the same session on two invoices at once: exactly one succeeds.
        settlement.deleteDraft(draft);
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Object>> attempts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                signIn.as(demo.adminEmail());
                try {
                    together.await(30, TimeUnit.SECONDS);
                    return issuing.create(new NewInvoice(family.clientId, sessions, null, TODAY.plusDays(14),
                            NewInvoice.Delivery.DRAFT, null));
                } catch (RuleViolationException e) {
                    return e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    signIn.out();
                }
            }, threads));
        }
        List<Object> outcomes = new ArrayList<>();
        for (CompletableFuture<Object> attempt : attempts) {
            outcomes.add(attempt.get(60, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(RuleViolationException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Exception) e).getMessage()).contains("another invoice"));
        assertThat(jdbc.queryForObject("select count(*) from invoice_lines where active_session_id in (?, ?)",
                Long.class, sessions.get(0), sessions.get(1))).isEqualTo(2);
    }

    @Test
    void cancelling_frees_the_sessions_for_another_invoice_and_the_cancelled_one_never_changes_again() {
        List<Long> sessions = family.sessions(3, 5500, clock.instant());
        long id = issuing.create(sendNow(family.clientId, sessions));

        assertThat(settlement.cancel(id)).isEqualTo(3);

        InvoiceDetails cancelled = invoices.details(id);
        assertThat(cancelled.state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(cancelled.number()).as("its number stays taken").isNotNull();
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("UNBILLED"));
        assertThat(lookup.invoiceOf(sessions.getFirst())).isEmpty();
        assertThat(invoices.candidates(family.clientId).sessions()).extracting(s -> s.id())
                .containsExactlyElementsOf(sessions);
        assertThatThrownBy(() -> settlement.cancel(id)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> settlement.markPaid(id, new ManualPayment(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> issuing.resend(id)).isInstanceOf(RuleViolationException.class);

        long again = issuing.create(sendNow(family.clientId, sessions));
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("INVOICED"));
        assertThat(lookup.invoiceOf(sessions.getFirst())).get().extracting(InvoiceLookup.SessionInvoice::invoiceId)
                .isEqualTo(again);
    }

    @Test
    void marking_as_paid_records_the_payment_and_marks_the_invoice_and_its_sessions_paid() {
        List<Long> sessions = family.sessions(2, 7225, clock.instant());
        long id = issuing.create(sendNow(family.clientId, sessions));

        assertThatThrownBy(() -> settlement.markPaid(id, new ManualPayment(PaymentMethod.CHEQUE, TODAY.plusDays(1), "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Payment date must not be in the future");
        assertThatThrownBy(() -> settlement.markPaid(id, new ManualPayment(null, TODAY, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Payment method is required");
        settlement.markPaid(id, new ManualPayment(PaymentMethod.CHEQUE, TODAY, "Cheque 004512"));

        InvoiceDetails paid = invoices.details(id);
        assertThat(paid.state()).isEqualTo(InvoiceState.PAID);
        assertThat(paid.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.method()).isEqualTo(PaymentMethod.CHEQUE);
            assertThat(payment.amountMinor()).isEqualTo(2L * 7225);
            assertThat(payment.paidOn()).isEqualTo(TODAY);
            assertThat(payment.reference()).isEqualTo("Cheque 004512");
        });
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("PAID"));
        assertThat(lookup.invoiceOf(sessions.getFirst())).get().extracting(InvoiceLookup.SessionInvoice::paid)
                .isEqualTo(true);
        assertThatThrownBy(() -> settlement.markPaid(id, new ManualPayment(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("is paid");
        assertThatThrownBy(() -> settlement.cancel(id)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("first undo its payment");
    }

    @Test
    void an_admin_undoes_a_manual_payment_with_a_reason_and_may_then_cancel_the_invoice() {
        List<Long> sessions = family.sessions(2, 6000, clock.instant());
        long id = issuing.create(sendNow(family.clientId, sessions));
        settlement.markPaid(id, new ManualPayment(PaymentMethod.CASH, TODAY, "Typo: it was the other family"));
        InvoiceDetails paid = invoices.details(id);
        assertThat(paid.allowed().cancel()).isFalse();
        assertThat(paid.cancelBlockedReason()).contains("first undo its payment of $120.00");
        InvoiceDetails.Payment payment = paid.payments().getFirst();
        assertThat(payment.mayUndo()).isTrue();

        assertThatThrownBy(() -> settlement.undoPayment(id, payment.id(), "  "))
                .isInstanceOf(com.tutordesk.shared.InvalidFieldException.class).hasMessage("Reason is required");
        settlement.undoPayment(id, payment.id(), "Recorded on the wrong invoice");

        InvoiceDetails open = invoices.details(id);
        assertThat(open.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(open.payments()).singleElement().satisfies(undone -> {
            assertThat(undone.undone()).isTrue();
            assertThat(undone.undoReason()).isEqualTo("Recorded on the wrong invoice");
            assertThat(undone.mayUndo()).isFalse();
        });
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("INVOICED"));
        assertThatThrownBy(() -> settlement.undoPayment(id, payment.id(), "again"))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already undone");

        assertThat(settlement.cancel(id)).isEqualTo(2);
        assertThat(invoices.details(id).state()).isEqualTo(InvoiceState.CANCELLED);
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("UNBILLED"));

        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> settlement.undoPayment(id, payment.id(), "x"))
                .isInstanceOf(com.tutordesk.shared.NotFoundException.class);
    }

    @Test
    void an_invoice_email_still_waiting_is_withdrawn_when_the_invoice_is_cancelled_or_paid_and_never_sent() {
        long cancelled = issuing.create(sendNow(family.clientId, family.sessions(1, 6000, clock.instant())));
        long paid = issuing.create(sendNow(family.clientId, family.sessions(1, 6000, clock.instant())));
        assertThat(outbox.messagesFor(InvoiceEmail.reference(cancelled))).extracting(OutboxMessage::state)
                .containsExactly(com.tutordesk.mail.MailState.PENDING);

        settlement.cancel(cancelled);
        settlement.markPaid(paid, new ManualPayment(PaymentMethod.BANK_TRANSFER, TODAY, "TR-1"));
        delivery.deliverDue();

        assertThat(outbox.messagesFor(InvoiceEmail.reference(cancelled))).singleElement().satisfies(email -> {
            assertThat(email.state()).isEqualTo(com.tutordesk.mail.MailState.WITHDRAWN);
            assertThat(email.reason()).isEqualTo("withdrawn: invoice cancelled");
        });
        assertThat(outbox.messagesFor(InvoiceEmail.reference(paid))).singleElement()
                .extracting(OutboxMessage::reason).isEqualTo("withdrawn: invoice paid");
        assertThat(TestMailServer.receivedBy(family.clientEmail)).as("no stale payment request").isEmpty();

        // A copy sent after the payment is about the paid invoice: it goes out.
        assertThat(issuing.resend(paid)).isEqualTo("queued for " + family.clientEmail);
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(family.clientEmail)).hasSize(1);
    }

    @Test
    void invoice_emails_use_the_email_sender_name_in_subject_and_signature() throws IOException {
        var before = settings.profile();
        settings.update(new com.tutordesk.settings.BusinessProfile(before.name(), before.zone(), before.currency(),
                before.locale(), before.lateCancellation(), before.tutorsEnhancedAccess(), "Maple Grove Billing Office",
                before.address()));
        try {
            long id = issuing.create(sendNow(family.clientId, family.sessions(1, 6000, clock.instant())));
            delivery.deliverDue();
            ReceivedMail mail = ReceivedMail.of(TestMailServer.receivedBy(family.clientEmail).getFirst());
            assertThat(mail.subject()).isEqualTo("Invoice " + invoices.details(id).number()
                    + " from Maple Grove Billing Office");
            assertThat(mail.fromName()).isEqualTo("Maple Grove Billing Office");
            assertThat(mail.text()).contains("Sent by Maple Grove Billing Office").doesNotContain("Sent by " + before.name());
        } finally {
            settings.update(before);
        }
    }

    @Test
    void a_scheduled_invoice_is_issued_and_emailed_once_at_the_send_hour_of_its_day() {
        List<Long> sessions = family.sessions(2, 6000, clock.instant());
        LocalDate sendOn = TODAY.plusDays(6); // Tue Dec 1
        assertThatThrownBy(() -> issuing.create(new NewInvoice(family.clientId, sessions, null, sendOn.minusDays(1),
                NewInvoice.Delivery.SCHEDULE, sendOn)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Due date must not be before the send date");

        long id = issuing.create(new NewInvoice(family.clientId, sessions, null, sendOn.plusDays(14),
                NewInvoice.Delivery.SCHEDULE, sendOn));
        InvoiceDetails scheduled = invoices.details(id);
        assertThat(scheduled.state()).isEqualTo(InvoiceState.DRAFT);
        assertThat(scheduled.sendOn()).isEqualTo(sendOn);
        assertThat(scheduled.number()).isNull();
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("UNBILLED"));
        Instant nineAm = LocalDateTime.of(sendOn, java.time.LocalTime.of(9, 0)).atZone(NEW_YORK).toInstant();
        assertThat(jobs.client().getScheduledExecution(TaskInstanceId.of("invoice-scheduled-send", String.valueOf(id))))
                .get().satisfies(e -> assertThat(e.getExecutionTime()).isEqualTo(nineAm));

        clock.set(nineAm.minusSeconds(60));
        jobs.runDueNow();
        assertThat(invoices.details(id).state()).as("not before 9:00 on the day").isEqualTo(InvoiceState.DRAFT);

        clock.set(nineAm);
        jobs.runDueNow();
        jobs.runDueNow();
        InvoiceDetails sent = invoices.details(id);
        assertThat(sent.state()).isEqualTo(InvoiceState.OPEN);
        assertThat(sent.issueDate()).isEqualTo(sendOn);
        assertThat(sent.number()).isNotNull();
        assertThat(sessions).allSatisfy(s -> assertThat(family.billingState(s)).isEqualTo("INVOICED"));
        delivery.deliverDue();
        clock.advance(Duration.ofDays(1));
        jobs.runDueNow();
        delivery.deliverDue();
        assertThat(outbox.messagesFor(InvoiceEmail.reference(id))).hasSize(1);
        assertThat(TestMailServer.receivedBy(family.clientEmail)).hasSize(1);
    }

    @Test
    void the_pdf_shows_business_bill_to_lines_adjustments_total_and_how_to_pay_and_never_the_internal_note()
            throws IOException {
        long sofia = family.student("Σοφία Παπαδοπούλου");
        long lei = family.student("李雷");
        long lucja = family.student("Łucja Wiśniewska");
        long s1 = family.session(family.engagement(sofia, 4500), clock.instant(), 9, 75);
        long s2 = family.session(family.engagement(lei, 8333), clock.instant(), 8, 50);
        long s3 = family.session(family.engagement(lucja, 6000), clock.instant(), 7, 60);
        data.updateSession(s1, "internal_note = ?", "Parent behind on payments — do not mention");
        long id = issuing.create(sendNow(family.clientId, List.of(s1, s2, s3),
                new NewInvoice.Adjustment("Session ran 15 min over", 1125)));
        InvoiceDetails invoice = invoices.details(id);

        byte[] pdf = invoices.pdf(id);
        // Kept for a person to look at (e.g. pdftoppm -png target/screenshots/invoice-sample.pdf).
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "invoice-sample.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Table cells wrap long names; read the text as one line.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Maple Grove Tutoring", "120 Orchard Street", invoice.number(), "Bill to".toUpperCase(),
                    "Parent of Family-", "7 Linden Boulevard", "Σοφία Παπαδοπούλου", "李雷", "Łucja Wiśniewska",
                    "1 h 15 min", "50 min", "1 h", "$45.00/h", "$56.25", "$69.44", "$60.00",
                    "Adjustment: Session ran 15 min over", "$11.25", "$196.94", "Nov 25, 2026", "Dec 9, 2026",
                    "HOW TO PAY", "quoting " + invoice.number());
            assertThat(text).doesNotContain("do not mention").doesNotContain("1:15");
            // Issue 12: one duration format everywhere, and Letter paper for a business in the United States.
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(792f);
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        }
        assertThat(invoices.pdfFileName(id)).isEqualTo(invoice.number() + ".pdf");
    }

    @Test
    void the_invoice_email_reaches_the_billing_contact_with_text_html_and_the_pdf_attached() throws IOException {
        long student = family.student("Σοφία Παπαδοπούλου");
        long session = family.session(family.engagement(student, 6000), clock.instant(), 5, 90);
        long id = issuing.create(sendNow(family.clientId, List.of(session)));
        String number = invoices.details(id).number();

        delivery.deliverDue();

        var received = TestMailServer.receivedBy(family.clientEmail);
        assertThat(received).hasSize(1);
        ReceivedMail mail = ReceivedMail.of(received.getFirst());
        assertThat(mail.subject()).isEqualTo("Invoice " + number + " from Maple Grove Tutoring");
        assertThat(mail.text()).contains("Dear Parent of Family-", "Σοφία Παπαδοπούλου", "1 h 30 min", "$90.00",
                "Due date: Dec 9, 2026", "quote " + number);
        assertThat(mail.html()).contains("Σοφία Παπαδοπούλου", "$90.00");
        assertThat(mail.attachments()).containsOnlyKeys(number + ".pdf");
        assertThat(mail.attachmentTypes().get(number + ".pdf")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(mail.attachments().get(number + ".pdf"))) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains(number, "Σοφία Παπαδοπούλου", "$90.00");
        }
        assertThat(invoices.details(id).emails()).extracting(OutboxMessage::state)
                .containsExactly(com.tutordesk.mail.MailState.SENT);

        issuing.resend(id);
        delivery.deliverDue();
        assertThat(TestMailServer.receivedBy(family.clientEmail)).hasSize(2);
        assertThat(invoices.details(id).emails()).hasSize(2);
    }

    @Test
    void a_total_below_zero_and_bad_adjustments_are_refused_and_nothing_is_saved() {
        List<Long> sessions = family.sessions(1, 5000, clock.instant());
        long before = jdbc.queryForObject("select count(*) from invoices", Long.class);
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, sessions,
                new NewInvoice.Adjustment("Refund of last term", -5001))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("cannot be below zero");
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, sessions, new NewInvoice.Adjustment(" ", 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adjustment memo is required");
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, sessions, new NewInvoice.Adjustment("x", 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adjustment amount must not be zero");
        // The largest negative long has no positive counterpart (Math.abs leaves it negative): two of
        // them overflowed the total instead of being refused as too large.
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, sessions,
                new NewInvoice.Adjustment("Typo", Long.MIN_VALUE), new NewInvoice.Adjustment("Typo", Long.MIN_VALUE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adjustment amount is too large");
        assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose at least one session");
        assertThatThrownBy(() -> issuing.create(new NewInvoice(family.clientId, sessions, null, TODAY.minusDays(1),
                NewInvoice.Delivery.SEND_NOW, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Due date must not be before");
        assertThat(jdbc.queryForObject("select count(*) from invoices", Long.class)).isEqualTo(before);
        assertThat(family.billingState(sessions.getFirst())).isEqualTo("UNBILLED");

        long zero = issuing.create(sendNow(family.clientId, sessions, new NewInvoice.Adjustment("Free trial", -5000)));
        assertThat(invoices.details(zero).totalMinor()).isZero();
    }

    @Test
    void a_session_on_a_draft_cannot_be_moved_to_another_clients_engagement_but_may_change_within_the_client() {
        List<Long> sessions = family.sessions(1, 5000, clock.instant());
        long session = sessions.getFirst();
        long draft = issuing.create(new NewInvoice(family.clientId, sessions, null, TODAY.plusDays(14),
                NewInvoice.Delivery.DRAFT, null));
        BillingFixture neighbours = BillingFixture.forTutor(jdbc, data, family.tutorId, null);
        long theirs = neighbours.engagement(neighbours.student(TestData.unique("Student")), 8000);
        long sameClient = family.engagement(family.student(TestData.unique("Sibling")), 7000);
        EditSessionForm form = editing.editForm(session);

        // The draft of one family would hold (and later bill) a session of another family.
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(session, form.version(), theirs, form.date(),
                form.startTime(), form.durationMinutes(), null, false)))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("it is on a draft invoice");
        assertThat(jdbc.queryForObject("select client_id from tutoring_sessions where id = ?", Long.class, session))
                .isEqualTo(family.clientId);

        editing.edit(new EditSessionRequest(session, form.version(), sameClient, form.date(), form.startTime(),
                form.durationMinutes(), null, false));
        issuing.sendNow(draft);
        assertThat(invoices.details(draft).totalMinor()).isEqualTo(7000);
    }

    @Test
    void sending_a_draft_whose_due_date_has_passed_says_what_to_do_and_changes_nothing() {
        List<Long> sessions = family.sessions(1, 5000, clock.instant());
        long draft = issuing.create(new NewInvoice(family.clientId, sessions, null, TODAY.plusDays(14),
                NewInvoice.Delivery.DRAFT, null));
        clock.advance(Duration.ofDays(15));

        // A draft's due date cannot be changed, so "change the due date first" sent people looking for
        // a field that does not exist.
        assertThatThrownBy(() -> issuing.sendNow(draft)).isInstanceOf(RuleViolationException.class)
                .hasMessage("The due date " + TODAY.plusDays(14) + " has passed (today is " + TODAY.plusDays(15)
                        + "): delete this draft and create the invoice again with a later due date");
        assertThat(invoices.details(draft).state()).isEqualTo(InvoiceState.DRAFT);
        assertThat(family.billingState(sessions.getFirst())).isEqualTo("UNBILLED");
    }

    @Test
    void sessions_that_are_cancelled_upcoming_or_of_another_client_cannot_be_invoiced() {
        long student = family.student(TestData.unique("Student"));
        long engagement = family.engagement(student, 5000);
        long cancelled = data.session(engagement, clock.instant().minus(Duration.ofDays(2)), 60, "CANCELLED");
        long upcoming = data.session(engagement, clock.instant().plus(Duration.ofDays(2)), 60, "SCHEDULED");
        long ended = data.session(engagement, clock.instant().minus(Duration.ofHours(2)), 60, "SCHEDULED");
        long late = data.session(engagement, clock.instant().plus(Duration.ofHours(3)), 60, "LATE_CANCELLED");
        BillingFixture other = BillingFixture.create(jdbc, data, null);
        long foreign = other.sessions(1, 5000, clock.instant()).getFirst();

        assertThat(invoices.candidates(family.clientId).sessions()).extracting(s -> s.id())
                .containsExactly(ended, late);
        for (long id : List.of(cancelled, upcoming, foreign)) {
            assertThatThrownBy(() -> issuing.create(sendNow(family.clientId, List.of(id))))
                    .isInstanceOf(RuleViolationException.class);
        }
        long invoice = issuing.create(sendNow(family.clientId, List.of(ended, late)));
        assertThat(invoices.details(invoice).lines()).extracting(InvoiceDetails.Line::lateCancelled)
                .containsExactly(false, true);
    }
}
