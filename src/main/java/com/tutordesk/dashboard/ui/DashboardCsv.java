package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.MonthFigures;
import com.tutordesk.dashboard.RevenueLine;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.CsvCells;
import com.tutordesk.shared.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The numbers under the dashboard's charts and the reports as CSV (UTF-8, header row): amounts in
 * major units of the business currency with the currency code in the header ("Revenue (USD)"),
 * durations in minutes, dates ISO. Names go through {@link CsvCells#neutraliseFormula} so that a
 * spreadsheet never runs them as formulas.
 */
final class DashboardCsv {

    private DashboardCsv() {
    }

    static void months(List<MonthFigures> months, BusinessProfile profile, OutputStream out) {
        String c = profile.currency().getCurrencyCode();
        write(out, List.of("Month", "Sessions delivered", "Minutes delivered", "Revenue (" + c + ")",
                "Tutor costs (" + c + ")", "Gross margin (" + c + ")", "Gross margin (%)"), csv -> {
                    for (MonthFigures m : months) {
                        csv.printRecord(m.month(), m.sessionsDelivered(), m.minutesDelivered(),
                                major(m.revenueMinor(), profile), major(m.tutorCostsMinor(), profile),
                                major(m.marginMinor(), profile),
                                m.marginPercent() == null ? "" : m.marginPercent().toPlainString());
                    }
                });
    }

    static void weeks(List<WeekTutorSessions> rows, OutputStream out) {
        write(out, List.of("Week starting", "Tutor", "Sessions delivered", "Minutes delivered"), csv -> {
            for (WeekTutorSessions row : rows) {
                csv.printRecord(row.weekStart(), text(row.tutorName()), row.sessions(), row.minutes());
            }
        });
    }

    static void revenue(String dimension, List<RevenueLine> lines, BusinessProfile profile, OutputStream out) {
        String c = profile.currency().getCurrencyCode();
        write(out, List.of(dimension, "Sessions", "Minutes", "Revenue (" + c + ")", "Tutor costs (" + c + ")",
                "Gross margin (" + c + ")"), csv -> {
                    for (RevenueLine line : lines) {
                        csv.printRecord(text(line.name()), line.sessions(), line.minutes(),
                                major(line.revenueMinor(), profile), major(line.tutorCostsMinor(), profile),
                                major(line.marginMinor(), profile));
                    }
                });
    }

    private static String major(long minor, BusinessProfile profile) {
        return new Money(minor, profile.currency()).toMajor().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : CsvCells.neutraliseFormula(value);
    }

    private interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private static void write(OutputStream out, List<String> header, Rows rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .get());
            rows.print(csv);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
