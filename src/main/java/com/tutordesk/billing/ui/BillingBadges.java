package com.tutordesk.billing.ui;

import com.tutordesk.billing.InvoiceStatus;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.util.Locale;

/** Shared bits of the billing views. */
final class BillingBadges {

    private BillingBadges() {
    }

    /** @return a coloured badge, e.g. "Overdue"; a scheduled draft reads "Scheduled" */
    static Span status(InvoiceStatus status, LocalDate sendOn) {
        String label = status == InvoiceStatus.DRAFT && sendOn != null ? "Scheduled" : status.label();
        Span badge = new Span(label);
        badge.addClassNames("invoice-status", "invoice-status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }
}
