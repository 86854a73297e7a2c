package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Payments figures against values computed by hand on a fixed dataset, and who may do what with
 * invoices (domain.md "Roles": admin / tutor with Enhanced Access on own clients / plain tutor).
 *
 * <p>Dataset: tutor T (Enhanced Access) added clients A and B; client C was added by the office.
 * Tutor U also teaches at A. Amounts are the sessions' stored client amounts:
 * <pre>
 * A: a1 T 60 min @ 60.00 = 60.00   a2 T 45 min @ 72.25 = 54.19   a3 U 90 min @ 80.00 = 120.00
 *    a4 T 50 min @ 45.00 = 37.50   a5 T 60 min @ 60.00 = 60.00   a6 U 30 min @ 80.00 = 40.00
 * B: b1 T 75 min @ 83.33 = 104.16  b2 T 60 min @ 83.33 = 83.33   b3 T late-cancelled 60 @ 50.00 = 50.00
 *    b4 T cancelled = 0 (never billable)
 * C: c1 T 60 min @ 100.00 = 100.00
 * I1 = A: a1 + a2 + a3 − 10.00 = 224.19, due Nov 25 → overdue on Nov 26
 * I2 = B: b1 = 104.16, due Dec 9 → outstanding
 * I3 = A: a4, a draft → in no invoice total; a4 is still unbilled (issue 12: a draft has billed nobody,
 *      and the sessions list counts it as unbilled too)
 * </pre>
 */
