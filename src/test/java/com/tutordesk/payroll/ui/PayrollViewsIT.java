package com.tutordesk.payroll.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.payroll.PayState;
import com.tutordesk.payroll.PayoutMethod;
import com.tutordesk.session.SessionWorld;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Payroll page, a statement and My pay per role. Uses the pay periods of January 2023 (nobody
 * else's), so that approving them touches only this test's tutors.
 */
@IntegrationTest
class PayrollViewsIT extends SpringBrowserlessTest {

    static final LocalDate JAN_1 = LocalDate.of(2023, 1, 1);
    static final LocalDate JAN_16 = LocalDate.of(2023, 1, 16);

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    TestClock clock;

    SessionWorld world;

    @BeforeEach
    void setUp() {
        clock.reset();
        world = new SessionWorld(data, jdbc, false);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/New_York")).toInstant();
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void an_admin_sees_one_row_per_tutor_with_footer_totals_approves_the_period_and_opens_a_statement() {
        world.session(ny("2023-01-03T16:00"), 60, "COMPLETED");
        world.session(ny("2023-01-05T16:00"), 45, "COMPLETED");
        world.otherTutorsSession(ny("2023-01-04T16:00"), 90);
        signIn.as(world.adminEmail);

        navigate(PayrollView.class);
        com.vaadin.flow.component.UI.getCurrent().navigate(PayrollView.class,
                com.vaadin.flow.router.QueryParameters.of("period", "2023-01-09"));
        PayrollView view = (PayrollView) getCurrentView();
        assertThat(view.periodSelect.getValue().period().start()).isEqualTo(JAN_1);
        var grid = test(view.grid);
        assertThat(grid.size()).isEqualTo(2);
        int row = grid.getRow(0).tutorId() == world.tutorId ? 0 : 1;
        assertThat(grid.getCellText(row, 1)).isEqualTo("2");
        assertThat(grid.getCellText(row, 2)).isEqualTo("1:45");
        assertThat(grid.getCellText(row, 3)).isEqualTo("$70.00");
        assertThat(grid.getCellText(row, 6)).isEqualTo("Open");
        assertThat(grid.getFooterCell(2)).isEqualTo("3:15");
        assertThat(grid.getFooterCell(5)).isEqualTo("$145.00");
        assertThat(view.approveAll.isVisible()).isTrue();

        test(view.approveAll).click();
        roundTrip();
        test(view.approveDialog).confirm();
        assertThat(test(view.grid).getRow(0).state()).isEqualTo(PayState.APPROVED);
        assertThat(test(view.grid).getRow(1).state()).isEqualTo(PayState.APPROVED);
        assertThat(view.approveAll.isVisible()).isFalse();
        assertThat(view.reopenAll.isVisible()).isTrue();

        test(view.grid).clickRow(row);
        assertThat(getCurrentView()).isInstanceOf(PayStatementView.class);
        PayStatementView statement = (PayStatementView) getCurrentView();
        assertThat(text()).contains("Pay statement · " + world.tutorName, "Jan 1, 2023 – Jan 15, 2023", "Approved on",
                "Sessions (2, 1:45 h)$70.00");
        assertThat(test(statement.lines).getCellText(1, 1)).isEqualTo(world.studentName);
        assertThat(test(statement.lines).getCellText(1, 4)).isEqualTo("$40.00/h");
        assertThat(test(statement.lines).getCellText(1, 5)).isEqualTo("$30.00");
    }

    @Test
    void an_admin_adjusts_approves_and_marks_a_tutor_paid_on_the_statement_and_the_tutor_sees_it() {
        world.session(ny("2023-01-17T16:00"), 60, "COMPLETED");
        signIn.as(world.adminEmail);
        PayStatementView view = navigate("pay-statements/" + world.tutorId + "/" + JAN_16, PayStatementView.class);
        assertThat(view.approve.isVisible()).isTrue();
        assertThat(view.markPaid.isVisible()).isFalse();

        test(view.adjustmentKind).selectItem("Reimbursement");
        test(view.adjustmentAmount).setValue(new BigDecimal("12.34"));
        test(view.adjustmentMemo).setValue("Bus fare");
        test(view.addAdjustment).click();
        assertThat(text()).contains("Reimbursement: Bus fare · $12.34", "$52.34");
        test(view.adjustmentMemo).setValue("");
        test(view.adjustmentAmount).setValue(new BigDecimal("5"));
        test(view.addAdjustment).click();
        assertThat(view.adjustmentMemo.isInvalid()).isTrue();

        test(view.approve).click();
        assertThat(text()).contains("Approved on");
        assertThat(view.markPaid.isVisible()).isTrue();
        test(view.markPaid).click();
        roundTrip();
        view.payoutMethod.setValue(PayoutMethod.CHEQUE);
        view.payoutDate.setValue(LocalDate.of(2023, 2, 1));
        test(view.payoutReference).setValue("Chq 2201");
        test($(com.vaadin.flow.component.button.Button.class).id("confirm-payout")).click();
        assertThat(text()).contains("Paid on Feb 1, 2023 · Cheque · ref. Chq 2201");
        assertThat(view.reopen.isVisible()).isFalse();

        signIn.as(world.tutorEmail);
        PayStatementView mine = navigate("pay-statements/" + world.tutorId + "/" + JAN_16, PayStatementView.class);
        assertThat(text()).contains("Paid on Feb 1, 2023", "Bus fare", "$52.34", "← My pay");
        assertThat(test(mine.lines).getCellText(0, 1)).isEqualTo(world.studentName);
        assertThat(text()).doesNotContain("Add adjustment");
        MyPayView myPay = navigate("my-pay", MyPayView.class);
        assertThat(test(myPay.grid).getRow(test(myPay.grid).size() - 1).period().start()).isEqualTo(JAN_16);
        assertThat(text()).contains("Unpaid", "This period so far");
    }

    @Test
    void a_tutor_who_opens_another_tutors_statement_gets_the_same_not_found_as_for_a_missing_one() {
        world.otherTutorsSession(ny("2023-01-18T16:00"), 60);
        signIn.as(world.tutorEmail);
        navigate("pay-statements/" + world.otherTutorId + "/" + JAN_16, com.vaadin.flow.component.Component.class);
        String other = text();
        navigate("pay-statements/" + (world.otherTutorId + 1_000_000) + "/" + JAN_16,
                com.vaadin.flow.component.Component.class);
        assertThat(other).contains("Not found").isEqualTo(text());
        navigate("pay-statements/" + world.tutorId + "/2023-01-17", com.vaadin.flow.component.Component.class);
        assertThat(text()).isEqualTo(other);
        navigate("payroll", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(PayrollView.class);
    }
}
