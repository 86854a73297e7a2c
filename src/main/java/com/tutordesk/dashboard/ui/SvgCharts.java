package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.MonthFigures;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.Money;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The dashboard's charts, drawn on the server by JFreeChart into JFreeSVG's SVG {@code Graphics2D}
 * (issue 19: no npm charting can be built here). The SVG has a view box and no fixed size, so the
 * page scales it to the screen's width (phones included). Amounts are drawn in major units of the
 * business currency; the exact minor-unit figures are in the table under each chart.
 */
final class SvgCharts {

    /** Drawing size in SVG user units; the page scales it. */
    static final int WIDTH = 600;
    static final int HEIGHT = 360;

    private static final Color REVENUE = new Color(0x1676f3);
    private static final Color MARGIN = new Color(0x17a34a);

    private SvgCharts() {
    }

    /** @return an SVG document: revenue and gross margin per month, side by side */
    static String revenueAndMargin(List<MonthFigures> months, BusinessProfile profile) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yy", profile.locale());
        for (MonthFigures month : months) {
            String category = label.format(month.month());
            data.addValue(major(month.revenueMinor(), profile), "Revenue", category);
            data.addValue(major(month.marginMinor(), profile), "Gross margin", category);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, profile.currency().getCurrencyCode(), data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = style(chart);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, REVENUE);
        renderer.setSeriesPaint(1, MARGIN);
        NumberFormat money = NumberFormat.getCurrencyInstance(profile.locale());
        money.setCurrency(profile.currency());
        money.setMaximumFractionDigits(0);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(money);
        return svg(chart);
    }

    /** @return an SVG document: delivered sessions per week, one stacked segment per tutor */
    static String sessionsPerWeek(List<LocalDate> weeks, List<WeekTutorSessions> rows, BusinessProfile profile) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM d", profile.locale());
        // One series per tutor, by id: two tutors of the same name stay two segments, told apart by their id.
        Map<Long, String> names = new TreeMap<>();
        rows.forEach(row -> names.put(row.tutorId(), row.tutorName()));
        Map<Long, String> series = new TreeMap<>();
        names.forEach((id, name) -> series.put(id, names.values().stream().filter(name::equals).count() > 1
                ? name + " (#" + id + ")" : name));
        List<String> tutors = series.values().stream().sorted().toList();
        // every week is a category, also one without sessions
        for (LocalDate week : weeks) {
            if (tutors.isEmpty()) {
                data.addValue(0, "Sessions", label.format(week));
            }
            for (String tutor : tutors) {
                data.addValue(0, tutor, label.format(week));
            }
        }
        for (WeekTutorSessions row : rows) {
            String week = label.format(row.weekStart());
            String tutor = series.get(row.tutorId());
            Number before = data.getValue(tutor, week);
            data.setValue(before.longValue() + row.sessions(), tutor, week);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "Sessions", data,
                PlotOrientation.VERTICAL, !rows.isEmpty(), false, false);
        CategoryPlot plot = style(chart);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return svg(chart);
    }

    private static CategoryPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xd0d5dd));
        plot.setOutlineVisible(false);
        CategoryAxis axis = plot.getDomainAxis();
        // Upright labels stay SVG text (rotated ones are drawn as outlines); short ones fit 12 bars.
        // 600 units wide with 14-unit text reads at about 9 px on a 390 px phone screen.
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(2);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        axis.setTickLabelFont(font);
        plot.getRangeAxis().setTickLabelFont(font);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font);
        }
        ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        return plot;
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static double major(long minor, BusinessProfile profile) {
        return new Money(minor, profile.currency()).toMajor().doubleValue();
    }
}
