package com.tutordesk.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.session.PayableSession;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tutor's pay for a period: adjustments while open, approve, reopen with a reason, mark paid. */
class TutorPayTest {

    private static final PayPeriod NOVEMBER = new PayPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15));
    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static TutorPayLine line(long id, int minutes, long earnings, SessionStatus status) {
        return new TutorPayLine(new PayableSession(id, 7, Instant.parse("2026-11-03T21:00:00Z"),
                Instant.parse("2026-11-03T21:00:00Z").plusSeconds(minutes * 60L), minutes, status, "Zoë", "Algebra",
                4000, earnings), null);
    }

    private static TutorPay open() {
        return new TutorPay(7, NOVEMBER, "USD", NOW);
    }

    @Test
    void approval_fixes_the_totals_as_the_lines_sum_plus_the_adjustments_to_the_cent() {
        TutorPay pay = open();
        pay.addAdjustment(AdjustmentKind.BONUS, 2500, "Covered a colleague", 1L, NOW);
        pay.addAdjustment(AdjustmentKind.DEDUCTION, 1001, "Advance", 1L, NOW);
        pay.addAdjustment(AdjustmentKind.REIMBURSEMENT, 1234, "  Bus fare  ", 1L, NOW);
        pay.approve(List.of(line(1, 45, 3000, SessionStatus.COMPLETED), line(2, 60, 2000, SessionStatus.LATE_CANCELLED),
                line(3, 50, 3333, SessionStatus.COMPLETED)), "Ana", 1L, "Admin", NOW);
        assertThat(pay.getState()).isEqualTo(PayState.APPROVED);
        assertThat(pay.getSessionCount()).isEqualTo(3);
        assertThat(pay.getMinutes()).isEqualTo(155);
        assertThat(pay.getEarningsMinor()).isEqualTo(8333);
        assertThat(pay.getAdjustmentsMinor()).isEqualTo(2500 - 1001 + 1234);
        assertThat(pay.getTotalMinor()).isEqualTo(8333 + 2733);
        assertThat(pay.getLines()).extracting(TutorPayLine::isLateCancelled).containsExactly(false, true, false);
        assertThat(pay.getAdjustments()).extracting(PayAdjustment::getMemo).contains("Bus fare");
        assertThat(pay.getEvents()).extracting(TutorPayEvent::getAction).containsExactly(TutorPayEvent.Action.APPROVED);
    }

    @Test
    void approval_is_refused_when_deductions_would_make_the_total_negative() {
        TutorPay pay = open();
        pay.addAdjustment(AdjustmentKind.DEDUCTION, 5000, "Advance", 1L, NOW);
        assertThatThrownBy(() -> pay.approve(List.of(line(1, 60, 4000, SessionStatus.COMPLETED)), "Ana", 1L, "Admin",
                NOW)).isInstanceOf(RuleViolationException.class).hasMessageContaining("Ana").hasMessageContaining("below zero");
        assertThat(pay.getState()).isEqualTo(PayState.OPEN);
        assertThat(pay.getLines()).isEmpty();
    }

    @Test
    void adjustments_need_a_positive_amount_and_a_memo_and_change_only_while_open() {
        TutorPay pay = open();
        assertThatThrownBy(() -> pay.addAdjustment(AdjustmentKind.BONUS, 0, "x", 1L, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("amount");
        assertThatThrownBy(() -> pay.addAdjustment(AdjustmentKind.BONUS, 100, "   ", 1L, NOW))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("memo");
        assertThatThrownBy(() -> pay.addAdjustment(AdjustmentKind.BONUS, PayAdjustments.MAX_AMOUNT_MINOR + 1, "x", 1L,
                NOW)).isInstanceOf(InvalidFieldException.class);
        pay.approve(List.of(line(1, 60, 4000, SessionStatus.COMPLETED)), "Ana", 1L, "Admin", NOW);
        assertThatThrownBy(() -> pay.addAdjustment(AdjustmentKind.BONUS, 100, "Late bonus", 1L, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("approved — reopen the period first");
        assertThatThrownBy(() -> pay.approve(List.of(), "Ana", 1L, "Admin", NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void reopening_needs_a_reason_clears_the_lines_and_records_the_reason() {
        TutorPay pay = open();
        pay.approve(List.of(line(1, 60, 4000, SessionStatus.COMPLETED)), "Ana", 1L, "Admin", NOW);
        assertThatThrownBy(() -> pay.reopen("  ", 1L, "Admin", NOW)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("reason");
        assertThat(pay.getState()).isEqualTo(PayState.APPROVED);
        pay.reopen("Session 1 was logged with the wrong length", 1L, "Admin", NOW);
        assertThat(pay.getState()).isEqualTo(PayState.OPEN);
        assertThat(pay.getLines()).isEmpty();
        assertThat(pay.getTotalMinor()).isZero();
        assertThat(pay.getApprovedAt()).isNull();
        assertThat(pay.getEvents()).extracting(TutorPayEvent::getAction, TutorPayEvent::getDetails)
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple(TutorPayEvent.Action.REOPENED,
                        "Session 1 was logged with the wrong length"));
        assertThatThrownBy(() -> pay.reopen("again", 1L, "Admin", NOW)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void marking_paid_needs_an_approval_a_method_and_a_date_between_the_periods_start_and_today_and_is_final() {
        TutorPay pay = open();
        Payout payout = new Payout(LocalDate.of(2026, 11, 20), PayoutMethod.BANK_TRANSFER, " ACH-1 ");
        assertThatThrownBy(() -> pay.markPaid(payout, TODAY, 1L, "Admin", NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Approve");
        pay.approve(List.of(line(1, 60, 4000, SessionStatus.COMPLETED)), "Ana", 1L, "Admin", NOW);
        assertThatThrownBy(() -> pay.markPaid(new Payout(TODAY.plusDays(1), PayoutMethod.CASH, null), TODAY, 1L, "Admin",
                NOW)).isInstanceOf(InvalidFieldException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> pay.markPaid(new Payout(LocalDate.of(2026, 10, 31), PayoutMethod.CASH, null), TODAY, 1L,
                "Admin", NOW)).isInstanceOf(InvalidFieldException.class).hasMessageContaining("before the period");
        assertThatThrownBy(() -> pay.markPaid(new Payout(TODAY, null, null), TODAY, 1L, "Admin", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("method");
        pay.markPaid(payout, TODAY, 1L, "Admin", NOW);
        assertThat(pay.getState()).isEqualTo(PayState.PAID);
        assertThat(pay.getPaidReference()).isEqualTo("ACH-1");
        assertThatThrownBy(() -> pay.reopen("Wrong amount", 1L, "Admin", NOW)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("paid period cannot be reopened");
        assertThatThrownBy(() -> pay.markPaid(payout, TODAY, 1L, "Admin", NOW)).isInstanceOf(RuleViolationException.class);
    }
}
