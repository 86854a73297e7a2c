package com.tutordesk.billing.ui;

import com.tutordesk.billing.OverdueReminderSettings;
import com.tutordesk.billing.OverdueReminders;
import com.tutordesk.settings.BusinessProfile;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/** The overdue reminders of an invoice as its page lists them: "Reminder 1 of 3 · queued …". */
final class OverdueReminderList {

    private OverdueReminderList() {
    }

    static Div of(List<OverdueReminders.Reminder> reminders, BusinessProfile profile) {
        Div list = new Div();
        list.setId("invoice-reminders");
        for (OverdueReminders.Reminder reminder : reminders) {
            list.add(new Paragraph("Reminder " + reminder.number() + " of " + OverdueReminderSettings.MAX_REMINDERS
                    + " · queued " + profile.formatDateTime(reminder.sentAt()) + " (its delivery is under Emails)"));
        }
        return list;
    }
}
