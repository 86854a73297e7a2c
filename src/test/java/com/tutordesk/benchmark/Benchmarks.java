package com.tutordesk.benchmark;

import com.tutordesk.TutordeskApplication;
import com.tutordesk.testing.MariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** What the benchmarks share: the app on MariaDB with the demo business, the admin, the timing and the report. */
final class Benchmarks {

    private Benchmarks() {
    }

    /**
     * Starts the application in the production {@code mysql} profile on a fresh MariaDB database
     * of that name, loading the demo business with {@code sessions} sessions (batched inserts).
     */
    static ConfigurableApplicationContext startApp(String database, int sessions) {
        return new SpringApplicationBuilder(TutordeskApplication.class)
                .profiles("mysql")
                // Command-line arguments: they outrank the mysql profile's environment-based settings.
                .run("--spring.datasource.url=" + MariaDb.jdbcUrl(database), "--spring.datasource.username=root",
                        "--spring.datasource.password=",
                        "--tutordesk.demo.enabled=true", "--tutordesk.demo.sessions=" + sessions,
                        // Since issue 12 a generated password must be changed before any service call;
                        // the benchmark's throw-away database uses the published demo passwords instead.
                        "--tutordesk.demo.public-passwords=true",
                        "--tutordesk.scheduling.enabled=false", "--server.port=0");
    }

    /**
     * Calls on this thread run as the demo admin. The demo admin's password is temporary (issue 12b:
     * services refuse a user who must change it first); a benchmark has no browser to change it in, so
     * the mark is cleared in the database.
     */
    static void signInAsAdmin(ConfigurableApplicationContext context) {
        signInAs(context, "admin@example.org");
    }

    /** Signs the calling thread in as the demo login {@code email} (its first-sign-in password change waived). */
    static void signInAs(ConfigurableApplicationContext context, String email) {
        context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .update("update users set must_change_password = false where email = ?", email);
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /**
     * Times {@code call}: {@code warmUp} calls, then {@code runs} measured ones.
     *
     * @param rows how many rows the last result stands for
     * @return the report's table row: scenario, rows, median and 95th percentile in milliseconds
     */
    static <T> String time(String scenario, int warmUp, int runs, Supplier<T> call, ToIntFunction<T> rows) {
        T result = null;
        for (int i = 0; i < warmUp; i++) {
            result = call.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = call.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        String row = String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f |", scenario, rows.applyAsInt(result),
                millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1]);
        System.out.println(row);
        return row;
    }

    /** Writes the report to target/benchmark/{fileName} and the console. */
    static void write(String fileName, List<String> report) throws IOException {
        Path out = Path.of("target", "benchmark", fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
    }
}
