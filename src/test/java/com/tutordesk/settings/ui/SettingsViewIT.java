package com.tutordesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SettingsViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    DemoAccounts demo;
    BusinessProfile original;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        original = settings.profile();
    }

    @AfterEach
    void tearDown() {
        signIn.as(demo.adminEmail());
        settings.update(original);
        signIn.out();
    }

    @Test
    void an_admin_renames_the_business() {
        signIn.as(demo.adminEmail());
        SettingsView view = navigate(SettingsView.class);
        assertThat(view.name.getValue()).isEqualTo(original.name());
        test(view.name).setValue("Riverside Tutors");
        test(view.save).click();
        assertThat(settings.profile().name()).isEqualTo("Riverside Tutors");
    }

    @Test
    void an_empty_name_is_shown_at_the_field_and_nothing_is_saved() {
        signIn.as(demo.adminEmail());
        SettingsView view = navigate(SettingsView.class);
        test(view.name).setValue("");
        test(view.save).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).isEqualTo("Business name is required");
        assertThat(settings.profile().name()).isEqualTo(original.name());
    }

    @Test
    void a_tutor_is_refused_the_settings_page() {
        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> navigate(SettingsView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(getCurrentView()).isNotInstanceOf(SettingsView.class);
    }
}
