package com.tutordesk.billing;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above billing adds to the invoice page (e.g. card payment attempts and
 * refunds of the card-payments module), so that billing never depends on it. Implementations are
 * Spring beans; the page shows each one's component below the invoice's payments.
 */
public interface InvoicePageSection {

    /**
     * @param invoice the invoice as its viewer may see it (the page has already checked access)
     * @param reload  re-reads and redraws the invoice page
     * @return the section's component, built fresh for this page
     */
    Component create(InvoiceDetails invoice, Runnable reload);
}
