package com.tutordesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
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
    org.springframework.beans.factory.ObjectProvider<com.tutordesk.settings.SettingsPageSection> sections;

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
    void two_admins_saving_the_settings_the_second_is_told_someone_else_changed_them_and_nothing_is_lost() {
        signIn.as(demo.adminEmail());
        SettingsView first = new SettingsView(settings, sections);
        SettingsView second = navigate(SettingsView.class);
        test(second.name).setValue("Riverside Tutors");
        test(second.save).click();
        assertThat(settings.profile().name()).isEqualTo("Riverside Tutors");

        // The first page still shows the old name; saving its policy change must not put the old name back.
        first.clientPercent.setValue(original.lateCancellation().clientChargePercent() == 50 ? 60 : 50);
        first.save();

        assertThat(settings.profile().name()).isEqualTo("Riverside Tutors");
        assertThat(settings.profile().lateCancellation()).isEqualTo(original.lateCancellation());
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .contains("Someone else changed the settings in the meantime: reload the page to see their changes.");

        // The page that saved knows its own change: saving it again is not refused.
        test(second.name).setValue("Riverside Tutors Ltd");
        test(second.save).click();
        assertThat(settings.profile().name()).isEqualTo("Riverside Tutors Ltd");
    }

    @Test
    void a_tutor_is_refused_the_settings_page() {
        signIn.as(demo.plainTutorEmail());
        assertThatThrownBy(() -> navigate(SettingsView.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(getCurrentView()).isNotInstanceOf(SettingsView.class);
    }

    @Test
    void the_late_cancellation_policy_is_checked_at_the_field_and_saved() {
        signIn.as(demo.adminEmail());
        SettingsView view = navigate(SettingsView.class);
        view.clientPercent.setValue(101);
        view.windowHours.clear();
        test(view.save).click();
        assertThat(view.clientPercent.getErrorMessage()).isEqualTo("Client charge must be 0–100 %");
        assertThat(view.windowHours.getErrorMessage()).isEqualTo("Late-cancellation window is required");

        test(view.clientPercent).setValue(80);
        test(view.windowHours).setValue(12);
        test(view.tutorPercent).setValue(40);
        test(view.tutorsEnhancedAccess).click();
        test(view.emailSenderName).setValue("Maple Grove Office");
        test(view.address).setValue("1 Elm Street");
        test(view.save).click();
        BusinessProfile saved = settings.profile();
        assertThat(saved.lateCancellation()).isEqualTo(new com.tutordesk.settings.LateCancellationPolicy(12, 80, 40));
        assertThat(saved.tutorsEnhancedAccess()).isEqualTo(!original.tutorsEnhancedAccess());
        assertThat(saved.emailSenderName()).isEqualTo("Maple Grove Office");
        assertThat(saved.address()).isEqualTo("1 Elm Street");
    }

    @Test
    void changing_the_time_zone_with_recorded_sessions_asks_first_and_explains_it_is_display_only() {
        signIn.as(demo.adminEmail());
        SettingsView view = navigate(SettingsView.class);
        test(view.zone).selectItem("Europe/London");
        test(view.save).click();
        var ask = $(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).single();
        assertThat(test(ask).getText()).contains("keep their moment in time").contains("Only the display changes");
        test(ask).cancel();
        assertThat(settings.profile().zone()).isEqualTo(original.zone());

        test(view.save).click();
        test($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).last()).confirm();
        assertThat(settings.profile().zone().getId()).isEqualTo("Europe/London");
    }

    @Test
    void a_currency_with_other_decimals_is_refused_once_amounts_exist() {
        signIn.as(demo.adminEmail());
        SettingsView view = navigate(SettingsView.class);
        test(view.currency).selectItem("JPY – Japanese Yen");
        test(view.save).click();
        // Refused at the field at once: no "change how sessions are shown?" question first.
        assertThat($(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).all()).isEmpty();
        assertThat(view.currency.isInvalid()).isTrue();
        assertThat(view.currency.getErrorMessage()).contains("JPY has 0 decimal places");
        assertThat(settings.profile().currency()).isEqualTo(original.currency());
    }
}
