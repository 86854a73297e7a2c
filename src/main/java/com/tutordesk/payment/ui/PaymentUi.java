package com.tutordesk.payment.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Small helpers shared by the card-payment sections. */
final class PaymentUi {

    private PaymentUi() {
    }

    static void notify(String message, boolean problem) {
        Notification notification = Notification.show(message, problem ? 8000 : 4000,
                problem ? Notification.Position.MIDDLE : Notification.Position.BOTTOM_START);
        notification.addThemeVariants(problem ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    /** The visible explanation beside a disabled card action (a disabled button shows no tooltip). */
    static Span disabledReason(String reason, String id) {
        Span span = new Span(reason == null ? "" : reason);
        span.addClassName("card-disabled-reason");
        span.setId(id);
        span.setVisible(reason != null);
        return span;
    }
}
