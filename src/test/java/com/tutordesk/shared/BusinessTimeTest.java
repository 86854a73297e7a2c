package com.tutordesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Wall-clock times in the business zone, across daylight-saving changes (domain.md "Time"). */
class BusinessTimeTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void a_time_in_the_spring_forward_gap_is_refused_naming_date_time_and_zone() {
        assertThatThrownBy(() -> BusinessTime.resolve(LocalDate.parse("2026-03-08"), LocalTime.parse("02:30"),
                NEW_YORK, Locale.US))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("2:30\u202fAM on Mar 8, 2026")
                .hasMessageContaining("America/New_York")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> BusinessTime.resolve(LocalDate.parse("2026-03-29"), LocalTime.parse("01:15"),
                LONDON, Locale.UK))
                .hasMessageContaining("01:15 on 29 Mar 2026").hasMessageContaining("Europe/London");
    }

    @Test
    void an_ambiguous_fall_back_time_takes_the_earlier_offset_and_says_so() {
        BusinessTime.Resolved newYork = BusinessTime.resolve(LocalDate.parse("2026-11-01"), LocalTime.parse("01:30"),
                NEW_YORK, Locale.US);
        assertThat(newYork.ambiguous()).isTrue();
        assertThat(newYork.instant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(BusinessTime.ambiguityNote(newYork, Locale.US)).contains("happens twice").contains("UTC-04:00");

        BusinessTime.Resolved london = BusinessTime.resolve(LocalDate.parse("2026-10-25"), LocalTime.parse("01:30"),
                LONDON, Locale.UK);
        assertThat(london.ambiguous()).isTrue();
        assertThat(london.instant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void an_ordinary_time_is_not_ambiguous() {
        BusinessTime.Resolved resolved = BusinessTime.resolve(LocalDate.parse("2026-11-30"), LocalTime.parse("16:30"),
                NEW_YORK, Locale.US);
        assertThat(resolved.ambiguous()).isFalse();
        assertThat(resolved.instant()).isEqualTo(Instant.parse("2026-11-30T21:30:00Z"));
    }

    @Test
    void twelve_am_is_midnight_and_twelve_pm_is_noon() {
        assertThat(BusinessTime.resolve(LocalDate.parse("2026-11-30"), LocalTime.MIDNIGHT, NEW_YORK, Locale.US)
                .instant()).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
        assertThat(BusinessTime.resolve(LocalDate.parse("2026-11-30"), LocalTime.NOON, NEW_YORK, Locale.US)
                .instant()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }
}
