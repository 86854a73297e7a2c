package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Overdue reminders (issue 15): on the right days, at most three, never after payment, once across nodes. */
@IntegrationTest
class OverdueRemindersIT {

    @Autowired
    OverdueReminders reminders;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
        // Only this test's clients are reminded: the shared database holds the demo's and other tests' invoices.
        jdbc.update("insert into overdue_reminder_opt_outs (client_id, created_at) select id, current_timestamp"
                + " from clients where id not in (select client_id from overdue_reminder_opt_outs)");
        marked = jdbc.queryForObject("select coalesce(max(id), 0) from clients", Long.class);
    }

    /** The last client id that existed before the test (their opt-outs are the test's own, removed after it). */
    long marked;

    @AfterEach
    void tearDown() {
        jdbc.update("delete from overdue_reminder_opt_outs where by_user_id is null and client_id <= ?", marked);
        signIn.out();
        clock.reset();
    }

    private LocalDate today() {
        return settings.profile().today(clock);
    }

    /** Issues an invoice of a new client due in {@code dueInDays} days. */
    private long overdueInvoice(int dueInDays) {
        BillingFixture family = BillingFixture.create(jdbc, data, null);
        List<Long> sessions = family.sessions(2, 5_000, clock.instant());
        return issuing.create(new NewInvoice(family.clientId, sessions, List.of(), today().plusDays(dueInDays),
                NewInvoice.Delivery.SEND_NOW, null));
    }

    /** Moves the clock to 10:00 business-local on {@code date} and runs one pass of the job. */
    private void passOn(LocalDate date) {
        clock.set(date.atTime(LocalTime.of(10, 0)).atZone(settings.profile().zone()).toInstant());
        reminders.sendDue(() -> false);
    }

    private List<Integer> sent(long invoice) {
        return reminders.remindersOf(invoice).stream().map(OverdueReminders.Reminder::number).toList();
    }

    private List<String> reminderSubjects(long invoice) {
        return jdbc.queryForList("select subject from mail_messages where ref_type = 'INVOICE' and ref_id = ?"
                + " and subject like 'Reminder%' order by id", String.class, invoice);
    }

    @Test
    void reminders_go_three_days_after_the_due_date_then_every_seven_days_at_most_three_times() {
        long invoice = overdueInvoice(14);
        LocalDate due = today().plusDays(14);

        passOn(due.plusDays(2));
        assertThat(sent(invoice)).isEmpty();
        passOn(due.plusDays(3));
        assertThat(sent(invoice)).containsExactly(1);
        passOn(due.plusDays(3));
        passOn(due.plusDays(9));
        assertThat(sent(invoice)).containsExactly(1);
        passOn(due.plusDays(10));
        assertThat(sent(invoice)).containsExactly(1, 2);
        passOn(due.plusDays(17));
        passOn(due.plusDays(24));
        passOn(due.plusDays(31));
        assertThat(sent(invoice)).containsExactly(1, 2, 3);
        assertThat(reminders.remindersOf(invoice)).extracting(OverdueReminders.Reminder::sentOn)
                .containsExactly(due.plusDays(3), due.plusDays(10), due.plusDays(17));
        List<String> subjects = reminderSubjects(invoice);
        assertThat(subjects).hasSize(3);
        assertThat(subjects.getFirst()).startsWith("Reminder 1: invoice INV-").endsWith(" is overdue");
        assertThat(jdbc.queryForObject("select text_body from mail_messages where ref_type = 'INVOICE' and ref_id = ?"
                + " and subject like 'Reminder 3%'", String.class, invoice)).contains("Reminder 3 of 3");
    }

    @Test
    void no_reminder_for_a_paid_or_cancelled_invoice_nor_for_a_client_switched_off() {
        long paid = overdueInvoice(1);
        long cancelled = overdueInvoice(1);
        long switchedOff = overdueInvoice(1);
        long reminded = overdueInvoice(1);
        settlement.markPaid(paid, new ManualPayment(PaymentMethod.CASH, today(), null));
        settlement.cancel(cancelled);
        long offClient = jdbc.queryForObject("select client_id from invoices where id = ?", Long.class, switchedOff);
        reminders.setRemindsClient(offClient, false);
        assertThat(reminders.remindsClient(offClient)).isFalse();

        passOn(today().plusDays(4));
        assertThat(sent(paid)).isEmpty();
        assertThat(sent(cancelled)).isEmpty();
        assertThat(sent(switchedOff)).isEmpty();
        assertThat(sent(reminded)).containsExactly(1);

        // Paid after its first reminder: no second one.
        signIn.as(demo.adminEmail());
        settlement.markPaid(reminded, new ManualPayment(PaymentMethod.BANK_TRANSFER, today(), "T-1"));
        passOn(today().plusDays(8));
        assertThat(sent(reminded)).containsExactly(1);

        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> reminders.setRemindsClient(offClient, true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void no_reminder_while_a_card_payment_of_the_invoice_is_in_flight() {
        long invoice = overdueInvoice(1);
        jdbc.update("insert into payment_attempts (invoice_id, attempt_number, kind, idempotency_key, amount_minor,"
                + " currency, status, in_flight_invoice_id, in_flight_state, requested_via, created_at)"
                + " values (?, 1, 'OFF_SESSION', ?, 10000, 'USD', 'PENDING', ?, 'OPEN', 'ON_ISSUE', current_timestamp)",
                invoice, "invoice-" + invoice + "-attempt-1", invoice);
        passOn(today().plusDays(4));
        assertThat(sent(invoice)).isEmpty();

        jdbc.update("update payment_attempts set status = 'DECLINED', in_flight_invoice_id = null, in_flight_state = null"
                + " where invoice_id = ?", invoice);
        passOn(today().plusDays(4));
        assertThat(sent(invoice)).containsExactly(1);
    }

    @Test
    void after_weeks_of_downtime_a_pass_sends_one_reminder_not_a_burst() {
        long invoice = overdueInvoice(1);
        LocalDate late = today().plusDays(40);
        passOn(late);
        passOn(late);
        assertThat(sent(invoice)).containsExactly(1);
        passOn(late.plusDays(6));
        assertThat(sent(invoice)).containsExactly(1);
        passOn(late.plusDays(7));
        assertThat(sent(invoice)).containsExactly(1, 2);
    }

    @Test
    void two_scheduler_nodes_at_the_same_moment_send_one_reminder() throws Exception {
        long invoice = overdueInvoice(1);
        clock.set(today().plusDays(5).atTime(LocalTime.of(10, 0)).atZone(settings.profile().zone()).toInstant());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> passes = List.of(1, 2).stream()
                    .map(node -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return reminders.sendDue(() -> false);
                    }, nodes)).toList();
            for (CompletableFuture<Integer> pass : passes) {
                pass.get();
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(sent(invoice)).containsExactly(1);
        assertThat(reminderSubjects(invoice)).hasSize(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
