package com.tutordesk.payroll.ui;

import com.tutordesk.payroll.PayState;
import com.tutordesk.payroll.PayTotals;
import com.tutordesk.payroll.TutorPayRow;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.shared.PdfLook;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteParameters;

/** What the payroll pages share: the state badge, the statement address, totals lines, messages. */
final class PayrollUi {

    private PayrollUi() {
    }

    /** @return a badge "Open", "Approved" or "Paid" */
    static Span badge(PayState state) {
        Span badge = new Span(state.label());
        badge.addClassNames("invoice-status", "pay-state", "pay-state-" + state.name().toLowerCase());
        return badge;
    }

    /** @return the state as a grid cell text: "Paid Nov 20, 2026" or "Approved" or "Open" */
    static String stateText(TutorPayRow row, BusinessProfile profile) {
        return row.state() == PayState.PAID && row.paidOn() != null
                ? "Paid " + profile.formatDate(row.paidOn())
                : row.state().label();
    }

    /** @return the statement's route parameters */
    static RouteParameters statement(long tutorId, java.time.LocalDate periodStart) {
        return new RouteParameters(new com.vaadin.flow.router.RouteParam("tutorId", String.valueOf(tutorId)),
                new com.vaadin.flow.router.RouteParam("start", periodStart.toString()));
    }

    /**
     * Adds the columns every list of tutor pay shows, keyed "sessions", "hours", "earnings",
     * "adjustments", "total" and "state": sessions (with how many are carried forward), hours h:mm,
     * amounts in the business currency, and the state (with the payment date once paid).
     */
    static void addPayColumns(Grid<TutorPayRow> grid, BusinessProfile profile) {
        grid.addColumn(row -> row.totals().sessions()
                + (row.carriedSessions() == 0 ? "" : " (" + row.carriedSessions() + " carried)"))
                .setHeader("Sessions").setKey("sessions").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> hours(row.totals().minutes())).setHeader("Hours").setKey("hours")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> profile.formatMoney(row.totals().earningsMinor())).setHeader("Earnings")
                .setKey("earnings").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> profile.formatMoney(row.totals().adjustmentsMinor())).setHeader("Adjustments")
                .setKey("adjustments").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> profile.formatMoney(row.totals().totalMinor())).setHeader("Total").setKey("total")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> stateText(row, profile)).setHeader("State").setKey("state").setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** @return minutes as h:mm, as the statements print them */
    static String hours(int minutes) {
        return PdfLook.hoursMinutes(minutes);
    }

    /** @return a "label … amount" line of a totals block */
    static Div line(String label, String amount) {
        Span name = new Span(label);
        Span value = new Span(amount);
        value.addClassName("invoice-summary-amount");
        Div line = new Div(name, value);
        line.addClassName("invoice-summary-line");
        return line;
    }

    /** @return the totals block: sessions, adjustments, total */
    static Div totals(PayTotals totals, BusinessProfile profile) {
        Div block = new Div(line("Sessions (" + totals.sessions() + ", " + hours(totals.minutes()) + " h)",
                profile.formatMoney(totals.earningsMinor())),
                line("Adjustments", profile.formatMoney(totals.adjustmentsMinor())));
        Div total = line("Total", profile.formatMoney(totals.totalMinor()));
        total.addClassName("invoice-summary-total");
        block.add(total);
        block.addClassName("invoice-summary");
        return block;
    }

    static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
