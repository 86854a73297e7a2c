package com.tutordesk.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A lock held by one node of the cluster at a time, for work that must not run on two nodes at once
 * and is not a background job (start-up work: loading the demo business, creating the first admin).
 *
 * <p>On MySQL and MariaDB it is the server's named lock ({@code GET_LOCK}), held on a connection of
 * its own for the length of the work: it is released when the work ends and also when the node dies
 * (the server drops a dead client's connection and its locks). On H2, the embedded default run,
 * only one process can open the database file at all, so a lock within the JVM suffices.
 */
@Component
public class ClusterLock {

    private final DataSource dataSource;
    private final ReentrantLock local = new ReentrantLock();

    ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} while holding the lock {@code name}, waiting up to {@code wait} for another
     * node to finish with it.
     *
     * @param name a name of at most 64 characters, the same on every node
     * @return what the work returned
     * @throws IllegalStateException when the lock was not had within {@code wait}, or the database failed
     */
    public <T> T runExclusively(String name, Duration wait, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                return runLocally(name, wait, work);
            }
            acquire(connection, name, wait);
            try {
                return work.get();
            } finally {
                release(connection, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not use the cluster lock " + name, e);
        }
    }

    private <T> T runLocally(String name, Duration wait, Supplier<T> work) {
        try {
            if (!local.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Waited " + wait + " for the lock " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the lock " + name, e);
        }
        try {
            return work.get();
        } finally {
            local.unlock();
        }
    }

    private static void acquire(Connection connection, String name, Duration wait) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setLong(2, Math.max(0, wait.toSeconds()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                int got = result.getInt(1);
                if (result.wasNull() || got != 1) {
                    throw new IllegalStateException("Waited " + wait + " for the lock " + name
                            + ": another node holds it (is it stuck?)");
                }
            }
        }
    }

    private static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name);
            statement.executeQuery().close();
        }
    }
}
