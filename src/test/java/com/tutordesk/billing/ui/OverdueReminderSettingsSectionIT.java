package com.tutordesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.billing.OverdueReminders;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The overdue-reminder settings on the Settings page and the per-client switch on the client page (admins). */
@IntegrationTest
class OverdueReminderSettingsSectionIT extends SpringBrowserlessTest {

    @Autowired
    OverdueReminders reminders;

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @AfterEach
    void tearDown() {
        jdbc.update("update billing_settings set overdue_reminders = true, overdue_first_after_days = 3 where id = 1");
        signIn.out();
    }

    @Test
    void an_admin_sets_the_days_after_the_due_date_and_a_bad_value_names_the_field() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        var section = new OverdueReminderSettingsSection.Section(reminders);
        assertThat(section.enabled.getValue()).isTrue();
        assertThat(section.days.getValue()).isEqualTo(3);

        section.days.setValue(0);
        section.save();
        assertThat(section.days.isInvalid()).isTrue();
        assertThat(section.days.getErrorMessage()).isEqualTo("Days after the due date must be 1–60");
        assertThat(reminders.current().firstAfterDays()).isEqualTo(3);

        section.days.setValue(5);
        section.save();
        assertThat(reminders.current().firstAfterDays()).isEqualTo(5);
    }

    @Test
    void the_client_switch_is_for_admins_only() {
        long client = data.client(TestData.unique("Family"));
        signIn.as(DemoAccounts.read(jdbc).enhancedTutorEmail());
        assertThat(new ClientReminderSection(reminders).create(client, () -> { }).isVisible()).isFalse();

        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        assertThat(new ClientReminderSection(reminders).create(client, () -> { }).isVisible()).isTrue();
        reminders.setRemindsClient(client, false);
        assertThat(reminders.remindsClient(client)).isFalse();
        reminders.setRemindsClient(client, true);
        assertThat(reminders.remindsClient(client)).isTrue();
    }
}
