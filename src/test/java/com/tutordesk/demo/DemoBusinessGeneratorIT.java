package com.tutordesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The demo business at its default size, built twice into fresh H2 databases (the embedded run's
 * database, migrated by Flyway exactly as at start-up).
 */
class DemoBusinessGeneratorIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);
    static final DemoProperties DEFAULTS = new DemoProperties(true, true, true, 0, 0, 0, 0);

    static JdbcTemplate first;
    static DemoBusinessGenerator.Result firstResult;

    static JdbcTemplate freshDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        // A new connection per statement, on purpose: the connection that ran the migrations is closed
        // before the inserts, as in the app once the pool retires it (H2 2.4.240 then failed every
        // CHECK … IN (…) constraint; the project pins a version without that bug).
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        return new JdbcTemplate(dataSource);
    }

    static DemoBusinessGenerator generator(JdbcTemplate jdbc) {
        return new DemoBusinessGenerator(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), CLOCK);
    }

    @BeforeAll
    static void generateOnce() {
        first = freshDatabase();
        firstResult = generator(first).generate(DEFAULTS);
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void the_default_business_has_the_documented_size() {
        assertThat(count(first, "select count(*) from tutors")).isEqualTo(12);
        assertThat(count(first, "select count(*) from clients")).isEqualTo(80);
        assertThat(count(first, "select count(*) from students")).isBetween(100, 125);
        assertThat(count(first, "select count(*) from subjects")).isEqualTo(15);
        assertThat(count(first, "select count(*) from engagements")).isBetween(140, 150);
        assertThat(count(first, "select count(*) from tutoring_sessions")).isBetween(2_700, 3_300);
        assertThat(firstResult.sessions()).isEqualTo(count(first, "select count(*) from tutoring_sessions"));
    }

    @Test
    void on_h2_the_totals_and_name_sort_keys_it_builds_equal_a_recount_made_in_java() {
        // Six months of New York sessions cross a daylight-saving change: the week totals' SQL on H2.
        com.tutordesk.testing.HourTotalsCheck.assertAgreeWithSessions(first);
    }

    @Test
    void it_is_deterministic_for_a_seed_and_a_date() {
        JdbcTemplate second = freshDatabase();
        generator(second).generate(DEFAULTS);
        String fingerprint = "select count(*), sum(client_amount_minor), sum(tutor_earnings_minor),"
                + " sum(duration_minutes), max(starts_at), min(starts_at), sum(coalesce(rating, 0)),"
                + " sum(length(coalesce(report, ''))) from tutoring_sessions";
        assertThat(second.queryForList(fingerprint)).isEqualTo(first.queryForList(fingerprint));
        String people = "select name from tutors order by id";
        assertThat(second.queryForList(people, String.class)).isEqualTo(first.queryForList(people, String.class));
        String clients = "select name, billing_contact_email from clients order by id";
        assertThat(second.queryForList(clients)).isEqualTo(first.queryForList(clients));
    }

    @Test
    void it_loads_only_into_an_empty_database() {
        assertThat(generator(first).databaseIsEmpty()).isFalse();
        assertThatThrownBy(() -> generator(first).generate(DEFAULTS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessions_span_six_months_back_and_four_weeks_ahead_with_a_realistic_mix() {
        Map<String, Object> span = first.queryForMap("select min(starts_at) as first_start, max(starts_at) as last_start"
                + " from tutoring_sessions");
        assertThat(span.get("first_start").toString()).startsWith("2026-05");
        assertThat(span.get("last_start").toString()).startsWith("2026-12-2");
        List<Map<String, Object>> mix = first.queryForList("select status, count(*) as n from tutoring_sessions"
                + " group by status order by status");
        assertThat(mix).extracting(row -> row.get("status"))
                .containsExactly("CANCELLED", "COMPLETED", "LATE_CANCELLED", "SCHEDULED");
        assertThat(count(first, "select count(*) from tutoring_sessions where starts_at > '2026-11-25 15:00:00'"
                + " and status = 'COMPLETED'")).isZero();
        assertThat(count(first, "select count(*) from tutoring_sessions where rating is not null")).isGreaterThan(1000);
        assertThat(count(first, "select count(*) from tutoring_sessions where report is not null")).isGreaterThan(1000);
        assertThat(count(first, "select count(*) from tutoring_sessions where internal_note is not null")).isGreaterThan(100);
        assertThat(count(first, "select count(*) from tutoring_sessions where status = 'CANCELLED'"
                + " and (client_amount_minor <> 0 or tutor_earnings_minor <> 0)")).isZero();
    }

    @Test
    void amounts_follow_the_rates_and_minutes_with_one_rounding() {
        List<Map<String, Object>> completed = first.queryForList("select client_rate_minor, tutor_wage_minor,"
                + " duration_minutes, client_amount_minor, tutor_earnings_minor from tutoring_sessions"
                + " where status in ('COMPLETED', 'SCHEDULED')");
        for (Map<String, Object> row : completed) {
            long rate = ((Number) row.get("client_rate_minor")).longValue();
            long wage = ((Number) row.get("tutor_wage_minor")).longValue();
            int minutes = ((Number) row.get("duration_minutes")).intValue();
            assertThat(((Number) row.get("client_amount_minor")).longValue())
                    .isEqualTo(com.tutordesk.shared.Money.forMinutes(rate, minutes));
            assertThat(((Number) row.get("tutor_earnings_minor")).longValue())
                    .isEqualTo(com.tutordesk.shared.Money.forMinutes(wage, minutes));
        }
    }

    @Test
    void no_tutor_or_student_is_double_booked() {
        String overlaps = "select count(*) from tutoring_sessions a join tutoring_sessions b"
                + " on a.%s = b.%s and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at"
                + " where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'";
        assertThat(count(first, overlaps.formatted("tutor_id", "tutor_id"))).isZero();
        assertThat(count(first, overlaps.formatted("student_id", "student_id"))).isZero();
    }

    @Test
    void names_come_from_many_languages_and_emails_from_example_org() {
        List<String> names = first.queryForList("select name from students union select name from tutors", String.class);
        assertThat(String.join(" ", names)).containsPattern("[ąćęłńóśźżŁ]").containsPattern("[α-ωΑ-Ω]")
                .containsPattern("[\\u4e00-\\u9fff]");
        assertThat(count(first, "select count(*) from clients where billing_contact_email not like '%@example.org'"))
                .isZero();
        assertThat(count(first, "select count(*) from clients where student_pays")).isBetween(3, 20);
    }

    @Test
    void the_demo_logins_are_an_admin_an_enhanced_access_tutor_and_a_plain_tutor() {
        assertThat(firstResult.logins()).extracting(l -> l.role())
                .containsExactly("Admin", "Tutor with Enhanced Access", "Tutor");
        assertThat(count(first, "select count(*) from users")).isEqualTo(3);
        assertThat(count(first, "select count(*) from tutors t join users u on u.tutor_id = t.id"
                + " where t.enhanced_access = true")).isEqualTo(1);
        assertThat(first.queryForObject("select password_hash from users where role = 'ADMIN'", String.class))
                .startsWith("{bcrypt}");
    }

    @Test
    void past_months_are_invoiced_and_mostly_paid_with_gapless_numbers_and_consistent_billing_states() {
        int invoices = count(first, "select count(*) from invoices");
        assertThat(invoices).isGreaterThan(300);
        assertThat(count(first, "select max(cast(substring(number, 5) as int)) from invoices")).isEqualTo(invoices);
        assertThat(count(first, "select count(distinct number) from invoices")).isEqualTo(invoices);
        assertThat(count(first, "select last_number from invoice_counters")).isEqualTo(invoices);
        // Numbers follow issue dates.
        assertThat(count(first, "select count(*) from invoices a join invoices b on a.number < b.number"
                + " and a.issue_date > b.issue_date")).isZero();
        // Every session on an invoice carries its state; every other one is unbilled.
        assertThat(count(first, "select count(*) from tutoring_sessions s join invoice_lines l on l.active_session_id = s.id"
                + " join invoices i on i.id = l.invoice_id where s.billing_state <> case i.state when 'PAID' then 'PAID'"
                + " else 'INVOICED' end")).isZero();
        assertThat(count(first, "select count(*) from tutoring_sessions s where s.billing_state <> 'UNBILLED'"
                + " and not exists (select 1 from invoice_lines l where l.active_session_id = s.id)")).isZero();
        // Totals add up: lines are the sessions' stored amounts; paid invoices carry one payment of the total.
        assertThat(count(first, "select count(*) from invoices i where i.lines_total_minor <>"
                + " (select sum(l.amount_minor) from invoice_lines l where l.invoice_id = i.id)")).isZero();
        assertThat(count(first, "select count(*) from invoice_lines l join tutoring_sessions s on s.id = l.session_id"
                + " where l.amount_minor <> s.client_amount_minor")).isZero();
        assertThat(count(first, "select count(*) from invoices i where i.state = 'PAID' and i.total_minor <>"
                + " (select sum(p.amount_minor) from invoice_payments p where p.invoice_id = i.id)")).isZero();
        // Old sessions are mostly paid, some invoices are overdue, and this month's sessions are unbilled.
        int oldCompleted = count(first, "select count(*) from tutoring_sessions where status = 'COMPLETED'"
                + " and starts_at < '2026-10-01 00:00:00'");
        int oldPaid = count(first, "select count(*) from tutoring_sessions where status = 'COMPLETED'"
                + " and starts_at < '2026-10-01 00:00:00' and billing_state = 'PAID'");
        assertThat(oldPaid).isGreaterThan(oldCompleted * 9 / 10);
        assertThat(count(first, "select count(*) from invoices where state = 'OPEN' and due_date < '2026-11-25'"))
                .isGreaterThan(5);
        assertThat(count(first, "select count(*) from invoices where state = 'OPEN' and due_date >= '2026-11-25'"))
                .as("invoices issued on the 16th are outstanding").isGreaterThan(3);
        assertThat(count(first, "select count(*) from tutoring_sessions where status = 'COMPLETED'"
                + " and starts_at >= '2026-11-16 05:00:00' and billing_state <> 'UNBILLED'")).isZero();
        assertThat(count(first, "select count(*) from tutoring_sessions where status = 'COMPLETED'"
                + " and starts_at >= '2026-11-01 05:00:00' and billing_state = 'UNBILLED'")).isGreaterThan(100);
    }
}
