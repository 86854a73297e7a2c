package com.tutordesk.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.PayFrequency;
import com.tutordesk.settings.PaySchedule;
import com.tutordesk.shared.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Pay period arithmetic: the four kinds, anchors, month ends and periods across DST changes. */
class PayCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static PayCalendar calendar(PayFrequency frequency, String anchor) {
        return new PayCalendar(new PaySchedule(frequency, LocalDate.parse(anchor)));
    }

    private static PayPeriod period(String start, String end) {
        return new PayPeriod(LocalDate.parse(start), LocalDate.parse(end));
    }

    private static PayPeriod containing(PayCalendar calendar, String date) {
        return calendar.containing(LocalDate.parse(date));
    }

    @Test
    void weekly_periods_are_seven_days_from_the_anchor_also_before_it() {
        PayCalendar weekly = calendar(PayFrequency.WEEKLY, "2026-01-05");
        assertThat(containing(weekly, "2026-01-05")).isEqualTo(period("2026-01-05", "2026-01-11"));
        assertThat(containing(weekly, "2026-01-11")).isEqualTo(period("2026-01-05", "2026-01-11"));
        assertThat(containing(weekly, "2026-01-12")).isEqualTo(period("2026-01-12", "2026-01-18"));
        assertThat(containing(weekly, "2026-01-04")).isEqualTo(period("2025-12-29", "2026-01-04"));
        assertThat(containing(weekly, "2026-11-25")).isEqualTo(period("2026-11-23", "2026-11-29"));
    }

    @Test
    void every_two_weeks_counts_fourteen_days_from_the_anchor_across_month_and_year_ends() {
        PayCalendar biweekly = calendar(PayFrequency.EVERY_TWO_WEEKS, "2026-01-05");
        assertThat(containing(biweekly, "2026-01-18")).isEqualTo(period("2026-01-05", "2026-01-18"));
        assertThat(containing(biweekly, "2026-01-19")).isEqualTo(period("2026-01-19", "2026-02-01"));
        assertThat(containing(biweekly, "2025-12-25")).isEqualTo(period("2025-12-22", "2026-01-04"));
        assertThat(containing(biweekly, "2026-12-31")).isEqualTo(period("2026-12-21", "2027-01-03"));
    }

    @Test
    void twice_a_month_runs_from_the_1st_to_the_15th_and_from_the_16th_to_the_months_last_day() {
        PayCalendar twice = calendar(PayFrequency.TWICE_A_MONTH, "2026-01-01");
        assertThat(containing(twice, "2026-11-15")).isEqualTo(period("2026-11-01", "2026-11-15"));
        assertThat(containing(twice, "2026-11-16")).isEqualTo(period("2026-11-16", "2026-11-30"));
        assertThat(containing(twice, "2026-01-31")).isEqualTo(period("2026-01-16", "2026-01-31"));
        assertThat(containing(twice, "2026-02-20")).isEqualTo(period("2026-02-16", "2026-02-28"));
        assertThat(containing(twice, "2028-02-29")).isEqualTo(period("2028-02-16", "2028-02-29"));
        assertThat(twice.next(period("2026-02-16", "2026-02-28"))).isEqualTo(period("2026-03-01", "2026-03-15"));
        assertThat(twice.previous(period("2026-03-01", "2026-03-15"))).isEqualTo(period("2026-02-16", "2026-02-28"));
    }

    @Test
    void twice_a_month_accepts_only_the_1st_or_the_16th_as_anchor() {
        assertThatThrownBy(() -> new PaySchedule(PayFrequency.TWICE_A_MONTH, LocalDate.of(2026, 1, 10)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("1st or a 16th")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("payAnchor");
        assertThat(new PaySchedule(PayFrequency.TWICE_A_MONTH, LocalDate.of(2026, 1, 16)).anchor().getDayOfMonth())
                .isEqualTo(16);
    }

    @Test
    void monthly_periods_start_on_the_anchors_day_and_on_the_last_day_of_shorter_months() {
        PayCalendar first = calendar(PayFrequency.MONTHLY, "2026-01-01");
        assertThat(containing(first, "2026-02-28")).isEqualTo(period("2026-02-01", "2026-02-28"));
        assertThat(containing(first, "2026-12-31")).isEqualTo(period("2026-12-01", "2026-12-31"));

        PayCalendar fifteenth = calendar(PayFrequency.MONTHLY, "2026-01-15");
        assertThat(containing(fifteenth, "2026-02-14")).isEqualTo(period("2026-01-15", "2026-02-14"));
        assertThat(containing(fifteenth, "2026-02-15")).isEqualTo(period("2026-02-15", "2026-03-14"));

        PayCalendar last = calendar(PayFrequency.MONTHLY, "2026-01-31");
        assertThat(containing(last, "2026-02-10")).isEqualTo(period("2026-01-31", "2026-02-27"));
        assertThat(containing(last, "2026-02-28")).isEqualTo(period("2026-02-28", "2026-03-30"));
        assertThat(containing(last, "2026-04-29")).isEqualTo(period("2026-03-31", "2026-04-29"));
        assertThat(containing(last, "2026-04-30")).isEqualTo(period("2026-04-30", "2026-05-30"));
        assertThat(containing(last, "2028-02-29")).isEqualTo(period("2028-02-29", "2028-03-30"));
    }

    @Test
    void every_kind_tiles_the_calendar_without_gaps_or_overlaps_for_three_years() {
        PayCalendar[] calendars = {calendar(PayFrequency.WEEKLY, "2026-03-04"),
                calendar(PayFrequency.EVERY_TWO_WEEKS, "2027-06-30"), calendar(PayFrequency.TWICE_A_MONTH, "2026-01-16"),
                calendar(PayFrequency.MONTHLY, "2026-01-29"), calendar(PayFrequency.MONTHLY, "2026-01-31")};
        for (PayCalendar calendar : calendars) {
            PayPeriod period = containing(calendar, "2025-12-20");
            for (LocalDate day = LocalDate.of(2025, 12, 20); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
                if (!period.contains(day)) {
                    PayPeriod next = calendar.next(period);
                    assertThat(next.start()).as("%s after %s", calendar.schedule(), period).isEqualTo(period.end().plusDays(1));
                    assertThat(calendar.previous(next)).isEqualTo(period);
                    period = next;
                }
                assertThat(calendar.containing(day)).as("%s on %s", calendar.schedule(), day).isEqualTo(period);
                assertThat(calendar.isPeriod(period)).isTrue();
            }
        }
    }

    @Test
    void a_period_spans_its_days_in_the_business_zone_so_11_30_pm_on_the_last_day_is_inside_also_across_dst() {
        // Fall back on Sunday Nov 1, 2026: the period Nov 1–15 is 15 days and one hour long.
        PayPeriod november = period("2026-11-01", "2026-11-15");
        assertThat(november.from(NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.to(NEW_YORK)).isEqualTo(Instant.parse("2026-11-16T05:00:00Z"));
        assertThat(Duration.between(november.from(NEW_YORK), november.to(NEW_YORK)).toHours()).isEqualTo(15 * 24 + 1);
        Instant lastDayLate = LocalDateTime.parse("2026-11-15T23:30").atZone(NEW_YORK).toInstant();
        assertThat(lastDayLate).isEqualTo(Instant.parse("2026-11-16T04:30:00Z"));
        assertThat(lastDayLate).isBefore(november.to(NEW_YORK));
        // 11:30 PM on Oct 31 (still summer time) is Nov 1 in UTC, yet belongs to Oct 16–31.
        PayPeriod october = period("2026-10-16", "2026-10-31");
        Instant halloweenLate = LocalDateTime.parse("2026-10-31T23:30").atZone(NEW_YORK).toInstant();
        assertThat(halloweenLate).isEqualTo(Instant.parse("2026-11-01T03:30:00Z"));
        assertThat(halloweenLate).isBefore(october.to(NEW_YORK)).isAfterOrEqualTo(october.from(NEW_YORK));
        assertThat(october.to(NEW_YORK)).isEqualTo(november.from(NEW_YORK));
        // Spring forward on Sunday Mar 8, 2026: Mar 1–15 is an hour short.
        PayPeriod march = period("2026-03-01", "2026-03-15");
        assertThat(Duration.between(march.from(NEW_YORK), march.to(NEW_YORK)).toHours()).isEqualTo(15 * 24 - 1);
        Instant marchLate = LocalDateTime.parse("2026-03-15T23:30").atZone(NEW_YORK).toInstant();
        assertThat(marchLate).isBefore(march.to(NEW_YORK));
    }

    @Test
    void consecutive_periods_meet_at_local_midnight_in_zones_whose_clocks_skip_midnight() {
        // Santiago moves its clocks at midnight: some days start at 01:00. A period starts at the day's first instant.
        ZoneId santiago = ZoneId.of("America/Santiago");
        PayCalendar weekly = calendar(PayFrequency.WEEKLY, "2026-01-04");
        PayPeriod period = containing(weekly, "2026-01-01");
        for (int i = 0; i < 120; i++) {
            PayPeriod next = weekly.next(period);
            assertThat(period.to(santiago)).isEqualTo(next.from(santiago));
            assertThat(next.from(santiago).atZone(santiago).toLocalDate()).isEqualTo(next.start());
            assertThat(next.from(santiago).minusNanos(1).atZone(santiago).toLocalDate()).isEqualTo(period.end());
            period = next;
        }
    }

    @Test
    void a_period_ends_on_or_after_its_first_day() {
        assertThatThrownBy(() -> period("2026-11-16", "2026-11-15")).isInstanceOf(IllegalArgumentException.class);
        assertThat(period("2026-11-16", "2026-11-16").days()).isEqualTo(1);
        assertThat(period("2026-11-16", "2026-11-30").hasEndedBy(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(period("2026-11-16", "2026-11-30").hasEndedBy(LocalDate.of(2026, 12, 1))).isTrue();
    }
}
