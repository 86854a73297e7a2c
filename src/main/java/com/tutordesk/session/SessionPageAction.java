package com.tutordesk.session;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * An action that a module above the session module adds to the session page's buttons (e.g.
 * Confirm &amp; Charge of the card-payments module), so that the session module never depends on it.
 * Implementations are Spring beans; every rule is still checked by the implementing module's services.
 */
public interface SessionPageAction {

    /** What the session page shows for this action. */
    record Shown(Component component, boolean replacesSendInvoice) {
    }

    /**
     * @param page   the session page as its viewer may see it
     * @param reload re-reads and redraws the session page (after the action changed something)
     * @return the component to add beside "Send invoice" (and whether "Send invoice" is hidden because
     *         this action takes its place), or empty when the action does not apply to this session
     */
    Optional<Shown> create(SessionPage page, Runnable reload);
}
