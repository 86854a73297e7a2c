package com.tutordesk.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.billing.BillingFixture;
import com.tutordesk.billing.InvoiceIssuingService;
import com.tutordesk.billing.InvoiceSettlementService;
import com.tutordesk.billing.ManualPayment;
import com.tutordesk.billing.NewInvoice;
import com.tutordesk.billing.PaymentMethod;
import com.tutordesk.session.BillableSession;
import com.tutordesk.session.Cancellation;
import com.tutordesk.session.EditSessionForm;
import com.tutordesk.session.EditSessionRequest;
import com.tutordesk.session.LogSessionRequest;
import com.tutordesk.session.SessionBilling;
import com.tutordesk.session.SessionEditingService;
import com.tutordesk.session.SessionLoggingService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.HourTotalsCheck;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Prepaid packages on MariaDB (issue 17; domain.md "Prepaid packages"): sold on an invoice, available
 * when it is paid, used by completed sessions oldest package first, given back, refunded.
 */
@IntegrationTest
class PrepaidPackagesIT {

    /** The integration tests' today in New York (see {@link TestClock#START}). */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    SessionLoggingService logging;

    @Autowired
    SessionEditingService editing;

    @Autowired
    SessionBilling sessionBilling;

    @Autowired
    PrepaidService prepaid;

    @Autowired
    PackageRefunds refunds;

    @Autowired
    com.tutordesk.settings.SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    CacheManager caches;

    @Autowired
    LowBalanceEmails lowBalance;

    @Autowired
    com.tutordesk.billing.PaymentsService payments;

    @Autowired
    com.tutordesk.mail.MailOutbox outbox;

