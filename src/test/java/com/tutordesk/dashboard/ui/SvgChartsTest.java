package com.tutordesk.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.dashboard.MonthFigures;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.LateCancellationPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The charts are SVG that scales (a view box, no fixed size), with their categories drawn as text. */
class SvgChartsTest {

    /** A business in New York, in US dollars. */
    static final BusinessProfile PROFILE = new BusinessProfile("Maple Grove Tutoring", ZoneId.of("America/New_York"),
            Currency.getInstance("USD"), Locale.US, new LateCancellationPolicy(24, 100, 50), false, null, null);

    @Test
    void the_revenue_chart_is_scalable_svg_with_every_month_labelled() {
        List<MonthFigures> months = List.of(new MonthFigures(YearMonth.of(2026, 10), 3, 180, 15_000, 9_000),
                new MonthFigures(YearMonth.of(2026, 11), 0, 0, 0, 0));
        String svg = SvgCharts.revenueAndMargin(months, PROFILE);

        String root = svg.substring(0, svg.indexOf('>'));
        assertThat(root).startsWith("<svg").contains("viewBox='0.0 0.0 600.0 360.0'").doesNotContain("width");
        assertThat(svg).contains(">Oct 26<").contains(">Nov 26<").contains("Revenue").contains("Gross margin");
    }

    @Test
    void the_weekly_chart_names_each_tutor_and_keeps_weeks_without_sessions() {
        LocalDate first = LocalDate.of(2026, 11, 2);
        List<WeekTutorSessions> rows = List.of(new WeekTutorSessions(first, 1, "Ana Díaz", 4, 240),
                new WeekTutorSessions(first, 2, "Ben Cole", 2, 90));
        String svg = SvgCharts.sessionsPerWeek(List.of(first, first.plusWeeks(1)), rows, PROFILE);

        assertThat(svg).contains("Ana Díaz").contains("Ben Cole").contains(">Nov 2<").contains(">Nov 9<");
    }

    @Test
    void the_csv_gives_amounts_in_major_units_and_neutralises_formulas_in_names() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DashboardCsv.revenue("Client", List.of(new com.tutordesk.dashboard.RevenueLine(7, "=HYPERLINK(1)", 2, 75,
                12_345, 6_000)), PROFILE, out);
        String csv = out.toString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith("Client,Sessions,Minutes,Revenue (USD),Tutor costs (USD),Gross margin (USD)");
        assertThat(csv).contains("'=HYPERLINK(1)").contains(",2,75,123.45,60.00,63.45");
    }
}
