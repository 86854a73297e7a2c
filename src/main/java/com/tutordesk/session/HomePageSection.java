package com.tutordesk.session;

import com.vaadin.flow.component.Component;

/**
 * A section that a module above the session module adds to the Home page (e.g. the dashboard's
 * figures, issue 19), so that the session module never depends on it. Implementations are Spring
 * beans; Home shows each one's component above the agenda, in bean order. Each section checks who
 * is signed in itself (its service refuses what the viewer may not see) and may return
 * {@code null} to show nothing for that viewer.
 */
public interface HomePageSection {

    /** @return the section's component for the signed-in user, built fresh for this page, or {@code null} */
    Component create();
}
