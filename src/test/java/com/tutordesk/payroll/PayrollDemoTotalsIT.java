package com.tutordesk.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.settings.SettingsService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo business's payroll, every tutor and every period, against sums computed independently
 * in SQL from the sessions table: past periods approved and paid, the last one waiting for its
 * payroll run and the current one open, and every total equal to the sum of its lines to the cent.
 */
@IntegrationTest
class PayrollDemoTotalsIT {

    @Autowired
    PayrollQueries queries;

    @Autowired
    PayPeriods periods;

    @Autowired
    SettingsService settings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    @Test
    void every_demo_tutors_pay_in_every_period_equals_an_independent_sum_of_their_sessions_to_the_cent() {
        ZoneId zone = settings.profile().zone();
        long demoAdmin = jdbc.queryForObject("select id from users where email = ?", Long.class,
                DemoAccounts.read(jdbc).adminEmail());
        // The demo's pay rows carry its payment references; other tests' tutors have none.
        List<Long> demoTutors = jdbc.queryForList("select distinct tutor_id from tutor_pay where paid_reference like"
                + " 'PAY-%' order by tutor_id", Long.class);
        LocalDate first = jdbc.queryForObject("select min(period_start) from tutor_pay where paid_reference like 'PAY-%'",
                LocalDate.class);
        PayPeriod current = periods.current();
        PayPeriod awaitingRun = periods.calendar().previous(current);
        assertThat(demoTutors).hasSizeGreaterThan(2);
        int comparedPast = 0;
        for (PayPeriod period = periods.containing(first); !period.start().isAfter(current.start());
                period = periods.calendar().next(period)) {
            PeriodPayroll payroll = queries.period(period.start());
            assertThat(payroll.totals()).as("footer of %s", period)
                    .isEqualTo(PayTotals.sum(payroll.rows().stream().map(TutorPayRow::totals).toList()));
            boolean past = period.start().isBefore(awaitingRun.start());
            // The first open period after the closed ones also holds whatever was logged for them since.
            PayPeriod openFrom = period.equals(awaitingRun) ? periods.containing(first) : period;
            for (long tutor : demoTutors) {
                TutorPayRow row = payroll.rows().stream().filter(r -> r.tutorId() == tutor).findFirst().orElse(null);
                Map<String, Object> sums = past
                        // Approved: exactly the demo's completed and late-cancelled sessions that started in it.
                        ? jdbc.queryForMap("select count(*) as n, coalesce(sum(duration_minutes), 0) as minutes,"
                                + " coalesce(sum(tutor_earnings_minor), 0) as earnings from tutoring_sessions"
                                + " where tutor_id = ? and starts_at >= ? and starts_at < ?"
                                + " and status in ('COMPLETED', 'LATE_CANCELLED') and created_by_user_id = ?"
                                + " and request_key is null", tutor, TestData.utc(period.from(zone)),
                                TestData.utc(period.to(zone)), demoAdmin)
                        // Open: every payable session in it (and, for the first open one, before it) on no approved pay.
                        : jdbc.queryForMap("select count(*) as n, coalesce(sum(duration_minutes), 0) as minutes,"
                                + " coalesce(sum(tutor_earnings_minor), 0) as earnings from tutoring_sessions s"
                                + " where tutor_id = ? and starts_at >= ? and starts_at < ?"
                                + " and (status in ('COMPLETED', 'LATE_CANCELLED') or (status = 'SCHEDULED' and ends_at <= ?))"
                                + " and not exists (select 1 from tutor_pay_lines l where l.session_id = s.id)", tutor,
                                TestData.utc(openFrom.from(zone)), TestData.utc(period.to(zone)),
                                TestData.utc(clock.instant()));
                long adjustments = jdbc.queryForObject("select coalesce(sum(case when a.kind = 'DEDUCTION'"
                        + " then -a.amount_minor else a.amount_minor end), 0) from tutor_pay_adjustments a"
                        + " join tutor_pay p on p.id = a.tutor_pay_id where p.tutor_id = ? and p.period_start = ?",
                        Long.class, tutor, period.start());
                PayTotals expected = new PayTotals(((Number) sums.get("n")).intValue(),
                        ((Number) sums.get("minutes")).intValue(), ((Number) sums.get("earnings")).longValue(),
                        adjustments);
                PayTotals actual = row == null ? PayTotals.ZERO : row.totals();
                assertThat(actual).as("tutor %d in %s", tutor, period).isEqualTo(expected);
                if (row == null) {
                    continue;
                }
                assertThat(row.state()).as("tutor %d in %s", tutor, period).isEqualTo(past ? PayState.PAID : PayState.OPEN);
                PayStatement statement = queries.statement(tutor, period.start());
                assertThat(statement.lines().stream().mapToLong(StatementLine::earningsMinor).sum())
                        .isEqualTo(actual.earningsMinor());
                assertThat(statement.adjustments().stream().mapToLong(StatementAdjustment::signedAmountMinor).sum())
                        .isEqualTo(actual.adjustmentsMinor());
                assertThat(statement.totals()).isEqualTo(actual);
                if (past) {
                    comparedPast++;
                }
            }
        }
        assertThat(comparedPast).isGreaterThan(20);
        // The sessions' "pay approved" mark, which finds the open ones, says what the approval lines say.
        assertThat(jdbc.queryForObject("select count(*) from tutoring_sessions s where (s.pay_approved = true)"
                + " <> (exists (select 1 from tutor_pay_lines l where l.session_id = s.id))", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from tutor_pay_adjustments a join tutor_pay p"
                + " on p.id = a.tutor_pay_id where p.state = 'OPEN' and p.period_start = ?", Integer.class,
                current.start())).isPositive();
    }
}
