package com.tutordesk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.BusinessTime;
import com.tutordesk.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rules of logging that need no database: status by time, weekly dates, amounts. */
class SessionLoggingRulesTest {

    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    @Test
    void a_past_or_current_start_is_completed_a_future_one_scheduled_and_cancelled_wins() {
        assertThat(SessionLoggingService.statusFor(false, NOW.minusSeconds(60), NOW)).isEqualTo(SessionStatus.COMPLETED);
        assertThat(SessionLoggingService.statusFor(false, NOW, NOW)).isEqualTo(SessionStatus.COMPLETED);
        assertThat(SessionLoggingService.statusFor(false, NOW.plusSeconds(60), NOW)).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(SessionLoggingService.statusFor(true, NOW.plusSeconds(60), NOW)).isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void weekly_repeats_run_for_n_weeks_or_until_a_date_and_at_most_52() {
        LocalDate first = LocalDate.parse("2026-10-20");
        assertThat(SessionLoggingService.weeklyDates(first, 3, null))
                .containsExactly(first, first.plusWeeks(1), first.plusWeeks(2));
        assertThat(SessionLoggingService.weeklyDates(first, null, LocalDate.parse("2026-11-09")))
                .containsExactly(first, first.plusWeeks(1), first.plusWeeks(2));
        assertThat(SessionLoggingService.weeklyDates(first, 52, null)).hasSize(52);
        assertThatThrownBy(() -> SessionLoggingService.weeklyDates(first, 53, null)).hasMessageContaining("52");
        assertThatThrownBy(() -> SessionLoggingService.weeklyDates(first, null, first.plusWeeks(60)))
                .hasMessageContaining("at most 52");
        assertThatThrownBy(() -> SessionLoggingService.weeklyDates(first, null, first.minusDays(1)))
                .hasMessageContaining("before the first");
    }

    @Test
    void a_weekly_repeat_keeps_its_wall_clock_time_across_the_dst_change() {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<LocalDate> dates = SessionLoggingService.weeklyDates(LocalDate.parse("2026-10-27"), 3, null);
        List<Instant> starts = dates.stream()
                .map(d -> BusinessTime.resolve(d, LocalTime.parse("16:30"), newYork, Locale.US).instant())
                .toList();
        // 4:30 PM EDT (UTC-4) before Nov 1, 4:30 PM EST (UTC-5) after: 21:30Z and 21:30Z, not 20:30Z.
        assertThat(starts).containsExactly(Instant.parse("2026-10-27T20:30:00Z"), Instant.parse("2026-11-03T21:30:00Z"),
                Instant.parse("2026-11-10T21:30:00Z"));
        assertThat(starts.get(1).atZone(newYork).toLocalTime()).isEqualTo(LocalTime.parse("16:30"));
    }

    @Test
    void amounts_come_from_minutes_never_from_rounded_hours() {
        assertThat(Money.forMinutes(4500, 50)).isEqualTo(3750);      // 50 min at 45.00/h = 37.50
        assertThat(Money.forMinutes(2750, 7)).isEqualTo(321);        // 7 min at 27.50/h = 3.2083 → 3.21
        assertThat(Money.forMinutes(3333, 45)).isEqualTo(2500);      // 45 min at 33.33/h = 24.9975 → 25.00
        assertThat(Money.forMinutes(6789, 95)).isEqualTo(10749);     // 95 min at 67.89/h = 107.4925 → 107.49
        assertThat(Money.forMinutes(5000, 50)).isEqualTo(4167);      // JPY 5,000/h for 50 min = 4,166.67 → 4,167
    }
}
