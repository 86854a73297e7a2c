package com.tutordesk.prepaid.ui;

import com.tutordesk.prepaid.LowBalanceEmails;
import com.tutordesk.settings.SettingsPageSection;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import org.springframework.dao.OptimisticLockingFailureException;

/** "Prepaid packages" on the Settings page (admins): the optional low-balance email's threshold in hours. */
@org.springframework.stereotype.Component
class LowBalanceSettingsSection implements SettingsPageSection {

    private final LowBalanceEmails emails;

    LowBalanceSettingsSection(LowBalanceEmails emails) {
        this.emails = emails;
    }

    @Override
    public Component create() {
        return new Section(emails);
    }

    /** The section itself (fields package-visible for tests). */
    static final class Section extends Div {

        final IntegerField hours = new IntegerField("Email the billing contact when a package has less than (hours)");
        final Button save = new Button("Save prepaid settings");
        private final LowBalanceEmails emails;
        private long version;

        Section(LowBalanceEmails emails) {
            this.emails = emails;
            setId("prepaid-settings");
            hours.setId("prepaid-low-balance-hours");
            hours.setMin(LowBalanceEmails.MIN_HOURS);
            hours.setMax(LowBalanceEmails.MAX_HOURS);
            hours.setWidth("24rem");
            hours.setClearButtonVisible(true);
            hours.setHelperText("Empty: no email. Sent once per package, through the outbox.");
            String range = "Hours must be " + LowBalanceEmails.MIN_HOURS + "–" + LowBalanceEmails.MAX_HOURS;
            hours.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                    .setBadInputErrorMessage("Hours must be a whole number"));
            save.setId("prepaid-settings-save");
            save.addClickListener(e -> save());
            add(new H3("Prepaid packages"), hours, save);
            show(emails.current());
        }

        private void show(LowBalanceEmails.Threshold threshold) {
            version = threshold.version();
            hours.setValue(threshold.hours());
            hours.setInvalid(false);
        }

        void save() {
            try {
                show(emails.update(hours.getValue(), version));
                Notification.show("Prepaid settings saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidFieldException invalid) {
                hours.setErrorMessage(invalid.getMessage());
                hours.setInvalid(true);
            } catch (OptimisticLockingFailureException changed) {
                Notification.show("Someone else changed the prepaid settings in the meantime: reload the page", 6000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