@IntegrationTest
class PaymentsServiceIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Instant NEXT_DAY = TestClock.START.plus(Duration.ofDays(1));

    @Autowired
    PaymentsService payments;

    @Autowired
    InvoiceIssuingService issuing;

    @Autowired
    InvoiceQueryService invoices;

    @Autowired
    InvoiceSettlementService settlement;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    DemoAccounts demo;
    long tutorT;
    String tutorTLogin;
    long tutorU;
    BillingFixture a;
    BillingFixture b;
    BillingFixture c;
    long a1, a2, a3, a4, a5, a6, b1, b2, b3, b4, c1;
    long i1, i2, i3;
    PaymentsTotals adminBefore;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        tutorT = data.tutor(TestData.unique("Tutor T"));
        data.setTutorEnhancedAccess(tutorT, true);
        tutorTLogin = data.tutorLogin(tutorT, "tutor-t-password");
        tutorU = data.tutor(TestData.unique("Tutor U"));

        // The admin's figures cover the whole shared database: measure them before, at the same instant.
        clock.set(NEXT_DAY);
        signIn.as(demo.adminEmail());
        adminBefore = payments.totals();
        clock.reset();

        a = BillingFixture.forTutor(jdbc, data, tutorT, tutorT);
        b = BillingFixture.forTutor(jdbc, data, tutorT, tutorT);
        c = BillingFixture.forTutor(jdbc, data, tutorT, null);
        Instant now = clock.instant();
        long aStudent = a.student(TestData.unique("Student A"));
        long aT60 = a.engagement(tutorT, aStudent, 6000);
        long aT7225 = a.engagement(tutorT, aStudent, 7225);
        long aT45 = a.engagement(tutorT, aStudent, 4500);
        long aU = a.engagement(tutorU, aStudent, 8000);
        a1 = a.session(aT60, now, 20, 60);
        a2 = a.session(aT7225, now, 19, 45);
        a3 = a.session(aU, now, 18, 90);
        a4 = a.session(aT45, now, 17, 50);
        a5 = a.session(aT60, now, 13, 60);
        a6 = a.session(aU, now, 12, 30);
        long bStudent = b.student(TestData.unique("Student B"));
        long bT = b.engagement(tutorT, bStudent, 8333);
        long bT50 = b.engagement(tutorT, bStudent, 5000);
        b1 = b.session(bT, now, 20, 75);
        b2 = b.session(bT, now, 13, 60);
        b3 = data.session(bT50, now.minus(Duration.ofDays(6)), 60, "LATE_CANCELLED");
        b4 = data.session(bT50, now.minus(Duration.ofDays(5)), 60, "CANCELLED");
        c1 = c.session(c.engagement(tutorT, c.student(TestData.unique("Student C")), 10000), now, 10, 60);

        i1 = issuing.create(new NewInvoice(a.clientId, List.of(a1, a2, a3), List.of(new NewInvoice.Adjustment("Discount", -1000)),
                TODAY, NewInvoice.Delivery.SEND_NOW, null));
        i2 = issuing.create(new NewInvoice(b.clientId, List.of(b1), null, TODAY.plusDays(14), NewInvoice.Delivery.SEND_NOW,
                null));
        i3 = issuing.create(new NewInvoice(a.clientId, List.of(a4), null, TODAY.plusDays(14), NewInvoice.Delivery.DRAFT,
                null));
        clock.set(NEXT_DAY);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    @Test
    void the_dataset_holds_the_amounts_the_comment_computes() {
        assertThat(List.of(a1, a2, a3, a4, a5, a6, b1, b2, b3, b4, c1)).extracting(a::amount)
                .containsExactly(6000L, 5419L, 12000L, 3750L, 6000L, 4000L, 10416L, 8333L, 5000L, 0L, 10000L);
        assertThat(invoices.details(i1).totalMinor()).isEqualTo(22419);
        assertThat(invoices.details(i2).totalMinor()).isEqualTo(10416);
    }

    @Test
    void an_admin_sees_the_new_figures_added_to_the_business_totals() {
        PaymentsTotals after = payments.totals();
        assertThat(after.overdueMinor() - adminBefore.overdueMinor()).isEqualTo(22419);
        assertThat(after.overdueCount() - adminBefore.overdueCount()).isEqualTo(1);
        assertThat(after.outstandingMinor() - adminBefore.outstandingMinor()).isEqualTo(10416);
        assertThat(after.outstandingCount() - adminBefore.outstandingCount()).isEqualTo(1);
        // a4 37.50 (on the draft) + a5 60.00 + a6 40.00 + b2 83.33 + b3 50.00 + c1 100.00
        assertThat(after.unbilledMinor() - adminBefore.unbilledMinor()).isEqualTo(37083);
        assertThat(after.unbilledCount() - adminBefore.unbilledCount()).isEqualTo(6);
        assertThat(payments.unbilledClients()).filteredOn(u -> u.clientId() == a.clientId).singleElement()
                .satisfies(u -> {
                    assertThat(u.sessions()).isEqualTo(3);
                    assertThat(u.amountMinor()).isEqualTo(13750);
                    // Issue 12: two clients may share a name; the billing contact tells them apart.
                    assertThat(u.label()).isEqualTo(u.clientName() + " · " + jdbc.queryForObject(
                            "select billing_contact_name from clients where id = ?", String.class, a.clientId));
                });
        assertThat(payments.list(new InvoiceFilter(InvoiceStatus.OVERDUE, a.clientId, null, null), 0, 50))
                .extracting(InvoiceRow::id).containsExactly(i1);
        assertThat(payments.list(new InvoiceFilter(null, a.clientId, null, null), 0, 50))
                .extracting(InvoiceRow::id, InvoiceRow::status, InvoiceRow::totalMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(i3, InvoiceStatus.DRAFT, 3750L),
                        org.assertj.core.groups.Tuple.tuple(i1, InvoiceStatus.OVERDUE, 22419L));
        assertThat(payments.count(new InvoiceFilter(InvoiceStatus.DRAFT, a.clientId, null, null))).isOne();
        assertThat(payments.list(new InvoiceFilter(null, b.clientId, TODAY, TODAY), 0, 50)).extracting(InvoiceRow::id)
                .containsExactly(i2);
        assertThat(payments.list(new InvoiceFilter(null, b.clientId, TODAY.plusDays(1), null), 0, 50)).isEmpty();
    }

    @Test
    void an_enhanced_access_tutor_sees_only_their_clients_and_their_own_sessions_figures() {
        signIn.as(tutorTLogin);
        PaymentsTotals totals = payments.totals();
        // I1 includes U's session: only T's lines count (60.00 + 54.19); I2 is all T's.
        assertThat(totals.overdueMinor()).isEqualTo(11419);
        assertThat(totals.overdueCount()).isEqualTo(1);
        assertThat(totals.outstandingMinor()).isEqualTo(10416);
        assertThat(totals.outstandingCount()).isEqualTo(1);
        // a4 37.50 (on the draft) + a5 60.00 + b2 83.33 + b3 50.00 (a6 is U's, c1 is the office's client)
        assertThat(totals.unbilledMinor()).isEqualTo(23083);
        assertThat(totals.unbilledCount()).isEqualTo(4);
        assertThat(payments.unbilledClients()).extracting(UnbilledClient::clientId, UnbilledClient::amountMinor)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a.clientId, 9750L),
                        org.assertj.core.groups.Tuple.tuple(b.clientId, 13333L));
        List<InvoiceRow> rows = payments.list(InvoiceFilter.NONE, 0, 50);
        assertThat(rows).extracting(InvoiceRow::id).containsExactly(i3, i2, i1);
        assertThat(rows.get(2).totalMinor()).as("I1 total hidden: it includes U's session").isNull();
        assertThat(rows.get(2).ownMinor()).isEqualTo(11419);
        assertThat(rows.get(1).totalMinor()).isEqualTo(10416);
    }

    @Test
    void a_plain_tutor_gets_not_found_for_everything_billing() {
        signIn.as(demo.plainTutorEmail());
        assertThat(payments.mayUse()).isFalse();
        assertThatThrownBy(() -> payments.totals()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.list(InvoiceFilter.NONE, 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> payments.unbilledClients()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.details(i2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.pdf(i2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.candidates(b.clientId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> issuing.create(new NewInvoice(b.clientId, List.of(b2), null, TODAY.plusDays(14),
                NewInvoice.Delivery.DRAFT, null))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> settlement.markPaid(i2, new ManualPayment(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> issuing.resend(i2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> settlement.cancel(i2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> settlement.deleteDraft(i3)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> invoices.details(i2 + 1_000_000)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_enhanced_access_tutor_naming_another_tutors_session_learns_no_more_than_for_a_missing_id() {
        signIn.as(tutorTLogin);
        long missing = a6 + 100_000_000L;
        // a3: another tutor's session on an invoice; a6: another tutor's unbilled session; both of T's client A.
        for (long id : List.of(a3, a6, missing)) {
            assertThatThrownBy(() -> issuing.create(new NewInvoice(a.clientId, List.of(a5, id), null,
                    TODAY.plusDays(14), NewInvoice.Delivery.DRAFT, null)))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage("Session " + id + " is not a session of this client");
        }
        assertThat(a.billingState(a6)).isEqualTo("UNBILLED");
    }

    @Test
    void an_enhanced_access_tutor_bills_own_clients_for_own_sessions_but_cannot_cancel() {
        signIn.as(tutorTLogin);
        assertThat(payments.mayUse()).isTrue();
        InvoiceDetails mixed = invoices.details(i1);
        assertThat(mixed.lines()).filteredOn(l -> l.sessionId() == a3).singleElement().satisfies(l -> {
            assertThat(l.amountMinor()).isNull();
            assertThat(l.rateMinor()).isNull();
        });
        assertThat(mixed.lines()).filteredOn(l -> l.sessionId() == a1).singleElement()
                .satisfies(l -> assertThat(l.amountMinor()).isEqualTo(6000));
        assertThat(mixed.totalMinor()).isNull();
        assertThat(mixed.linesTotalMinor()).isNull();
        assertThat(mixed.ownLinesMinor()).isEqualTo(11419);
        assertThat(mixed.allowed().downloadPdf()).isFalse();
        assertThat(mixed.allowed().cancel()).isFalse();
        // Issue 12: the total is hidden from the tutor, so they cannot confirm it was received.
        assertThat(mixed.allowed().markPaid()).isFalse();
        assertThatThrownBy(() -> settlement.markPaid(i1, new ManualPayment(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("ask the office");
        assertThat(invoices.details(i1).state()).isEqualTo(InvoiceState.OPEN);
        assertThatThrownBy(() -> invoices.pdf(i1)).isInstanceOf(RuleViolationException.class);
        // Emailing it would deliver the whole PDF to a billing address the tutor may have edited.
        assertThat(mixed.allowed().resend()).isFalse();
        assertThatThrownBy(() -> issuing.resend(i1)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("ask the office");
        assertThatThrownBy(() -> settlement.cancel(i2)).isInstanceOf(AccessDeniedException.class);

        assertThat(invoices.candidates(a.clientId).sessions()).extracting(s -> s.id()).containsExactly(a5);
        assertThatThrownBy(() -> issuing.create(new NewInvoice(a.clientId, List.of(a5, a6), null, TODAY.plusDays(14),
                NewInvoice.Delivery.DRAFT, null))).isInstanceOf(RuleViolationException.class);
        long own = issuing.create(new NewInvoice(a.clientId, List.of(a5), null, TODAY.plusDays(15),
                NewInvoice.Delivery.SEND_NOW, null));
        assertThat(invoices.details(own).totalMinor()).isEqualTo(6000);
        assertThat(invoices.pdf(own)).isNotEmpty();
        settlement.markPaid(i2, new ManualPayment(PaymentMethod.BANK_TRANSFER, TODAY.plusDays(1), "TR-77"));
        assertThat(invoices.details(i2).state()).isEqualTo(InvoiceState.PAID);

        // The office's client C and another tutor's view are "not found", like a missing id.
        assertThatThrownBy(() -> invoices.candidates(c.clientId)).isInstanceOf(NotFoundException.class);
        signIn.as(demo.adminEmail());
        long officeInvoice = issuing.create(new NewInvoice(c.clientId, List.of(c1), null, TODAY.plusDays(14),
                NewInvoice.Delivery.SEND_NOW, null));
        signIn.as(tutorTLogin);
        assertThatThrownBy(() -> invoices.details(officeInvoice)).isInstanceOf(NotFoundException.class);
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> invoices.details(i2)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> settlement.markPaid(i1, new ManualPayment(PaymentMethod.CASH, TODAY, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_admin_may_do_everything_including_cancel() {
        InvoiceDetails mixed = invoices.details(i1);
        assertThat(mixed.totalMinor()).isEqualTo(22419);
        assertThat(mixed.ownLinesMinor()).isNull();
        assertThat(mixed.allowed()).isEqualTo(new InvoiceDetails.Actions(true, true, true, true, false, false));
        assertThat(invoices.details(i3).allowed()).isEqualTo(new InvoiceDetails.Actions(true, false, false, false, true, true));
        assertThat(invoices.pdf(i1)).isNotEmpty();
        assertThat(settlement.cancel(i1)).isEqualTo(3);
        issuing.sendNow(i3);
        assertThat(invoices.details(i3).state()).isEqualTo(InvoiceState.OPEN);
        assertThat(invoices.details(i3).issueDate()).isEqualTo(TODAY.plusDays(1));
    }
}
