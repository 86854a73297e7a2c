package com.tutordesk.demo;

import com.tutordesk.shared.StreamingReads;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batched SQL the demo's invoice and payroll writers share: rows written a thousand at a time,
 * each chunk in its own transaction; names by id; a streaming read of a large table; instants
 * written as UTC wall-clock values (as Hibernate reads them) and business-local hours.
 */
final class DemoRows {

    static final int BATCH_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate perBatch;
    private final ZoneId zone;

    DemoRows(JdbcTemplate jdbc, TransactionTemplate perBatch, ZoneId zone) {
        this.jdbc = jdbc;
        this.perBatch = perBatch;
        this.zone = zone;
    }

    /** Runs {@code sql} for every row, {@value #BATCH_SIZE} rows per batch and transaction. */
    void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
            perBatch.executeWithoutResult(status -> jdbc.batchUpdate(sql, chunk));
        }
    }

    /** @return the {@code name} column of {@code table} by id */
    Map<Long, String> names(String table) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, name from " + table, rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        });
        return names;
    }

    /**
     * @return a template that streams a large result row by row ({@link StreamingReads#fetchSize})
     */
    JdbcTemplate streaming() {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(StreamingReads.fetchSize(jdbc.getDataSource()));
        return streaming;
    }

    /** @return {@code hour}:00 on {@code date} in the business zone */
    Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    /** @return the instant as a UTC wall-clock value, as the {@code DATETIME(6)} columns hold it */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
