package com.tutordesk.schedule.ui;

import com.tutordesk.schedule.ReminderSettings;
import com.tutordesk.schedule.ReminderSettingsService;
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

/** "Session reminders" on the Settings page (admins): the off switch and the hours before a session. */
@org.springframework.stereotype.Component
class ReminderSettingsSection implements SettingsPageSection {

    private final ReminderSettingsService reminders;

    ReminderSettingsSection(ReminderSettingsService reminders) {
        this.reminders = reminders;
    }

    @Override
    public Component create() {
        return new Section(reminders);
    }

    /** The section itself (fields package-visible for tests). */
    static final class Section extends Div {

        final Checkbox enabled = new Checkbox("Email a reminder before each scheduled session");
        final IntegerField hours = new IntegerField("Hours before the session");
        final Button save = new Button("Save reminders");
        private final ReminderSettingsService reminders;
        private long version;

        Section(ReminderSettingsService reminders) {
            this.reminders = reminders;
            setId("reminder-settings");
            enabled.setId("reminders-enabled");
            hours.setId("reminder-hours");
            hours.setMin(ReminderSettings.MIN_HOURS);
            hours.setMax(ReminderSettings.MAX_HOURS);
            hours.setStepButtonsVisible(true);
            hours.setHelperText("To the billing contact and the student's own email, if any. A session moved after its"
                    + " reminder gets a new one; a cancelled one gets a cancellation notice.");
            String range = "Hours before the session must be " + ReminderSettings.MIN_HOURS + "–"
                    + ReminderSettings.MAX_HOURS;
            hours.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                    .setRequiredErrorMessage("Hours before the session is required")
                    .setBadInputErrorMessage("Hours before the session must be a whole number"));
            enabled.addValueChangeListener(e -> hours.setEnabled(e.getValue()));
            save.setId("reminders-save");
            save.addClickListener(e -> save());
            FormLayout form = new FormLayout(enabled, hours);
            form.setMaxWidth("40rem");
            add(new H3("Session reminders"), form, save);
            show(reminders.current());
        }

        private void show(ReminderSettings settings) {
            version = settings.version();
            enabled.setValue(settings.enabled());
            hours.setValue(settings.hoursBefore());
            hours.setEnabled(settings.enabled());
            hours.setInvalid(false);
        }

        void save() {
            try {
                show(reminders.update(enabled.getValue(), hours.getValue(), version));
                Notification.show("Reminder settings saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidFieldException invalid) {
                hours.setErrorMessage(invalid.getMessage());
                hours.setInvalid(true);
            } catch (OptimisticLockingFailureException changed) {
                Notification.show("Someone else changed the reminder settings in the meantime: reload the page to see"
                        + " them.", 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
