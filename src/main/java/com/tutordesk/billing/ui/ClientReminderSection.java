package com.tutordesk.billing.ui;

import com.tutordesk.billing.OverdueReminders;
import com.tutordesk.directory.ClientPageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;

/**
 * The client page's overdue-reminder switch (issue 15: "admins can turn reminders off per client").
 * Only admins see it; the service checks the role again.
 */
@org.springframework.stereotype.Component
class ClientReminderSection implements ClientPageSection {

    private final OverdueReminders reminders;

    ClientReminderSection(OverdueReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Component create(long clientId, Runnable reload) {
        Div section = new Div();
        if (!reminders.maySwitchPerClient()) {
            section.setVisible(false);
            return section;
        }
        Checkbox on = new Checkbox("Email overdue reminders to this client", reminders.remindsClient(clientId));
        on.setId("client-overdue-reminders");
        on.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reminders.setRemindsClient(clientId, e.getValue());
                BillingUi.notify(e.getValue() ? "Overdue reminders on for this client"
                        : "Overdue reminders off for this client", false);
            }
        });
        section.add(on);
        return section;
    }
}
