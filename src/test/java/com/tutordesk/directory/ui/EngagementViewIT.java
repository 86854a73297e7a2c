package com.tutordesk.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engagement page: rate validation, and "apply to N unbilled sessions" on a rate change. */
@IntegrationTest
class EngagementViewIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    long engagement;
    long unbilled;
    long invoiced;

    @BeforeEach
    void setUp() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        long student = data.student(data.client(TestData.unique("Page family")), "Pax Page");
        engagement = data.engagement(data.tutor("Page Tutor"), student, data.subject(), 4500, 2500);
        unbilled = data.session(engagement, TestClock.START.minus(Duration.ofDays(1)), 50, "COMPLETED");
        invoiced = data.session(engagement, TestClock.START.minus(Duration.ofDays(8)), 50, "COMPLETED");
        jdbc.update("update tutoring_sessions set billing_state = 'INVOICED' where id = ?", invoiced);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private long clientAmount(long session) {
        return jdbc.queryForObject("select client_amount_minor from tutoring_sessions where id = ?", Long.class, session);
    }

    @Test
    void rates_are_checked_at_the_field() {
        EngagementView view = navigate("engagements/" + engagement, EngagementView.class);
        assertThat(view.clientRate.getValue()).isEqualByComparingTo("45.00");
        view.clientRate.setValue(new BigDecimal("45.001"));
        view.tutorWage.setValue(null);
        test(view.duration).setValue(700);
        test(view.save).click();
        assertThat(view.clientRate.getErrorMessage()).isEqualTo("USD amounts allow at most 2 decimal places");
        assertThat(view.tutorWage.getErrorMessage()).isEqualTo("Tutor wage is required");
        assertThat(view.duration.getErrorMessage()).isEqualTo("Default length must be 5–600 minutes");
        assertThat(jdbc.queryForObject("select client_rate_minor from engagements where id = ?", Long.class, engagement))
                .isEqualTo(4500);
    }

    @Test
    void a_rate_change_asks_and_applies_to_the_unbilled_sessions_only() {
        EngagementView view = navigate("engagements/" + engagement, EngagementView.class);
        long invoicedBefore = clientAmount(invoiced);
        view.clientRate.setValue(new BigDecimal("51.50"));
        test(view.save).click();
        ConfirmDialog ask = $(ConfirmDialog.class).single();
        assertThat(test(ask).getText()).contains("1 unbilled session");
        test(ask).confirm();
        assertThat(clientAmount(unbilled)).isEqualTo(4292); // 51.50 × 50 / 60 = 42.9166… → 42.92
        assertThat(clientAmount(invoiced)).isEqualTo(invoicedBefore);
        assertThat(test(view.historyGrid).size()).isEqualTo(1);
        assertThat(test(view.historyGrid).getCellText(0, 2)).isEqualTo("$45.00 → $51.50");
    }

    @Test
    void a_rate_change_for_new_sessions_only_keeps_the_unbilled_amounts() {
        EngagementView view = navigate("engagements/" + engagement, EngagementView.class);
        long before = clientAmount(unbilled);
        view.clientRate.setValue(new BigDecimal("60"));
        test(view.save).click();
        test($(ConfirmDialog.class).single()).reject();
        assertThat(clientAmount(unbilled)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select client_rate_minor from engagements where id = ?", Long.class, engagement))
                .isEqualTo(6000);
    }
}
