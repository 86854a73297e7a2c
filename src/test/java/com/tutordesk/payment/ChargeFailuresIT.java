package com.tutordesk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.ManualPayment;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * What goes wrong with money (issue 8): declined cards, authentication, timeouts, two people at
 * once, and the database rule that an invoice that is paid, cancelled or being charged is never charged.
 */
@IntegrationTest
class ChargeFailuresIT {

    static final Instant NOW = TestClock.START;

    @Autowired
    ConfirmAndCharge confirmAndCharge;

    @Autowired
    UnsettledAttempts unsettled;

    @Autowired
    InvoiceCardPanels panels;

    @Autowired
    CardChargeService charges;

    @Autowired
    CardRefunds refunds;

    @Autowired
    CardsOnFile cardsOnFile;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    InvoiceIssuingService issuing;

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
        FakeStripe.reset();
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    @Test
    void a_declined_card_keeps_the_invoice_open_emails_a_pay_now_link_and_is_not_retried() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        long session = world.sessions(1, 8_000, NOW).getFirst();
        FakeStripe.chargeFails("pi_declined_1", 8_000, "card_declined", "generic_decline", "Your card was declined.");

        ChargeResult result = confirmAndCharge.confirmAndCharge(session, 8_000);

        long invoice = world.invoiceOf(session);
        assertThat(result.outcome()).isEqualTo(ChargeResult.Outcome.DECLINED);
        assertThat(result.message()).isEqualTo("Declined by the card's bank. " + world.number(invoice)
                + " stays open and the client was emailed a Pay now link.");
        assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
        assertThat(world.family.billingState(session)).isEqualTo("INVOICED");
        assertThat(jdbc.queryForMap("select status, failure_code, failure_reason, stripe_payment_intent_id,"
                + " in_flight_invoice_id from payment_attempts where invoice_id = ?", invoice))
                .containsEntry("status", "DECLINED").containsEntry("failure_code", "generic_decline")
                .containsEntry("failure_reason", "Declined by the card's bank")
                .containsEntry("stripe_payment_intent_id", "pi_declined_1").containsEntry("in_flight_invoice_id", null);
        assertThat(world.invoiceEmails(invoice)).containsExactly("Invoice " + world.number(invoice)
                + " from Maple Grove Tutoring");
        assertThat(world.lastInvoiceEmailText(invoice)).contains("We could not charge your saved card (by the card's bank)")
                .contains("Pay now").contains("https://tutordesk.test/pay/invoice/" + invoice + "/");

