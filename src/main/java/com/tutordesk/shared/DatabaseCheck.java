package com.tutordesk.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses, before any migration, a database URL whose driver does not fit the server: MySQL
 * Connector/J ({@code jdbc:mysql:}) against a MariaDB server fails only after Flyway has migrated,
 * with "Unknown column 'RESERVED'" and "Unable to determine Dialect" (its metadata queries assume
 * MySQL 8, and it reports MariaDB as MySQL, so Hibernate would speak MySQL 8 to it). A
 * {@code jdbc:mariadb:} URL uses MariaDB Connector/J, which reports MariaDB, and Hibernate picks its
 * MariaDB dialect (README "Production").
 */
@Configuration(proxyBeanMethods = false)
class DatabaseCheck {

    @Bean
    FlywayMigrationStrategy refuseMismatchedDriverThenMigrate() {
        return flyway -> {
            refuseMismatchedDriver(flyway);
            flyway.migrate();
        };
    }

    private static void refuseMismatchedDriver(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (url == null || !url.startsWith("jdbc:mysql:")) {
                return;
            }
            try (Statement statement = connection.createStatement();
                    ResultSet version = statement.executeQuery("SELECT VERSION()")) {
                version.next();
                String server = version.getString(1);
                problem(url, server).ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the database: " + e.getMessage(), e);
        }
    }

    /** @return the refusal for a {@code jdbc:mysql:} URL that reaches a server reporting {@code serverVersion} */
    static java.util.Optional<String> problem(String url, String serverVersion) {
        if (url.startsWith("jdbc:mysql:") && serverVersion != null
                && serverVersion.toLowerCase(Locale.ROOT).contains("mariadb")) {
            String host = url.substring(url.indexOf(':') + 1);
            return java.util.Optional.of("TUTORDESK_DB_URL points a MySQL URL (jdbc:mysql:) at a MariaDB server ("
                    + serverVersion + "): use a MariaDB URL, e.g. jdbc:" + host.replaceFirst("^mysql", "mariadb")
                    .replaceFirst("\\?.*$", "") + " (README \"Production\")");
        }
        return java.util.Optional.empty();
    }
}
