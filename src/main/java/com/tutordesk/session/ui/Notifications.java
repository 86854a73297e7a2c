package com.tutordesk.session.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;

/** Confirmations the session views show after a change. */
final class Notifications {

    private Notifications() {
    }

    /** "Session logged" with a link to it (or the number of sessions scheduled). */
    static void logged(List<Long> ids) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.setDuration(6000);
        notification.setPosition(Notification.Position.BOTTOM_START);
        Span text = new Span(ids.size() == 1 ? "Session saved." : ids.size() + " sessions scheduled.");
        HorizontalLayout content = new HorizontalLayout(text);
        content.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        if (!ids.isEmpty()) {
            Button open = new Button("Open", e -> {
                notification.close();
                UI.getCurrent().navigate("sessions/" + ids.getFirst());
            });
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            content.add(open);
        }
        notification.add(content);
        notification.open();
    }
}
