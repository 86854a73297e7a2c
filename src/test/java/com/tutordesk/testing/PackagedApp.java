package com.tutordesk.testing;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The packaged application (target/*.jar) as an operator runs it: a process of its own on a free port,
 * configured by environment variables and arguments, its output in a log file under target/.
 * Ready when {@code /actuator/health/readiness} answers 200 (the start-up work is done).
 */
public final class PackagedApp {

    private final Process process;
    private final int port;
    private final Path log;
    private final Instant startedAt;

    private PackagedApp(Process process, int port, Path log, Instant startedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * Starts the jar (path from the system property {@code tutordesk.app-jar}) without waiting.
     *
     * @param environment environment variables besides the inherited ones; {@code PORT} is set to a free port
     * @param arguments   command-line arguments after the jar
     * @param logName     file name under target/ for stdout (stderr goes to the same name + ".err")
     */
    public static PackagedApp launch(Map<String, String> environment, List<String> arguments, String logName) {
        return launch(List.of(), environment, arguments, logName);
    }

    /**
     * As {@link #launch(Map, List, String)}, with JVM options before {@code -jar}.
     */
    public static PackagedApp launch(List<String> jvmOptions, Map<String, String> environment, List<String> arguments,
            String logName) {
        try {
            Path jar = Path.of(System.getProperty("tutordesk.app-jar", "target/tutordesk-0.1.0-SNAPSHOT.jar"));
            if (!Files.exists(jar)) {
                throw new IllegalStateException("Packaged app not found at " + jar + ": run `./mvnw verify`");
            }
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx768m"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            command.addAll(arguments);
            Path log = Path.of("target", logName);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(log.toFile())
                    .redirectError(Path.of("target", logName + ".err").toFile());
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("PORT", String.valueOf(port));
            builder.environment().putAll(env);
            Instant startedAt = Instant.now();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new PackagedApp(process, port, log, startedAt);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the packaged app", e);
        }
    }

    /** @return e.g. "http://localhost:41234" */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** @return when the process was started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return the operating system's process */
    public Process process() {
        return process;
    }

    /**
     * Waits until the readiness probe answers 200, calling {@code eachPoll} with every answer (status
     * code, or -1 while nothing listens) as it goes.
     *
     * @return when it became ready
     * @throws IllegalStateException when the process exits or {@code limit} passes first (with the log's end)
     */
    public Instant awaitReady(Duration limit, Consumer<Integer> eachPoll) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited during start-up:\n" + tail());
            }
            int status = status(client, "/actuator/health/readiness");
            eachPoll.accept(status);
            if (status == 200) {
                return Instant.now();
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("The app was not ready within " + limit + ":\n" + tail());
    }

    /** @return the HTTP status of a GET to {@code path}, or -1 when nothing answers */
    public int status(HttpClient client, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return everything the app has written to stdout so far */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the last 80 lines of stdout and stderr */
    public String tail() {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log));
            Path err = Path.of(log + ".err");
            if (Files.exists(err)) {
                lines.addAll(Files.readAllLines(err));
            }
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook, no graceful stop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process gracefully (SIGTERM) and waits up to a minute. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofMinutes(1))) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps, turning an interrupt into an exception. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
