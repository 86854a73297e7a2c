package com.tutordesk.dashboard.ui;

import com.tutordesk.billing.PaymentsTotals;
import com.tutordesk.dashboard.AdminDashboard;
import com.tutordesk.dashboard.DashboardService;
import com.tutordesk.dashboard.MonthFigures;
import com.tutordesk.dashboard.TodoItem;
import com.tutordesk.dashboard.WeekTutorSessions;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The admin's part of Home (issue 19): this month against last month, the Payments figures, the
 * to-do list and the two charts with their tables and CSV.
 */
class AdminHome extends Div {

    /** Months of the revenue chart, weeks of the sessions chart. */
    static final int CHART_MONTHS = 12;
    static final int CHART_WEEKS = 12;

    /**
     * One line of the month comparison.
     *
     * @param measure   what is compared
     * @param thisMonth this month's value, formatted
     * @param lastMonth last month's value, formatted
     */
    record Comparison(String measure, String thisMonth, String lastMonth) {
    }

    final Grid<Comparison> comparison = new Grid<>();
    final Span overdue = new Span();
    final Span outstanding = new Span();
    final Span unbilled = new Span();
    final Map<TodoItem.Kind, Anchor> todo = new EnumMap<>(TodoItem.Kind.class);
    final Grid<MonthFigures> monthTable = new Grid<>();
    final Grid<WeekTutorSessions> weekTable = new Grid<>();
    final ChartPanel revenueChart;
    final ChartPanel weeklyChart;

