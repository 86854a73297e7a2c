package com.tutordesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BusinessProfileTest {

    private static BusinessProfile profile(String zone, Locale locale) {
        return new BusinessProfile("Maple Grove Tutoring", ZoneId.of(zone), Currency.getInstance("USD"), locale,
                new LateCancellationPolicy(24, 100, 50), false, null, null);
    }

    @Test
    void us_english_uses_a_12_hour_clock_in_the_business_zone() {
        BusinessProfile profile = profile("America/New_York", Locale.US);
        Instant instant = Instant.parse("2026-11-30T21:30:00Z");
        assertThat(profile.uses12HourClock()).isTrue();
        assertThat(profile.formatTime(instant)).isEqualTo("4:30\u202fPM");
    }

    @Test
    void british_english_uses_a_24_hour_clock() {
        BusinessProfile profile = profile("Europe/London", Locale.UK);
        assertThat(profile.uses12HourClock()).isFalse();
        assertThat(profile.formatTime(Instant.parse("2026-11-30T16:30:00Z"))).isEqualTo("16:30");
    }

    @Test
    void midnight_and_noon_are_12_am_and_12_pm() {
        BusinessProfile profile = profile("America/New_York", Locale.US);
        assertThat(profile.formatTime(Instant.parse("2026-11-30T05:00:00Z"))).isEqualTo("12:00\u202fAM");
        assertThat(profile.formatTime(Instant.parse("2026-11-30T17:00:00Z"))).isEqualTo("12:00\u202fPM");
    }

    @Test
    void durations_are_shown_as_hours_and_minutes_never_decimal_hours() {
        assertThat(BusinessProfile.formatDuration(45)).isEqualTo("45 min");
        assertThat(BusinessProfile.formatDuration(60)).isEqualTo("1 h");
        assertThat(BusinessProfile.formatDuration(75)).isEqualTo("1 h 15 min");
    }

    @Test
    void the_email_sender_defaults_to_the_business_name() {
        assertThat(profile("America/New_York", Locale.US).emailSenderName()).isEqualTo("Maple Grove Tutoring");
    }
}
