package com.tutordesk.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** How to read a large result row by row instead of holding it all in memory, per JDBC driver. */
public final class StreamingReads {

    private StreamingReads() {
    }

    /**
     * @return the fetch size that streams on this data source's driver: MySQL Connector/J streams
     *         only with {@link Integer#MIN_VALUE}; MariaDB Connector/J (which refuses negative sizes)
     *         and H2 read in chunks of a positive size (1,000 rows)
     * @throws IllegalStateException when the database cannot be reached to tell
     */
    public static int fetchSize(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String driver = connection.getMetaData().getDriverName().toLowerCase(Locale.ROOT);
            return driver.contains("mysql connector") ? Integer.MIN_VALUE : 1000;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which JDBC driver is in use", e);
        }
    }
}
