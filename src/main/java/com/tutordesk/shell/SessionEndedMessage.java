package com.tutordesk.shell;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * What a page says when the server no longer knows its session — the node that served it died or
 * restarted (issue 13), so the next click or keystroke reaches a node without it: "Your session ended
 * (the server restarted) — sign in again". Clicking the message (or Esc) reloads the page's own
 * address, which asks for a sign-in and then returns there (Spring Security keeps the address through
 * the login); a session report being typed was saved as a draft on the server a few seconds before.
 * Without this Vaadin reloads silently and the person finds a login page with no word of why.
 */
@Component
class SessionEndedMessage implements VaadinServiceInitListener {

    static final String CAPTION = "Your session ended (the server restarted) — sign in again";
    static final String MESSAGE = "Click here or press Esc to sign in. You will come back to this page;"
            + " a session report you were typing was kept as a draft.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(CAPTION);
        messages.setSessionExpiredMessage(MESSAGE);
        // null: reload this page's address (not a fixed page), so that the person comes back here.
        messages.setSessionExpiredURL(null);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
