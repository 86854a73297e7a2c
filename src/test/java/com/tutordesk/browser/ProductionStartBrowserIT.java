package com.tutordesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.PackagedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged jar started with exactly the README's production variables and nothing else (no
 * command-line arguments, no test settings) against MariaDB 11.4 through a {@code jdbc:mariadb:} URL:
 * it migrates, loads the demo business with random passwords, creates the first admin from the
 * environment, is not ready (nor serves the login page) before the logins exist, answers the health
 * probes without login and nothing else, writes JSON logs, and the admin signs in.
 */
class ProductionStartBrowserIT {

    static final String DATABASE = "tutordesk_production";
    static final String ADMIN_EMAIL = "owner@example.org";
    static final String ADMIN_PASSWORD = "Quiet-Harbor-Lantern-47";
    static final String METRICS_PASSWORD = "scrape-" + java.util.UUID.randomUUID();

    static PackagedApp app;
    static JdbcTemplate jdbc;
    static Duration startUp;
    static final List<String> loginServedTooEarly = new ArrayList<>();
    static final List<Integer> loginStatusesWhileStarting = new ArrayList<>();

    @BeforeAll
    static void startWithTheDocumentedVariables() {
        MariaDb.drop(DATABASE);
        String url = MariaDb.jdbcUrl(DATABASE);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(url + "?" + MariaDb.connectionOptions(), "root", ""));
        app = PackagedApp.launch(Map.of(
                "SPRING_PROFILES_ACTIVE", "mysql",
                "TUTORDESK_DB_URL", url,
                "TUTORDESK_DB_USER", "root",
                "TUTORDESK_DB_PASSWORD", "",
                "TUTORDESK_ADMIN_EMAIL", ADMIN_EMAIL,
                "TUTORDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "TUTORDESK_DEMO_DATA", "true",
                "TUTORDESK_PROMETHEUS", "true",
                "TUTORDESK_METRICS_PASSWORD", METRICS_PASSWORD,
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), List.of(), "production-start.log");
        HttpClient client = HttpClient.newHttpClient();
        Instant ready = app.awaitReady(Duration.ofMinutes(5), readiness -> {
            if (readiness == 200) {
                return;
            }
            int login = app.status(client, "/login");
            loginStatusesWhileStarting.add(login);
            if (login == 200 && logins() < 4) {
                loginServedTooEarly.add("the login page answered 200 while " + logins() + " logins existed");
            }
        });
        startUp = Duration.between(app.startedAt(), ready);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
            Path dir = Files.createDirectories(Path.of("target", "cluster"));
            Files.writeString(dir.resolve("production-start.md"), String.format(
                    "Packaged jar, production variables, empty MariaDB, demo business loaded: ready after %.1f s%n",
                    startUp.toMillis() / 1000.0));
        }
    }

    private static int logins() {
        try {
            return jdbc.queryForObject("select count(*) from users", Integer.class);
        } catch (RuntimeException notMigratedYet) {
            return 0;
        }
    }

    @Test
    void the_login_page_is_not_served_before_the_logins_exist() {
        assertThat(loginServedTooEarly).isEmpty();
        // Nothing listening yet (-1), then "starting" (503) while the start-up work runs; a 200 only once the
        // logins exist (checked as it was polled, above).
        assertThat(loginStatusesWhileStarting).contains(503);
        assertThat(app.status(HttpClient.newHttpClient(), "/login")).isEqualTo(200);
        assertThat(logins()).isEqualTo(4);
    }

    @Test
    void the_first_admin_from_the_environment_signs_in_and_the_demo_logins_have_no_public_password() {
        try (BrowserContext context = BrowserTest.sharedBrowser().newContext(new Browser.NewContextOptions()
                .setLocale("en-US"))) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            signIn(page, "admin@example.org", "demo-admin-pass");
            page.waitForURL(Pattern.compile(".*/login\\?error.*"));

            Matcher printed = Pattern.compile("Demo login \\(random password, change it at first sign-in\\): Admin \\| "
                    + "admin@example\\.org \\| ([a-z0-9-]{19})").matcher(app.logText());
            assertThat(printed.find()).as("the demo admin's random password is printed once").isTrue();
            signIn(page, "admin@example.org", printed.group(1));
            page.waitForURL(Pattern.compile(".*/change-password.*"));

            context.clearCookies();
            signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page.getByText("Today and the next 7 days")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "ProductionStartBrowserIT-admin.png")));
        }
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(app.baseUrl() + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    @Test
    void health_probes_answer_without_login_and_everything_else_is_closed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(get(client, "/actuator/health", null)).satisfies(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        });
        assertThat(get(client, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(client, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get(client, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(client, "/actuator/env", null).statusCode()).isIn(401, 403);
        assertThat(get(client, "/actuator", null).statusCode()).isIn(401, 403);

        String details = get(client, "/actuator/health", METRICS_PASSWORD).body();
        assertThat(details).contains("\"db\"", "\"mailOutbox\"", "\"backgroundJobs\"", "\"schedulerAlive\":true");
        HttpResponse<String> metrics = get(client, "/actuator/prometheus", METRICS_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("tutordesk_outbox_backlog_messages", "tutordesk_outbox_backlog_age_seconds",
                "tutordesk_jobs_lag_seconds", "http_server_requests_seconds_bucket", "node=\"");
        assertThat(get(client, "/actuator/prometheus", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void the_log_is_json_lines_and_says_what_the_first_start_did() {
        List<String> lines = app.logText().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}")
                .contains("\"@timestamp\""));
        String log = app.logText();
        assertThat(log).contains("Demo business loaded in", "First admin: created the admin login " + ADMIN_EMAIL);
    }

    @Test
    void the_promotion_of_ended_sessions_runs_as_a_background_job_of_this_node() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'session-status-promotion'"
                + " and last_success is not null", Integer.class) == 0 && Instant.now().isBefore(deadline)) {
            PackagedApp.pause(Duration.ofMillis(200));
        }
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'session-status-promotion'"
                + " and last_success is not null", Integer.class)).isOne();
    }

    private static HttpResponse<String> get(HttpClient client, String path, String metricsPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
        if (metricsPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("metrics:" + metricsPassword)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