        // Nothing retries a declined card by itself, however much time passes.
        clock.advance(Duration.ofHours(2));
        unsettled.settleUnsettled();
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(1);
    }

    @Test
    void insufficient_funds_is_a_decline_with_its_reason() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeFails("pi_funds_1", 6_000, "card_declined", "insufficient_funds",
                "Your card has insufficient funds.");

        long invoice = world.issue(issuing, world.sessions(1, 6_000, NOW));

        assertThat(world.attemptStatuses(invoice)).containsExactly("DECLINED");
        assertThat(panels.panel(invoice).orElseThrow().attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo(AttemptStatus.DECLINED);
            assertThat(attempt.reason()).isEqualTo("Declined: insufficient funds");
        });
        assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
        // The only email is the invoice with its pay link (no receipt, no request sent before the charge).
        assertThat(world.invoiceEmails(invoice)).hasSize(1);
        assertThat(world.lastInvoiceEmailText(invoice)).contains("(insufficient funds)").contains("Pay now");
    }

    @Test
    void a_card_that_needs_authentication_is_marked_so_and_the_client_gets_a_pay_now_link() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeFails("pi_auth_1", 5_000, "authentication_required", "authentication_required",
                "Your card was declined. This transaction requires authentication.");

        long invoice = world.issue(issuing, world.sessions(1, 5_000, NOW));

        assertThat(world.attemptStatuses(invoice)).containsExactly("AUTHENTICATION_REQUIRED");
        assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
        assertThat(world.lastInvoiceEmailText(invoice)).contains("your bank asks you to confirm the payment yourself")
                .contains("Pay now");
        // Charge card now makes a new attempt (with a new key) only when someone asks.
        FakeStripe.chargeSucceeds("pi_auth_2", 5_000, "ch_auth_2");
        ChargeResult again = charges.chargeNow(invoice);
        assertThat(again.outcome()).isEqualTo(ChargeResult.Outcome.PAID);
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsExactly("invoice-" + invoice + "-attempt-1", "invoice-" + invoice + "-attempt-2");
        assertThat(world.attemptStatuses(invoice)).containsExactly("AUTHENTICATION_REQUIRED", "SUCCEEDED");
    }

    @Test
    void a_charge_without_an_answer_stays_in_flight_and_is_sent_again_with_the_same_key_and_parameters() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        long session = world.sessions(1, 7_000, NOW).getFirst();
        FakeStripe.chargeTimesOutThenSucceeds("pi_slow_1", 7_000, "ch_slow_1");

        ChargeResult first = confirmAndCharge.confirmAndCharge(session, 7_000);

        long invoice = world.invoiceOf(session);
        assertThat(first.outcome()).isEqualTo(ChargeResult.Outcome.IN_PROGRESS);
        assertThat(world.attemptStatuses(invoice)).containsExactly("PENDING");
        assertThat(world.invoiceState(invoice)).isEqualTo("OPEN");
        // In flight: nobody can start another charge or close the invoice by hand meanwhile.
        assertThatThrownBy(() -> charges.chargeNow(invoice)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("is in progress");
        assertThatThrownBy(() -> settlement.cancel(invoice)).isInstanceOf(RuleViolationException.class)
                .hasMessage("A card payment of this invoice is in progress: wait for its outcome and reload the page");
        assertThatThrownBy(() -> settlement.markPaid(invoice, new ManualPayment(PaymentMethod.CASH,
                LocalDate.of(2026, 11, 25), null))).hasMessageContaining("card payment of this invoice is in progress");

        clock.advance(Duration.ofMinutes(3));
        unsettled.settleUnsettled();

        List<LoggedRequest> sent = FakeStripe.requests("POST", "/v1/payment_intents").stream()
                .filter(r -> FakeStripe.form(r).get("metadata[invoice_id]").equals(String.valueOf(invoice))).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly("invoice-" + invoice + "-attempt-1");
        assertThat(FakeStripe.form(sent.get(1))).isEqualTo(FakeStripe.form(sent.get(0)));
        assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
        assertThat(world.invoiceState(invoice)).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("select sends from payment_attempts where invoice_id = ?", Integer.class, invoice))
                .isEqualTo(2);
    }

    @Test
    void two_people_confirming_and_charging_the_same_session_at_once_send_one_payment_intent() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(true);
        long session = world.sessions(1, 9_900, NOW).getFirst();
        FakeStripe.chargeSucceedsAfter("pi_race_1", 9_900, "ch_race_1", 300);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    signIn.as(demo.adminEmail());
                    try {
                        start.await();
                        outcomes.add(confirmAndCharge.confirmAndCharge(session, 9_900).outcome().name());
                    } catch (RuleViolationException e) {
                        outcomes.add("refused: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        signIn.out();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(outcomes).hasSize(2).contains("PAID");
        assertThat(jdbc.queryForObject("select count(*) from invoice_lines where session_id = ?", Integer.class, session))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from invoice_payments p join invoice_lines l"
                + " on l.invoice_id = p.invoice_id where l.session_id = ?", Integer.class, session)).isOne();
    }

    @Test
    void two_clicks_on_charge_card_now_send_one_payment_intent() throws Exception {
        PaymentWorld world = new PaymentWorld(jdbc, data, null).withCard(false);
        long invoice = world.issue(issuing, world.sessions(1, 4_400, NOW));
        cardsOnFile.setAutopay(world.clientId, true);
        FakeStripe.chargeSucceedsAfter("pi_clicks_1", 4_400, "ch_clicks_1", 300);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    signIn.as(demo.adminEmail());
                    try {
                        start.await();
                        outcomes.add(charges.chargeNow(invoice).outcome().name());
                    } catch (RuleViolationException e) {
                        outcomes.add("refused");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        signIn.out();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(1);
        assertThat(outcomes).containsExactlyInAnyOrder("PAID", "refused");
        assertThat(world.attemptStatuses(invoice)).containsExactly("SUCCEEDED");
    }

    @Test
    void the_database_refuses_a_second_attempt_in_flight_and_any_attempt_on_an_invoice_that_is_not_open() {
        PaymentWorld world = new PaymentWorld(jdbc, data, null);
        long open = world.issue(issuing, world.sessions(1, 3_000, NOW));
        String insert = "insert into payment_attempts (invoice_id, attempt_number, kind, idempotency_key, amount_minor,"
                + " currency, status, in_flight_invoice_id, in_flight_state, requested_via, sends, created_at, version)"
                + " values (?, ?, 'OFF_SESSION', ?, 3000, 'USD', 'PENDING', ?, 'OPEN', 'CHARGE_NOW', 1,"
                + " '2026-11-25 15:00:00', 0)";
        jdbc.update(insert, open, 1, "invoice-" + open + "-attempt-1", open);
        assertThatThrownBy(() -> jdbc.update(insert, open, 2, "invoice-" + open + "-attempt-2", open))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_payment_attempts_in_flight");
        assertThatThrownBy(() -> jdbc.update("update invoices set state = 'CANCELLED', cancelled_at = '2026-11-25'"
                + " where id = ?", open)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_payment_attempts_in_flight");

        PaymentWorld paid = new PaymentWorld(jdbc, data, null);
        long invoice = paid.issue(issuing, paid.sessions(1, 3_000, NOW));
        settlement.markPaid(invoice, new ManualPayment(PaymentMethod.CASH, LocalDate.of(2026, 11, 25), null));
        assertThatThrownBy(() -> jdbc.update(insert, invoice, 1, "invoice-" + invoice + "-attempt-1", invoice))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("fk_payment_attempts_in_flight");
        assertThatThrownBy(() -> charges.chargeNow(invoice)).hasMessage("Invoice " + paid.number(invoice)
                + " is paid: there is nothing to charge");
        // The hand-made attempt would otherwise stay in flight for the other tests' background passes.
        jdbc.update("delete from payment_attempts where invoice_id = ?", open);
    }

    @Test
    void a_tutor_cannot_refund_an_invoice_with_other_tutors_sessions_whose_amounts_they_may_not_see() {
        PaymentWorld own = new PaymentWorld(jdbc, data, demo.enhancedTutorId()).withCard(true);
        long student = own.family.student(TestData.unique("Mixed"));
        long mine = own.family.session(own.family.engagement(demo.enhancedTutorId(), student, 4_000), NOW, 3, 60);
        long theirs = own.family.session(own.family.engagement(own.family.tutorId, student, 4_000), NOW, 2, 60);
        FakeStripe.chargeSucceeds("pi_mixed", 8_000, "ch_mixed");
        long invoice = own.issue(issuing, List.of(mine, theirs));
        assertThat(own.invoiceState(invoice)).isEqualTo("PAID");

        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> refunds.refund(invoice, 1, 1_000, "Goodwill"))
                .hasMessage("This invoice includes other tutors' sessions: ask the office to refund it");
        assertThat(FakeStripe.requests("POST", "/v1/refunds")).isEmpty();
    }

    @Test
    void a_tutor_cannot_charge_an_invoice_with_other_tutors_sessions_whose_total_they_may_not_see() {
        PaymentWorld own = new PaymentWorld(jdbc, data, demo.enhancedTutorId()).withCard(true);
        long student = own.family.student(TestData.unique("Mixed"));
        long mine = own.family.session(own.family.engagement(demo.enhancedTutorId(), student, 4_000), NOW, 3, 60);
        long theirs = own.family.session(own.family.engagement(own.family.tutorId, student, 6_000), NOW, 2, 60);
        FakeStripe.chargeFails("pi_mixed_declined", 10_000, "card_declined", "generic_decline", "Declined");
        long invoice = own.issue(issuing, List.of(mine, theirs));
        assertThat(own.invoiceState(invoice)).isEqualTo("OPEN");
        int chargesBefore = FakeStripe.requests("POST", "/v1/payment_intents").size();

        signIn.as(demo.enhancedTutorEmail());
        assertThat(panels.panel(invoice)).get().satisfies(panel -> assertThat(panel.chargeOffered()).isFalse());
        FakeStripe.chargeSucceeds("pi_mixed_second", 10_000, "ch_mixed_second");
        assertThatThrownBy(() -> charges.chargeNow(invoice))
                .hasMessage("This invoice includes other tutors' sessions: ask the office to charge it");
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(chargesBefore);
        assertThat(own.invoiceState(invoice)).isEqualTo("OPEN");
    }

    @Test
    void a_tutor_is_not_given_the_pay_now_link_of_an_invoice_with_other_tutors_sessions() {
        PaymentWorld own = new PaymentWorld(jdbc, data, demo.enhancedTutorId());
        long student = own.family.student(TestData.unique("Mixed"));
        long mine = own.family.session(own.family.engagement(demo.enhancedTutorId(), student, 4_000), NOW, 3, 60);
        long theirs = own.family.session(own.family.engagement(own.family.tutorId, student, 6_000), NOW, 2, 60);
        long invoice = own.issue(issuing, List.of(mine, theirs));
        assertThat(panels.panel(invoice)).get().satisfies(panel -> assertThat(panel.payLink()).isNotNull());

        // The link opens Stripe's page for the invoice's total, which is hidden from the tutor (issue 7).
        signIn.as(demo.enhancedTutorEmail());
        assertThat(panels.panel(invoice)).get().satisfies(panel -> assertThat(panel.payLink()).isNull());
    }

    @Test
    void only_admins_and_the_enhanced_access_tutor_who_added_the_client_may_charge_refund_or_send_card_links() {
        PaymentWorld office = new PaymentWorld(jdbc, data, null).withCard(true);
        FakeStripe.chargeFails("pi_roles_1", 2_000, "card_declined", "generic_decline", "Declined");
        long invoice = office.issue(issuing, office.sessions(1, 2_000, NOW));

        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> charges.chargeNow(invoice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> refunds.refund(invoice, 1, 100, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cardsOnFile.sendSetupLink(office.clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cardsOnFile.removeCard(office.clientId)).isInstanceOf(NotFoundException.class);
        assertThat(panels.panel(invoice)).isEmpty();

        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> charges.chargeNow(invoice)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cardsOnFile.setAutopay(office.clientId, false)).isInstanceOf(NotFoundException.class);

        // The Enhanced-Access tutor's own client: allowed.
        signIn.as(demo.adminEmail());
        PaymentWorld own = new PaymentWorld(jdbc, data, demo.enhancedTutorId()).withCard(true);
        long ownSession = own.family.session(own.family.engagement(demo.enhancedTutorId(),
                own.family.student(TestData.unique("Own")), 5_000), NOW, 3, 60);
        signIn.as(demo.enhancedTutorEmail());
        FakeStripe.chargeSucceeds("pi_roles_2", 5_000, "ch_roles_2");
        assertThat(confirmAndCharge.confirmAndCharge(ownSession, 5_000).outcome()).isEqualTo(ChargeResult.Outcome.PAID);

        // A plain tutor sees their session but may not charge it.
        signIn.as(demo.adminEmail());
        PaymentWorld plain = new PaymentWorld(jdbc, data, null).withCard(true);
        long plainSession = plain.family.session(plain.family.engagement(demo.plainTutorId(),
                plain.family.student(TestData.unique("Plain")), 5_000), NOW, 3, 60);
        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> confirmAndCharge.confirmAndCharge(plainSession, 5_000)).isInstanceOf(AccessDeniedException.class);
        assertThat(FakeStripe.requests("POST", "/v1/payment_intents")).hasSize(2);
    }
}
