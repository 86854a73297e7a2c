package com.tutordesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InvoiceDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void the_default_due_date_is_the_issue_date_plus_fourteen_days() {
        assertThat(InvoiceDates.defaultDueDate(TODAY, 14)).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(InvoiceDates.defaultDueDate(LocalDate.of(2026, 12, 25), 14)).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(InvoiceDates.defaultDueDate(LocalDate.of(2028, 2, 20), 14)).as("leap year")
                .isEqualTo(LocalDate.of(2028, 3, 5));
        assertThat(new BillingProperties(9, 14, null).dueDays()).isEqualTo(14);
    }

    @Test
    void a_due_date_before_the_send_date_is_refused() {
        LocalDate sendOn = TODAY.plusDays(5);
        assertThatThrownBy(() -> InvoiceDates.check(TODAY, sendOn, sendOn.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Due date must not be before the send date");
        assertThatCode(() -> InvoiceDates.check(TODAY, sendOn, sendOn)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InvoiceDates.check(TODAY, TODAY, TODAY.plusDays(14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Send date must be after today");
        assertThatThrownBy(() -> InvoiceDates.check(TODAY, null, TODAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Due date must not be before the issue date");
        assertThatCode(() -> InvoiceDates.check(TODAY, null, TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> InvoiceDates.check(TODAY, null, null)).hasMessage("Due date is required");
    }

    @Test
    void a_scheduled_send_runs_at_the_send_hour_on_the_business_wall_clock_across_dst() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(InvoiceDates.sendInstant(LocalDate.of(2026, 12, 1), 9, newYork))
                .isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(InvoiceDates.sendInstant(LocalDate.of(2027, 7, 1), 9, newYork))
                .isEqualTo(Instant.parse("2027-07-01T13:00:00Z"));
        // 2:00 on the spring-forward day does not exist; the wall clock reads 3:00 then.
        assertThat(InvoiceDates.sendInstant(LocalDate.of(2027, 3, 14), 2, newYork))
                .isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
    }

    @Test
    void an_open_invoice_is_overdue_from_the_day_after_its_due_date() {
        assertThat(InvoiceDates.overdue(TODAY, TODAY)).isFalse();
        assertThat(InvoiceDates.overdue(TODAY, TODAY.plusDays(1))).isTrue();
    }

    @Test
    void the_send_hour_must_be_an_hour_of_the_day() {
        assertThatThrownBy(() -> new BillingProperties(24, 14, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send-hour");
    }
}
