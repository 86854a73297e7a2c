package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.MonthFigures;
import com.tutordesk.dashboard.RevenueLine;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.CsvCells;
import com.tutordesk.shared.Money;
import java.io.OutputStream;
import java.util.List;

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
        CsvCells.write(out, List.of("Month", "Sessions delivered", "Minutes delivered", "Revenue (" + c + ")",
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
        CsvCells.write(out, List.of("Week starting", "Tutor", "Sessions delivered", "Minutes delivered"), csv -> {
            for (WeekTutorSessions row : rows) {
                csv.printRecord(row.weekStart(), CsvCells.text(row.tutorName()), row.sessions(), row.minutes());
            }
        });
    }

    static void revenue(String dimension, List<RevenueLine> lines, BusinessProfile profile, OutputStream out) {
        String c = profile.currency().getCurrencyCode();
        CsvCells.write(out, List.of(dimension, "Sessions", "Minutes", "Revenue (" + c + ")", "Tutor costs (" + c + ")",
                "Gross margin (" + c + ")"), csv -> {
                    for (RevenueLine line : lines) {
                        csv.printRecord(CsvCells.text(line.name()), line.sessions(), line.minutes(),
                                major(line.revenueMinor(), profile), major(line.tutorCostsMinor(), profile),
                                major(line.marginMinor(), profile));
                    }
                });
    }

    private static String major(long minor, BusinessProfile profile) {
        return new Money(minor, profile.currency()).toMajor().toPlainString();
    }
}
