package com.tutordesk.directory;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above the directory adds to the engagement page (e.g. its prepaid packages,
 * issue 17), so that the directory never depends on it; as {@link ClientPageSection} for the client page.
 * Implementations are Spring beans; the page shows each one's component below the rates, in bean order.
 */
public interface EngagementPageSection {

    /**
     * @param engagementId the engagement shown; the page has already checked that the viewer may see it
     *                     (the section's own service checks again what it shows)
     * @param reload       re-reads and redraws the whole engagement page (after a change this section made)
     * @return the section's component, built fresh for this page
     */
    Component create(long engagementId, Runnable reload);
}
