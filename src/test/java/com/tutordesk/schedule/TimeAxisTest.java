package com.tutordesk.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar rows on DST days: 23 and 25 hours, each session placed by its own offset. */
class TimeAxisTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate FALL_BACK = LocalDate.parse("2026-11-01");
    static final LocalDate SPRING_FORWARD = LocalDate.parse("2026-03-08");

    @Test
    void an_ordinary_day_has_24_rows_from_midnight() {
        TimeAxis axis = TimeAxis.of(List.of(LocalDate.parse("2026-11-25")), NEW_YORK);
        assertThat(axis.rows()).hasSize(24);
        assertThat(axis.position(LocalDate.parse("2026-11-25"), Instant.parse("2026-11-25T21:30:00Z")))
                .isEqualTo(16.5);
    }

    @Test
    void the_fall_back_day_has_25_rows_and_the_two_1_30_am_are_an_hour_apart() {
        TimeAxis axis = TimeAxis.of(List.of(FALL_BACK), NEW_YORK);
        assertThat(axis.rows()).hasSize(25).contains(new TimeAxis.Row(1, 0), new TimeAxis.Row(1, 1));
        assertThat(axis.position(FALL_BACK, Instant.parse("2026-11-01T05:30:00Z"))).isEqualTo(1.5);
        assertThat(axis.position(FALL_BACK, Instant.parse("2026-11-01T06:30:00Z"))).isEqualTo(2.5);
        assertThat(axis.instantAt(FALL_BACK, 2.5, 15)).contains(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(axis.hoursOf(FALL_BACK).get(2).offset().getId()).isEqualTo("-05:00");
        // The day ends 25 hours after it began.
        assertThat(axis.position(FALL_BACK, Instant.parse("2026-11-02T05:00:00Z"))).isEqualTo(25);
    }

    @Test
    void the_spring_forward_day_has_23_rows_and_no_2_am() {
        TimeAxis day = TimeAxis.of(List.of(SPRING_FORWARD), NEW_YORK);
        assertThat(day.rows()).hasSize(23).doesNotContain(new TimeAxis.Row(2, 0));
        assertThat(day.position(SPRING_FORWARD, Instant.parse("2026-03-08T07:00:00Z"))).as("3 AM EDT").isEqualTo(2);
    }

    @Test
    void in_a_week_the_missing_hour_is_a_row_that_does_not_exist_on_that_day() {
        List<LocalDate> week = SPRING_FORWARD.datesUntil(SPRING_FORWARD.plusDays(7)).toList();
        TimeAxis axis = TimeAxis.of(week, NEW_YORK);
        TimeAxis.Row twoAm = new TimeAxis.Row(2, 0);
        assertThat(axis.rows()).hasSize(24).contains(twoAm);
        assertThat(axis.exists(SPRING_FORWARD, twoAm)).isFalse();
        assertThat(axis.exists(SPRING_FORWARD.plusDays(1), twoAm)).isTrue();
        assertThat(axis.instantAt(SPRING_FORWARD, 2.5, 15)).isEmpty();
        assertThat(axis.instantAt(SPRING_FORWARD.plusDays(1), 2.5, 15))
                .contains(Instant.parse("2026-03-09T06:30:00Z"));
        // 3 AM lines up with 3 AM on the other days.
        assertThat(axis.position(SPRING_FORWARD, Instant.parse("2026-03-08T07:00:00Z"))).isEqualTo(3);
        assertThat(axis.position(SPRING_FORWARD.plusDays(1), Instant.parse("2026-03-09T07:00:00Z"))).isEqualTo(3);
    }

    @Test
    void positions_snap_to_quarter_hours() {
        LocalDate day = LocalDate.parse("2026-11-25");
        TimeAxis axis = TimeAxis.of(List.of(day), NEW_YORK);
        assertThat(axis.instantAt(day, 16.3, 15)).contains(Instant.parse("2026-11-25T21:15:00Z"));
        assertThat(axis.instantAt(day, 16.95, 15)).contains(Instant.parse("2026-11-25T22:00:00Z"));
        assertThat(axis.instantAt(day, -1, 15)).isEmpty();
    }
}
