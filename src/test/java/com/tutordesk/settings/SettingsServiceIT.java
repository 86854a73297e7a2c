package com.tutordesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class SettingsServiceIT {

    @Autowired
    SettingsService settings;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    BusinessProfile original;
    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        original = settings.profile();
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void restore() {
        signIn.as(demo.adminEmail());
        settings.update(original);
        signIn.out();
    }

    @Test
    void the_demo_business_runs_in_new_york_in_dollars_with_us_english() {
        assertThat(original.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(original.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(original.locale()).isEqualTo(Locale.US);
    }

    @Test
    void an_admin_changes_name_zone_currency_and_locale() {
        signIn.as(demo.adminEmail());
        settings.update(original.withBasics("Łódź Tutoring", ZoneId.of("Europe/Warsaw"), Currency.getInstance("PLN"),
                Locale.forLanguageTag("pl-PL")));
        BusinessProfile changed = settings.profile();
        assertThat(changed.name()).isEqualTo("Łódź Tutoring");
        assertThat(changed.zone()).isEqualTo(ZoneId.of("Europe/Warsaw"));
        assertThat(changed.currency().getCurrencyCode()).isEqualTo("PLN");
        assertThat(changed.uses12HourClock()).isFalse();
    }

    @Test
    void a_tutor_cannot_change_settings() {
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> settings.update(original.withBasics("Hijacked", original.zone(), original.currency(),
                original.locale()))).isInstanceOf(AccessDeniedException.class);
        assertThat(settings.profile().name()).isEqualTo(original.name());
    }

    @Test
    void a_blank_or_overlong_name_is_refused_naming_the_field() {
        signIn.as(demo.adminEmail());
        assertThatThrownBy(() -> settings.update(original.withBasics("  ", original.zone(), original.currency(),
                original.locale()))).hasMessage("Business name is required");
        assertThatThrownBy(() -> settings.update(original.withBasics("x".repeat(121), original.zone(),
                original.currency(), original.locale()))).hasMessageContaining("Business name must be at most 120");
        assertThat(settings.profile().name()).isEqualTo(original.name());
    }

    @Test
    void an_email_sender_name_of_the_full_length_with_blanks_around_it_is_saved_without_them() {
        signIn.as(demo.adminEmail());
        String sender = "S".repeat(120);
        settings.update(new BusinessProfile(original.name(), original.zone(), original.currency(), original.locale(),
                original.lateCancellation(), original.tutorsEnhancedAccess(), "  " + sender + "  ", original.address()));
        assertThat(settings.profile().emailSenderName()).isEqualTo(sender);
    }
}
