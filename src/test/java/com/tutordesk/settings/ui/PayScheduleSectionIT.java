package com.tutordesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.settings.PayFrequency;
import com.tutordesk.settings.PaySchedule;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** The pay period setting on the Settings page: its own Save, validation, stale forms, admins only. */
@IntegrationTest
class PayScheduleSectionIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    DemoAccounts demo;
    PaySchedule original;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        original = settings.paySchedule();
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.as(demo.adminEmail());
        settings.updatePaySchedule(original, settings.paySchedule());
        signIn.out();
    }

    @Test
    void an_admin_switches_to_every_two_weeks_without_touching_the_other_settings() {
        long version = settings.version();
        SettingsView view = navigate(SettingsView.class);
        assertThat(view.paySchedule.frequency.getValue()).isEqualTo(PayFrequency.TWICE_A_MONTH);
        test(view.paySchedule.frequency).selectItem(PayFrequency.EVERY_TWO_WEEKS.label());
        view.paySchedule.anchor.setValue(LocalDate.of(2026, 11, 2));
        test(view.paySchedule.save).click();

        assertThat(settings.paySchedule()).isEqualTo(new PaySchedule(PayFrequency.EVERY_TWO_WEEKS,
                LocalDate.of(2026, 11, 2)));
        // The main form's version is untouched: its Save still works after this one.
        assertThat(settings.version()).isEqualTo(version);
        test(view.name).setValue(settings.profile().name());
        test(view.save).click();
        assertThat(settings.paySchedule().frequency()).isEqualTo(PayFrequency.EVERY_TWO_WEEKS);
    }

    @Test
    void twice_a_month_needs_an_anchor_on_the_1st_or_16th_and_a_stale_form_is_refused() {
        SettingsView view = navigate(SettingsView.class);
        view.paySchedule.anchor.setValue(LocalDate.of(2026, 11, 10));
        test(view.paySchedule.save).click();
        assertThat(view.paySchedule.anchor.isInvalid()).isTrue();
        assertThat(view.paySchedule.anchor.getErrorMessage()).contains("1st or a 16th");
        assertThat(settings.paySchedule()).isEqualTo(original);

        settings.updatePaySchedule(new PaySchedule(PayFrequency.MONTHLY, LocalDate.of(2026, 1, 1)), original);
        view.paySchedule.anchor.setValue(LocalDate.of(2026, 11, 16));
        assertThatThrownBy(() -> view.paySchedule.save()).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(settings.paySchedule().frequency()).isEqualTo(PayFrequency.MONTHLY);
    }

    @Test
    void only_an_admin_changes_the_pay_period() {
        signIn.as(DemoAccounts.read(jdbc).plainTutorEmail());
        assertThat(settings.paySchedule()).isEqualTo(original);
        assertThatThrownBy(() -> settings.updatePaySchedule(new PaySchedule(PayFrequency.WEEKLY,
                LocalDate.of(2026, 1, 5)), original)).isInstanceOf(AccessDeniedException.class);
    }
}
