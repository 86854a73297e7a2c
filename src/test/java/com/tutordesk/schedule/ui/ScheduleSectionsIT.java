package com.tutordesk.schedule.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.schedule.CalendarFeedService;
import com.tutordesk.schedule.ReminderSettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The schedule module's sections on My account (calendar feed) and Settings (reminders). */
@IntegrationTest
class ScheduleSectionsIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CalendarFeedService feeds;

    @Autowired
    ReminderSettingsService reminders;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void my_account_makes_shows_and_replaces_the_calendar_address() {
        signIn.as(data.tutorLogin(data.tutor(TestData.unique("Feed Page Tutor")), "a-long-enough-password"));
        navigate("account", com.vaadin.flow.component.Component.class);
        CalendarFeedSection.Section section = $(CalendarFeedSection.Section.class).single();
        assertThat(section.address.isVisible()).isFalse();

        test(section.make).click();
        String first = section.address.getValue();
        assertThat(first).matches(".*/calendar/[A-Za-z0-9_-]{43}\\.ics").endsWith(feeds.myToken().orElseThrow() + ".ics");
        assertThat(section.make.getText()).isEqualTo("Make a new address");

        test(section.make).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(section.address.getValue()).isNotEqualTo(first);
        assertThat(feeds.feed(first.substring(first.lastIndexOf('/') + 1, first.length() - 4))).isEmpty();
    }

    @Test
    void an_admin_switches_reminders_off_and_a_wrong_number_of_hours_is_refused_at_its_field() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        navigate("settings", com.vaadin.flow.component.Component.class);
        ReminderSettingsSection.Section section = $(ReminderSettingsSection.Section.class).single();
        assertThat(section.enabled.getValue()).isTrue();
        assertThat(section.hours.getValue()).isEqualTo(reminders.current().hoursBefore());
        int before = reminders.current().hoursBefore();
        try {
            // The field's own range stops a person; a value past it (e.g. a forged request) meets the service.
            section.hours.setValue(500);
            test(section.save).click();
            assertThat(section.hours.isInvalid()).isTrue();
            assertThat(section.hours.getErrorMessage()).contains("Hours before the session must be 1–168");

            test(section.hours).setValue(12);
            test(section.enabled).click();
            test(section.save).click();
            assertThat(reminders.current().enabled()).isFalse();
            assertThat(reminders.current().hoursBefore()).isEqualTo(12);
        } finally {
            reminders.update(true, before, reminders.current().version());
        }
    }
}
