package com.tutordesk.security;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above security adds to "My account" (e.g. the calendar-feed address of
 * the schedule module), so that security never depends on it. Implementations are Spring beans; the
 * page shows each one's component below the password, in bean order.
 */
public interface AccountPageSection {

    /** @return the section's component for the signed-in person, built fresh for this page */
    Component create();
}
