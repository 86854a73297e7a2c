package com.tutordesk.cluster;

import com.tutordesk.testing.PackagedApp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Starts a node of the packaged jar on a shared MariaDB database, as an operator runs one of several. */
final class ClusterNodes {

    private ClusterNodes() {
    }

    /**
     * Launches a node (mysql profile, demo data on an empty database, its node name) and waits until it is ready.
     *
     * @param environment more environment variables (e.g. the mail server)
     * @param arguments   command-line settings for this test
     * @param started     gets the node as soon as its process runs, so that the test can kill it even when
     *                    it never becomes ready
     * @throws IllegalStateException when it is not ready within five minutes
     */
    static PackagedApp start(String name, String url, Map<String, String> environment, List<String> arguments,
            String logName, Consumer<PackagedApp> started) {
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "mysql",
                "TUTORDESK_DB_URL", url,
                "TUTORDESK_DB_USER", "root",
                "TUTORDESK_DB_PASSWORD", "",
                "TUTORDESK_DEMO_DATA", "true",
                "TUTORDESK_NODE_NAME", name));
        env.putAll(environment);
        // Quick JIT and a single-threaded collector: two JVMs start on two cores in half the time.
        PackagedApp node = PackagedApp.launch(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), env, arguments,
                logName);
        started.accept(node);
        node.awaitReady(Duration.ofMinutes(5), status -> { });
        return node;
    }

    /**
     * Polls {@code condition} every 100 ms.
     *
     * @return when it held
     * @throws AssertionError naming {@code what} when it does not hold within {@code limit}
     */
    static Instant await(String what, Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            PackagedApp.pause(Duration.ofMillis(100));
        }
        return Instant.now();
    }
}
