package com.tutordesk.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who this application instance (node) is among the instances that share one database.
 *
 * @param name   unique among the running nodes: {@code tutordesk.node.name} ({@code TUTORDESK_NODE_NAME},
 *               e.g. "app1") or, by default, host name and HTTP port ("web-3:8080"); at most
 *               {@value #MAX_LENGTH} characters. It is written where a node takes work
 *               ({@code scheduled_tasks.picked_by}, {@code mail_messages.claimed_by}) and is the value of
 *               the routing cookie a load balancer keeps a browser on its node with
 * @param bootId random per start of the JVM (8 hex characters): tells a restarted node from the
 *               instance that was running before under the same name
 */
public record NodeIdentity(String name, String bootId) {

    /** Longest name: db-scheduler's {@code picked_by} column is 50 characters. */
    public static final int MAX_LENGTH = 50;

    public NodeIdentity {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH || !name.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("tutordesk.node.name must be 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_', ':' or '-': " + name);
        }
    }

    /**
     * @param configuredName {@code tutordesk.node.name}, blank for the default
     * @param port           the HTTP port ({@code server.port}); 0 (a random port) uses the process id instead
     * @return this node's identity with a fresh boot id
     */
    public static NodeIdentity of(String configuredName, int port) {
        String name = configuredName == null || configuredName.isBlank()
                ? defaultName(hostName(), port, ProcessHandle.current().pid())
                : configuredName.strip();
        byte[] boot = new byte[4];
        new SecureRandom().nextBytes(boot);
        return new NodeIdentity(name, HexFormat.of().formatHex(boot));
    }

    /** @return "host:port", or "host:pid1234" for a random port; the host cut so that the whole fits */
    static String defaultName(String host, int port, long pid) {
        String suffix = port > 0 ? ":" + port : ":pid" + pid;
        String cleanHost = host.replaceAll("[^A-Za-z0-9._-]", "-");
        int room = MAX_LENGTH - suffix.length();
        return (cleanHost.length() > room ? cleanHost.substring(0, room) : cleanHost) + suffix;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
