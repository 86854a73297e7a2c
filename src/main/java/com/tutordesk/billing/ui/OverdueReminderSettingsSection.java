package com.tutordesk.billing.ui;

import com.tutordesk.billing.OverdueReminderSettings;
import com.tutordesk.billing.OverdueReminders;
import com.tutordesk.settings.SettingsPageSection;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import org.springframework.dao.OptimisticLockingFailureException;

/** "Overdue reminders" on the Settings page (admins): the off switch and the days after the due date. */
@org.springframework.stereotype.Component
class OverdueReminderSettingsSection implements SettingsPageSection {

    private final OverdueReminders reminders;

    OverdueReminderSettingsSection(OverdueReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public Component create() {
        return new Section(reminders);
    }

    /** The section itself (fields package-visible for tests). */
    static final class Section extends Div {

        final Checkbox enabled = new Checkbox("Email a reminder when an invoice is overdue");
        final IntegerField days = new IntegerField("Days after the due date");
        final Button save = new Button("Save overdue reminders");
        private final OverdueReminders reminders;
        private long version;

        Section(OverdueReminders reminders) {
            this.reminders = reminders;
            setId("overdue-reminder-settings");
            enabled.setId("overdue-reminders-enabled");
            days.setId("overdue-reminder-days");
            days.setMin(OverdueReminderSettings.MIN_DAYS);
            days.setMax(OverdueReminderSettings.MAX_DAYS);
            days.setStepButtonsVisible(true);
            days.setHelperText("Then every " + OverdueReminderSettings.EVERY_DAYS + " days, at most "
                    + OverdueReminderSettings.MAX_REMINDERS + " reminders, with the Pay now link where card payments"
                    + " are on. Never for a paid or cancelled invoice, nor while a card payment is in progress.");
            String range = "Days after the due date must be " + OverdueReminderSettings.MIN_DAYS + "–"
                    + OverdueReminderSettings.MAX_DAYS;
            days.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                    .setRequiredErrorMessage("Days after the due date is required")
                    .setBadInputErrorMessage("Days after the due date must be a whole number"));
            enabled.addValueChangeListener(e -> days.setEnabled(e.getValue()));
            save.setId("overdue-reminders-save");
            save.addClickListener(e -> save());
            FormLayout form = new FormLayout(enabled, days);
            form.setMaxWidth("40rem");
            add(new H3("Overdue reminders"), form, save);
            show(reminders.current());
        }

        private void show(OverdueReminderSettings settings) {
            version = settings.version();
            enabled.setValue(settings.enabled());
            days.setValue(settings.firstAfterDays());
            days.setEnabled(settings.enabled());
            days.setInvalid(false);
        }

        void save() {
            try {
                show(reminders.update(enabled.getValue(), days.getValue(), version));
                Notification.show("Overdue reminder settings saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidFieldException invalid) {
                days.setErrorMessage(invalid.getMessage());
                days.setInvalid(true);
            } catch (OptimisticLockingFailureException changed) {
                Notification.show("Someone else changed the overdue reminder settings in the meantime: reload the page"
                        + " to see them.", 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
