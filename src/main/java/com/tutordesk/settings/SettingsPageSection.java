package com.tutordesk.settings;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above settings adds to the Settings page (e.g. the reminder settings of
 * the schedule module) with its own fields and Save, so that settings never depends on it.
 * Implementations are Spring beans; the page (admins only) shows each one's component at its end,
 * in bean order.
 */
public interface SettingsPageSection {

    /** @return the section's component, built fresh for this page */
    Component create();
}