    AdminHome(DashboardService dashboard, BusinessProfile profile) {
        addClassName("dashboard");
        AdminDashboard figures = dashboard.admin();
        MonthFigures now = figures.thisMonth();
        MonthFigures before = figures.lastMonth();
        DateTimeFormatter monthLabel = DateTimeFormatter.ofPattern("MMMM yyyy", profile.locale());

        comparison.setId("dashboard-months");
        comparison.addColumn(Comparison::measure).setHeader("").setKey("measure");
        comparison.addColumn(Comparison::thisMonth).setHeader(monthLabel.format(now.month()) + " (so far)")
                .setKey("this");
        comparison.addColumn(Comparison::lastMonth).setHeader(monthLabel.format(before.month())).setKey("last");
        comparison.setItems(List.of(
                compare("Sessions delivered", now, before, m -> String.valueOf(m.sessionsDelivered())),
                compare("Hours delivered", now, before, m -> hours(m.minutesDelivered())),
                compare("Revenue", now, before, m -> profile.formatMoney(m.revenueMinor())),
                compare("Tutor costs", now, before, m -> profile.formatMoney(m.tutorCostsMinor())),
                compare("Gross margin", now, before, m -> profile.formatMoney(m.marginMinor())),
                compare("Gross margin %", now, before, m -> percent(m.marginPercent()))));
        comparison.setAllRowsVisible(true);
        comparison.addThemeVariants(GridVariant.LUMO_COMPACT);

        PaymentsTotals money = figures.money();
        overdue.setText(profile.formatMoney(money.overdueMinor()));
        outstanding.setText(profile.formatMoney(money.outstandingMinor()));
        unbilled.setText(profile.formatMoney(money.unbilledMinor()));
        Div moneyCards = new Div(
                card("Overdue", overdue, invoices(money.overdueCount()), "payments?status=overdue"),
                card("Outstanding", outstanding, invoices(money.outstandingCount()), "payments?status=outstanding"),
                card("Unbilled", unbilled, money.unbilledCount() + " session" + (money.unbilledCount() == 1 ? "" : "s"),
                        "payments"));
        moneyCards.addClassName("dashboard-cards");
        moneyCards.setId("dashboard-money");

        UnorderedList todoList = new UnorderedList();
        todoList.setId("dashboard-todo");
        todoList.addClassName("dashboard-todo");
        for (TodoItem item : figures.todo()) {
            Anchor link = new Anchor(item.link(), item.kind().label() + ": " + item.count());
            link.addClassName(item.count() == 0 ? "todo-done" : "todo-open");
            todo.put(item.kind(), link);
            todoList.add(new ListItem(link));
        }

        List<MonthFigures> months = dashboard.months(CHART_MONTHS);
        monthTable.addColumn(m -> monthLabel.format(m.month())).setHeader("Month").setKey("month");
        monthTable.addColumn(m -> profile.formatMoney(m.revenueMinor())).setHeader("Revenue").setKey("revenue");
        monthTable.addColumn(m -> profile.formatMoney(m.tutorCostsMinor())).setHeader("Tutor costs").setKey("costs");
        monthTable.addColumn(m -> profile.formatMoney(m.marginMinor())).setHeader("Gross margin").setKey("margin");
        monthTable.addColumn(m -> percent(m.marginPercent())).setHeader("%").setKey("percent");
        monthTable.setItems(months);
        monthTable.setAllRowsVisible(true);
        monthTable.addThemeVariants(GridVariant.LUMO_COMPACT);
        revenueChart = new ChartPanel("Revenue and gross margin, last " + CHART_MONTHS + " months",
                SvgCharts.revenueAndMargin(months, profile), "Bar chart of revenue and gross margin per month",
                monthTable, "revenue-by-month.csv", out -> DashboardCsv.months(months, profile, out));
        revenueChart.setId("chart-revenue");

        List<WeekTutorSessions> weeks = dashboard.weeksByTutor(CHART_WEEKS);
        List<LocalDate> weekStarts = new ArrayList<>();
        LocalDate current = dashboard.currentWeekStart();
        for (int i = CHART_WEEKS - 1; i >= 0; i--) {
            weekStarts.add(current.minusWeeks(i));
        }
        weekTable.addColumn(w -> profile.formatDate(w.weekStart())).setHeader("Week of").setKey("week");
        weekTable.addColumn(WeekTutorSessions::tutorName).setHeader("Tutor").setKey("tutor");
        weekTable.addColumn(WeekTutorSessions::sessions).setHeader("Sessions").setKey("sessions");
        weekTable.addColumn(w -> hours(w.minutes())).setHeader("Hours").setKey("hours");
        weekTable.setItems(weeks);
        weekTable.setAllRowsVisible(true);
        weekTable.addThemeVariants(GridVariant.LUMO_COMPACT);
        weeklyChart = new ChartPanel("Sessions per week by tutor, last " + CHART_WEEKS + " weeks",
                SvgCharts.sessionsPerWeek(weekStarts, weeks, profile), "Stacked bar chart of sessions per week by tutor",
                weekTable, "sessions-by-week.csv", out -> DashboardCsv.weeks(weeks, out));
        weeklyChart.setId("chart-weekly");

        add(new H2("This month"), comparison, new H2("Money"), moneyCards, new H2("To do"), todoList,
                revenueChart, weeklyChart);
    }

    private static Comparison compare(String measure, MonthFigures now, MonthFigures before,
            Function<MonthFigures, String> value) {
        return new Comparison(measure, value.apply(now), value.apply(before));
    }

    private static Div card(String label, Span amount, String detail, String link) {
        Anchor anchor = new Anchor(link, label);
        Span small = new Span(detail);
        small.addClassName("dashboard-card-detail");
        amount.addClassName("dashboard-card-amount");
        Div card = new Div(anchor, amount, small);
        card.addClassName("dashboard-card");
        return card;
    }

    private static String invoices(long count) {
        return count + " invoice" + (count == 1 ? "" : "s");
    }

    /** Hours as h:mm, never rounded decimal hours (domain.md "Amounts"). */
    static String hours(long minutes) {
        return com.tutordesk.shared.PdfLook.hoursMinutes(Math.toIntExact(minutes));
    }

    static String percent(BigDecimal percent) {
        return percent == null ? "–" : percent.toPlainString() + " %";
    }
}
