package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTotalsTest {

    @Test
    void the_total_adds_each_sessions_rounded_amount_never_the_hours() {
        // Three 20-minute sessions at 50.00/h: each is 16.67 (16.666… rounded once), so the invoice is
        // 50.01 — what the sessions list shows summed — and not 50.00 from one hour at 50.00.
        long line = Money.forMinutes(5000, 20);
        assertThat(line).isEqualTo(1667);
        InvoiceTotals totals = InvoiceTotals.of(List.of(line, line, line), List.of());
        assertThat(totals.linesMinor()).isEqualTo(5001);
        assertThat(totals.totalMinor()).isEqualTo(5001);
    }

    @Test
    void many_lines_with_odd_rates_and_minutes_and_signed_adjustments_add_up_to_the_cent() {
        long[] rates = {4500, 2750, 8333, 7225, 6000, 999, 12000};
        int[] minutes = {50, 7, 75, 45, 60, 1, 95};
        List<Long> lines = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < 140; i++) {
            long amount = Money.forMinutes(rates[i % rates.length], minutes[i % minutes.length]);
            lines.add(amount);
            expected += amount;
        }
        // Spot checks of the rounding each line carries (domain.md examples).
        assertThat(Money.forMinutes(4500, 50)).isEqualTo(3750);
        assertThat(Money.forMinutes(2750, 7)).isEqualTo(321);
        assertThat(Money.forMinutes(8333, 75)).isEqualTo(10416);
        assertThat(Money.forMinutes(999, 1)).isEqualTo(17);

        InvoiceTotals totals = InvoiceTotals.of(lines, List.of(-1000L, 1125L, -1L));
        assertThat(totals.linesMinor()).isEqualTo(expected);
        assertThat(totals.adjustmentsMinor()).isEqualTo(124);
        assertThat(totals.totalMinor()).isEqualTo(expected + 124);
        assertThat(totals.negative()).isFalse();
    }

    @Test
    void adjustments_may_bring_the_total_to_zero_and_below_zero_is_flagged() {
        assertThat(InvoiceTotals.of(List.of(6000L), List.of(-6000L)).totalMinor()).isZero();
        InvoiceTotals below = InvoiceTotals.of(List.of(6000L, 1L), List.of(-6002L));
        assertThat(below.totalMinor()).isEqualTo(-1);
        assertThat(below.negative()).isTrue();
        assertThat(InvoiceTotals.of(List.of(), List.of()).totalMinor()).isZero();
    }

    @Test
    void sums_that_would_overflow_are_refused_instead_of_wrapping_around() {
        assertThatThrownBy(() -> InvoiceTotals.of(List.of(Long.MAX_VALUE, 1L), List.of()))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> InvoiceTotals.of(List.of(Long.MAX_VALUE), List.of(1L)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void invoice_numbers_have_six_digits_and_grow_past_them() {
        assertThat(Invoice.formatNumber(123)).isEqualTo("INV-000123");
        assertThat(Invoice.formatNumber(1)).isEqualTo("INV-000001");
        assertThat(Invoice.formatNumber(1_234_567)).isEqualTo("INV-1234567");
    }

    @Test
    void invoices_are_printed_on_letter_paper_in_the_united_states_and_canada_and_on_a4_elsewhere() {
        // Issue 12: an en-US business got A4 PDFs. Points: Letter 612 × 792, A4 595 × 842.
        for (java.util.Locale letter : List.of(java.util.Locale.US, java.util.Locale.CANADA, java.util.Locale.CANADA_FRENCH)) {
            assertThat(InvoicePdf.paperSize(letter).getWidth()).as(letter.toString()).isEqualTo(612);
            assertThat(InvoicePdf.paperSize(letter).getHeight()).as(letter.toString()).isEqualTo(792);
        }
        for (java.util.Locale a4 : List.of(java.util.Locale.UK, java.util.Locale.GERMANY, java.util.Locale.FRANCE,
                java.util.Locale.ENGLISH)) {
            assertThat(InvoicePdf.paperSize(a4).getWidth()).as(a4.toString()).isEqualTo(595);
            assertThat(InvoicePdf.paperSize(a4).getHeight()).as(a4.toString()).isEqualTo(842);
        }
    }
}