    DemoAccounts demo;
    BillingFixture family;
    long engagement;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
        family = BillingFixture.create(jdbc, data, null);
        // $50.00 an hour.
        engagement = family.engagement(family.student(TestData.unique("Ana")), 5_000);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        HourTotalsCheck.assertAgreeWithSessions(jdbc);
        jdbc.update("update business_settings set late_cancel_client_percent = 100");
        caches.getCache("businessProfile").clear();
        signIn.out();
        clock.reset();
    }

    // ---- helpers ----

    private com.tutordesk.settings.BusinessProfile settingsProfile() {
        return settings.profile();
    }

    private long sell(long engagementId, int minutes, long priceMinor) {
        return issuing.create(new NewInvoice(family.clientId, List.of(), List.of(), TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null, List.of(new NewInvoice.PackageLine(engagementId, minutes, priceMinor,
                        null))));
    }

    private void pay(long invoiceId) {
        settlement.markPaid(invoiceId, new ManualPayment(PaymentMethod.CASH, TODAY, null));
    }

    private long log(long engagementId, LocalDate date, String time, int minutes) {
        return logging.logSession(new LogSessionRequest(engagementId, date, LocalTime.parse(time), minutes, null, false,
                UUID.randomUUID().toString()));
    }

    private int left(long engagementId) {
        return prepaid.packagesOfEngagement(engagementId).stream().mapToInt(PackageRow::minutesLeft).sum();
    }

    private Map<String, Object> cover(long sessionId) {
        return jdbc.queryForMap("select billing_state, prepaid_minutes, remainder_minutes, client_amount_minor,"
                + " prepaid_amount_minor from tutoring_sessions where id = ?", sessionId);
    }

    private long version(long sessionId) {
        return editing.editForm(sessionId).version();
    }

    // ---- selling and paying ----

    @Test
    void a_package_sold_on_an_invoice_awaits_payment_and_its_hours_become_available_when_the_invoice_is_paid() {
        long invoice = sell(engagement, 600, 50_000);

        List<PackageRow> before = prepaid.packagesOfClient(family.clientId);
        assertThat(before).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(PackageState.AWAITING_PAYMENT);
            assertThat(row.minutesBought()).isEqualTo(600);
            assertThat(row.minutesLeft()).isZero();
            assertThat(row.invoiceId()).isEqualTo(invoice);
        });
        assertThat(jdbc.queryForObject("select total_minor from invoices where id = ?", Long.class, invoice))
                .isEqualTo(50_000);

        pay(invoice);

        assertThat(prepaid.packagesOfClient(family.clientId)).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(PackageState.ACTIVE);
            assertThat(row.minutesLeft()).isEqualTo(600);
            assertThat(row.priceMinor()).isEqualTo(50_000);
        });
    }

    @Test
    void a_package_price_may_be_lowered_but_never_above_hours_times_the_client_rate_nor_below_zero() {
        // 10 h at $50.00 = $500.00.
        assertThatThrownBy(() -> sell(engagement, 600, 50_001)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("at most $500.00");
        assertThatThrownBy(() -> sell(engagement, 600, -1)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("below zero");
        assertThatThrownBy(() -> sell(engagement, 610, 1_000)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("steps of 15 minutes");
        long otherFamily = BillingFixture.create(jdbc, data, null).engagement(
                BillingFixture.create(jdbc, data, null).student("Zed"), 5_000);
        assertThatThrownBy(() -> sell(otherFamily, 600, 1_000)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("not an engagement of this client");
        assertThat(sell(engagement, 600, 0)).isPositive();
    }

    @Test
    void cancelling_an_unpaid_package_invoice_removes_the_package() {
        long invoice = sell(engagement, 600, 50_000);

        settlement.cancel(invoice);

        assertThat(prepaid.packagesOfClient(family.clientId)).isEmpty();
    }

    // ---- using the hours ----

    @Test
    void a_completed_session_uses_the_paid_hours_and_is_prepaid_never_invoiced() {
        pay(sell(engagement, 600, 50_000));

        long session = log(engagement, YESTERDAY, "15:00", 90);

        assertThat(cover(session)).containsEntry("billing_state", "PREPAID").containsEntry("prepaid_minutes", 90);
        assertThat(left(engagement)).isEqualTo(510);
        // Tutor pay is per session as always: 90 minutes at the $25.00 wage.
        assertThat(jdbc.queryForObject("select tutor_earnings_minor from tutoring_sessions where id = ?", Long.class,
                session)).isEqualTo(3_750);
        assertThat(sessionBilling.billableSessions(family.clientId, null)).isEmpty();
        assertThat(prepaid.packagesOfEngagement(engagement).getFirst().uses())
                .singleElement().satisfies(use -> {
                    assertThat(use.sessionId()).isEqualTo(session);
                    assertThat(use.minutes()).isEqualTo(90);
                });
        assertThatThrownBy(() -> issuing.create(new NewInvoice(family.clientId, List.of(session), List.of(),
                TODAY.plusDays(14), NewInvoice.Delivery.SEND_NOW, null))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("already prepaid");
    }

    @Test
    void a_session_logged_before_the_package_was_paid_stays_unbilled_unless_apply_package_is_chosen() {
        long invoice = sell(engagement, 600, 50_000);
        long before = log(engagement, YESTERDAY, "15:00", 60);
        pay(invoice);

        assertThat(cover(before)).containsEntry("billing_state", "UNBILLED").containsEntry("prepaid_minutes", 0);
        assertThat(left(engagement)).isEqualTo(600);
        assertThat(editing.mayApplyPackage(before)).isTrue();

        int covered = editing.applyPackage(before, version(before));

        assertThat(covered).isEqualTo(60);
        assertThat(cover(before)).containsEntry("billing_state", "PREPAID");
        assertThat(left(engagement)).isEqualTo(540);
        assertThat(editing.mayApplyPackage(before)).isFalse();
    }

    @Test
    void partial_cover_bills_the_remaining_minutes_at_the_client_rate_rounded_once() {
        // $49.99 an hour: 15 minutes are 1249.75 cents, billed as $12.50.
        long odd = family.engagement(family.student(TestData.unique("Ben")), 4_999);
        pay(sell(odd, 60, 4_999));

        long session = log(odd, YESTERDAY, "15:00", 75);

        assertThat(cover(session)).containsEntry("billing_state", "UNBILLED").containsEntry("prepaid_minutes", 60)
                .containsEntry("remainder_minutes", 15).containsEntry("client_amount_minor", 6_249L)
                .containsEntry("prepaid_amount_minor", 4_999L);
        assertThat(sessionBilling.billableSessions(family.clientId, null)).singleElement().satisfies(billable -> {
            assertThat(billable.clientAmountMinor()).isEqualTo(1_250);
            assertThat(billable.durationMinutes()).isEqualTo(15);
        });
        long invoice = issuing.create(new NewInvoice(family.clientId, List.of(session), List.of(), TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null));
        assertThat(jdbc.queryForObject("select amount_minor from invoice_lines where invoice_id = ?", Long.class,
                invoice)).isEqualTo(1_250);
        assertThat(cover(session)).containsEntry("billing_state", "INVOICED");
    }

    @Test
    void two_packages_are_used_oldest_first() {
        pay(sell(engagement, 60, 5_000));
        clock.set(TestClock.START.plusSeconds(60));
        pay(sell(engagement, 120, 10_000));

        long first = log(engagement, YESTERDAY, "09:00", 45);
        long second = log(engagement, YESTERDAY, "11:00", 45);

        List<PackageRow> rows = prepaid.packagesOfEngagement(engagement);
        assertThat(rows).extracting(PackageRow::minutesUsed).containsExactly(60, 30);
        assertThat(rows.get(0).uses()).extracting(PackageRow.Use::sessionId, PackageRow.Use::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, 45),
                        org.assertj.core.groups.Tuple.tuple(second, 15));
        assertThat(rows.get(1).uses()).extracting(PackageRow.Use::minutes).containsExactly(30);
        assertThat(rows.get(0).state()).isEqualTo(PackageState.USED_UP);
        assertThat(cover(second)).containsEntry("billing_state", "PREPAID");
    }

    @Test
    void deleting_a_session_or_cancelling_it_gives_its_minutes_back() {
        pay(sell(engagement, 600, 50_000));
        long deleted = log(engagement, YESTERDAY, "09:00", 60);
        long cancelled = log(engagement, YESTERDAY, "11:00", 60);
        assertThat(left(engagement)).isEqualTo(480);

        editing.delete(deleted, version(deleted));
        assertThat(left(engagement)).isEqualTo(540);

        EditSessionForm form = editing.editForm(cancelled);
        editing.edit(new EditSessionRequest(cancelled, form.version(), engagement, form.date(), form.startTime(), 60,
                null, Cancellation.FEE_WAIVED));
        assertThat(left(engagement)).isEqualTo(600);
        assertThat(cover(cancelled)).containsEntry("prepaid_minutes", 0);
    }

    @Test
    void a_longer_session_takes_more_minutes_and_a_shorter_one_gives_some_back() {
        pay(sell(engagement, 600, 50_000));
        long session = log(engagement, YESTERDAY, "09:00", 60);

        EditSessionForm form = editing.editForm(session);
        editing.edit(new EditSessionRequest(session, form.version(), engagement, form.date(), form.startTime(), 90,
                null, Cancellation.NONE));
        assertThat(left(engagement)).isEqualTo(510);

        form = editing.editForm(session);
        editing.edit(new EditSessionRequest(session, form.version(), engagement, form.date(), form.startTime(), 30,
                null, Cancellation.NONE));
        assertThat(left(engagement)).isEqualTo(570);
        assertThat(cover(session)).containsEntry("billing_state", "PREPAID").containsEntry("prepaid_minutes", 30);
    }

    @Test
    void a_late_cancellation_uses_the_policys_share_of_the_minutes() {
        jdbc.update("update business_settings set late_cancel_client_percent = 50");
        caches.getCache("businessProfile").clear();
        pay(sell(engagement, 600, 50_000));
        long session = log(engagement, YESTERDAY, "09:00", 90);
        assertThat(left(engagement)).isEqualTo(510);

        editing.lateCancel(session, version(session));

        assertThat(left(engagement)).isEqualTo(555);
        assertThat(cover(session)).containsEntry("billing_state", "PREPAID").containsEntry("prepaid_minutes", 45);
    }

    @Test
    void an_invoiced_remainder_is_never_changed_silently() {
        pay(sell(engagement, 60, 5_000));
        long session = log(engagement, YESTERDAY, "09:00", 90);
        issuing.create(new NewInvoice(family.clientId, List.of(session), List.of(), TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null));

        EditSessionForm form = editing.editForm(session);
        assertThatThrownBy(() -> editing.edit(new EditSessionRequest(session, form.version(), engagement, form.date(),
                form.startTime(), 30, null, Cancellation.NONE))).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("cancel invoice");
        assertThat(cover(session)).containsEntry("prepaid_minutes", 60).containsEntry("billing_state", "INVOICED");
    }

    // ---- payment undone, refund ----

    @Test
    void undoing_the_package_payment_takes_the_hours_away_and_its_sessions_become_billable() {
        long invoice = sell(engagement, 600, 50_000);
        pay(invoice);
        long session = log(engagement, YESTERDAY, "09:00", 60);
        long payment = jdbc.queryForObject("select id from invoice_payments where invoice_id = ?", Long.class, invoice);

        settlement.undoPayment(invoice, payment, "Cheque bounced");

        assertThat(prepaid.packagesOfClient(family.clientId)).singleElement()
                .satisfies(row -> assertThat(row.state()).isEqualTo(PackageState.AWAITING_PAYMENT));
        assertThat(cover(session)).containsEntry("billing_state", "UNBILLED").containsEntry("prepaid_minutes", 0);
        assertThat(sessionBilling.billableSessions(family.clientId, null)).extracting(BillableSession::id)
                .containsExactly(session);
    }

    @Test
    void refunding_a_cash_paid_package_with_two_hours_used_records_the_unused_value_with_method_date_and_reference() {
        long invoice = sell(engagement, 600, 45_000);
        pay(invoice);
        log(engagement, YESTERDAY, "09:00", 120);
        long packageId = prepaid.packagesOfEngagement(engagement).getFirst().packageId();

        assertThat(refunds.offer(packageId)).satisfies(offer -> {
            assertThat(offer.way()).isEqualTo(RefundOffer.Way.MANUAL);
            assertThat(offer.minutesLeft()).isEqualTo(480);
            // $450.00 × 480 / 600 = $360.00
            assertThat(offer.valueMinor()).isEqualTo(36_000);
        });
        // Paid in cash: not refunded to a card, but recorded by the office.
        assertThatThrownBy(() -> refunds.refundToCard(packageId)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("not paid by card");
        assertThatThrownBy(() -> refunds.refundManually(packageId, new ManualRefund(PaymentMethod.CHEQUE,
                TODAY.plusDays(1), null))).isInstanceOf(InvalidFieldException.class)
                .hasMessage("Refund date must not be in the future");

        PackageRefundResult result = refunds.refundManually(packageId, new ManualRefund(PaymentMethod.CHEQUE, TODAY,
                " 004417 "));

        assertThat(result.refunded()).isTrue();
        assertThat(result.amountMinor()).isEqualTo(36_000);
        assertThat(result.message()).isEqualTo("Refunded $360.00 by cheque on " + settingsProfile().formatDate(TODAY)
                + ", reference 004417: recorded. The unused hours are removed.");
        assertThat(prepaid.packagesOfEngagement(engagement)).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(PackageState.REFUNDED);
            assertThat(row.minutesUsed()).isEqualTo(120);
            assertThat(row.minutesLeft()).isZero();
            assertThat(row.refundedMinor()).isEqualTo(36_000);
            assertThat(row.refund()).isEqualTo(new PackageRow.Refund(PaymentMethod.CHEQUE, TODAY, "004417", null, false));
        });
        // The invoice page shows it too.
        assertThat(prepaid.refundedOnInvoice(invoice)).singleElement()
                .satisfies(row -> assertThat(row.refundedMinutes()).isEqualTo(480));
        long after = log(engagement, YESTERDAY, "14:00", 60);
        assertThat(cover(after)).containsEntry("billing_state", "UNBILLED");
        assertThatThrownBy(() -> refunds.refundManually(packageId, new ManualRefund(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already refunded");
    }

    // ---- Payments page ----

    @Test
    void payments_count_only_the_billable_remainder_as_unbilled_and_show_prepaid_hours_left_at_package_prices() {
        long unbilledBefore = payments.totals().unbilledMinor();
        PrepaidTotals prepaidBefore = prepaid.totals();
        pay(sell(engagement, 600, 45_000));
        long odd = family.engagement(family.student(TestData.unique("Ben")), 4_999);
        pay(sell(odd, 60, 4_999));

        log(engagement, YESTERDAY, "09:00", 120);
        log(odd, YESTERDAY, "11:00", 75);

        PrepaidTotals after = prepaid.totals();
        assertThat(after.minutesLeft() - prepaidBefore.minutesLeft()).isEqualTo(480);
        // $450.00 × 480 / 600 = $360.00 left at the package's price; the $49.99 package is used up.
        assertThat(after.valueLeftMinor() - prepaidBefore.valueLeftMinor()).isEqualTo(36_000);
        // Only the 15 unprepaid minutes at $49.99 an hour are unbilled: $12.50.
        assertThat(payments.totals().unbilledMinor() - unbilledBefore).isEqualTo(1_250);
    }

    // ---- low-balance email ----

    @Test
    void the_low_balance_email_is_queued_once_per_package_when_what_is_left_falls_below_the_setting() {
        lowBalance.update(2, lowBalance.current().version());
        try {
            pay(sell(engagement, 180, 15_000));
            long packageId = prepaid.packagesOfEngagement(engagement).getFirst().packageId();
            com.tutordesk.mail.MailReference reference = new com.tutordesk.mail.MailReference(LowBalanceEmails.MAIL_TYPE,
                    packageId);

            log(engagement, YESTERDAY, "09:00", 45);
            assertThat(outbox.messagesFor(reference)).isEmpty();

            log(engagement, YESTERDAY, "11:00", 30);
            assertThat(outbox.messagesFor(reference)).singleElement()
                    .satisfies(message -> assertThat(message.subject()).contains("1 h 45 min left"));

            log(engagement, YESTERDAY, "14:00", 15);
            assertThat(outbox.messagesFor(reference)).hasSize(1);
        } finally {
            lowBalance.update(null, lowBalance.current().version());
        }
    }

    // ---- who sees what ----

    @Test
    void a_tutor_sees_packages_only_of_clients_they_added_with_enhanced_access() {
        long tutor = data.tutor(TestData.unique("Tutor"));
        data.setTutorEnhancedAccess(tutor, true);
        signIn.as(data.tutorLogin(tutor, "a-long-tutor-password-1"));
        assertThatThrownBy(() -> prepaid.packagesOfClient(family.clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> prepaid.packagesOfEngagement(engagement)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> refunds.refundToCard(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> refunds.refundManually(1, new ManualRefund(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(AccessDeniedException.class);

        jdbc.update("update clients set added_by_tutor_id = ? where id = ?", tutor, family.clientId);
        assertThat(prepaid.packagesOfClient(family.clientId)).isEmpty();
    }

    @Test
    void the_client_portal_reads_balances_of_the_clients_own_packages() {
        pay(sell(engagement, 600, 50_000));
        log(engagement, YESTERDAY, "09:00", 90);

        assertThat(prepaid.balancesOfClient(family.clientId)).singleElement().satisfies(balance -> {
            assertThat(balance.minutesBought()).isEqualTo(600);
            assertThat(balance.minutesUsed()).isEqualTo(90);
            assertThat(balance.minutesLeft()).isEqualTo(510);
            assertThat(balance.state()).isEqualTo(PackageState.ACTIVE);
        });
    }
}
