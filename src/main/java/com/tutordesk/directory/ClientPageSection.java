package com.tutordesk.directory;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above the directory adds to the client page (e.g. the card on file of the
 * card-payments module), so that the directory never depends on it. Implementations are Spring beans;
 * the page shows each one's component below the billing contact, in bean order.
 */
public interface ClientPageSection {

    /**
     * @param clientId the client shown; the page has already checked that the viewer may manage it
     * @param reload   re-reads and redraws the whole client page (after a change this section made)
     * @return the section's component, built fresh for this page
     */
    Component create(long clientId, Runnable reload);
}
