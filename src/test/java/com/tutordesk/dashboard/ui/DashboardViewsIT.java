package com.tutordesk.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.dashboard.DashboardService;
import com.tutordesk.dashboard.TodoItem;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.GridTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Home shows the admin's or the tutor's dashboard above the agenda; /reports is for admins and Enhanced Access. */
@IntegrationTest
class DashboardViewsIT extends SpringBrowserlessTest {

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DashboardService dashboard;

    @Autowired
    SettingsService settings;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void an_admin_sees_the_months_money_to_do_and_both_charts_on_home() {
        signIn.as(demo.adminEmail());
        navigate("", Component.class);
        AdminHome home = $(AdminHome.class).single();
        var figures = dashboard.admin();
        var profile = settings.profile();

        GridTester<?, AdminHome.Comparison> months = test(home.comparison);
        assertThat(months.getRow(2).measure()).isEqualTo("Revenue");
        assertThat(months.getRow(2).thisMonth()).isEqualTo(profile.formatMoney(figures.thisMonth().revenueMinor()));
        assertThat(months.getRow(2).lastMonth()).isEqualTo(profile.formatMoney(figures.lastMonth().revenueMinor()));
        assertThat(home.overdue.getText()).isEqualTo(profile.formatMoney(figures.money().overdueMinor()));
        assertThat(home.unbilled.getText()).isEqualTo(profile.formatMoney(figures.money().unbilledMinor()));
        assertThat(home.todo).containsOnlyKeys(TodoItem.Kind.values());
        assertThat(home.todo.get(TodoItem.Kind.EMAILS_NOT_DELIVERED).getHref()).startsWith("outbox?state=");
        assertThat(home.revenueChart.image.getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(test(home.monthTable).size()).isEqualTo(AdminHome.CHART_MONTHS);
        assertThat(test(home.weekTable).size()).isPositive();
        assertThat($(TutorHome.class).all()).isEmpty();
    }

    @Test
    void a_tutor_sees_their_own_home_and_not_the_business_figures() {
        signIn.as(demo.plainTutorEmail());
        navigate("", Component.class);

        assertThat($(AdminHome.class).all()).isEmpty();
        TutorHome home = $(TutorHome.class).single();
        assertThat(home.week.getChildren().count()).isEqualTo(7);
        assertThat(home.earnings.getText()).startsWith("$");
    }

    @Test
    void a_plain_tutor_gets_not_found_for_reports_and_an_admin_gets_the_reports() {
        signIn.as(demo.plainTutorEmail());
        navigate("reports", Component.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Not found");

        signIn.as(demo.adminEmail());
        ReportsView view = navigate(ReportsView.class);
        view.from.setValue(view.to.getValue().minusDays(60));
        assertThat(test(view.revenue).size()).isPositive();
        assertThat(test(view.utilisation).size()).isPositive();

        view.from.setValue(view.to.getValue().plusDays(1));
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).contains("is before From");
        assertThat(test(view.revenue).size()).isZero();
    }
}
