package com.tutordesk.billing.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The small pieces the billing pages share: a label–value fact, a summary line, a notification. */
final class BillingUi {

    private BillingUi() {
    }

    /** Adds "label: value" to a {@code details-grid}; the value keeps its line breaks (an address). */
    static void fact(Div grid, String label, String value) {
        Span name = new Span(label);
        name.addClassName("details-label");
        Span text = new Span(value);
        text.addClassNames("details-value", "details-multiline");
        grid.add(name, text);
    }

    /** @return a line of a money summary: label on the left, amount on the right */
    static Div summaryLine(String label, String amount) {
        Span name = new Span(label);
        Span value = new Span(amount);
        value.addClassName("invoice-summary-amount");
        Div line = new Div(name, value);
        line.addClassName("invoice-summary-line");
        return line;
    }

    /** Shows a success (bottom) or an error (middle, longer) notification. */
    static void notify(String message, boolean error) {
        Notification.show(message, error ? 6000 : 4000, error ? Notification.Position.MIDDLE
                : Notification.Position.BOTTOM_START)
                .addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
