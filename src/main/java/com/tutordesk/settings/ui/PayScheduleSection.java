package com.tutordesk.settings.ui;

import com.tutordesk.settings.PayFrequency;
import com.tutordesk.settings.PaySchedule;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/**
 * The pay period setting on the Settings page (issue 16; domain.md "Payroll": weekly, every two
 * weeks, twice a month or monthly, from an anchor date), with its own Save: it is stored beside the
 * other settings but saved on its own, so that neither form overwrites the other.
 */
class PayScheduleSection extends Div {

    final Select<PayFrequency> frequency = new Select<>();
    final DatePicker anchor = new DatePicker("Anchor date");
    final Button save = new Button("Save pay period");
    private final SettingsService settings;
    /** The setting as this form read it: saving over a newer one is refused. */
    private PaySchedule shown;

    PayScheduleSection(SettingsService settings, Locale locale) {
        this.settings = settings;
        setId("pay-schedule");
        frequency.setLabel("Pay period");
        frequency.setItems(PayFrequency.values());
        frequency.setItemLabelGenerator(PayFrequency::label);
        frequency.setId("pay-frequency");
        anchor.setLocale(locale);
        anchor.setId("pay-anchor");
        anchor.setHelperText("A day on which a pay period starts; periods repeat from it (twice a month: the 1st or"
                + " the 16th; monthly: periods start on this day of the month). Approved periods keep their dates.");
        frequency.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() == PayFrequency.TWICE_A_MONTH && anchor.getValue() != null) {
                anchor.setValue(anchor.getValue().withDayOfMonth(anchor.getValue().getDayOfMonth() < 16 ? 1 : 16));
            }
        });
        save.addClickListener(click -> save());
        show(settings.paySchedule());
        FormLayout layout = new FormLayout(frequency, anchor);
        layout.setMaxWidth("40rem");
        add(layout, save);
    }

    private void show(PaySchedule schedule) {
        this.shown = schedule;
        frequency.setValue(schedule.frequency());
        anchor.setValue(schedule.anchor());
    }

    void save() {
        frequency.setInvalid(false);
        anchor.setInvalid(false);
        try {
            show(settings.updatePaySchedule(new PaySchedule(frequency.getValue(), anchor.getValue()), shown));
            Notification.show("Pay period saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidFieldException e) {
            if (e.field().equals("payFrequency")) {
                frequency.setErrorMessage(e.getMessage());
                frequency.setInvalid(true);
            } else {
                anchor.setErrorMessage(e.getMessage());
                anchor.setInvalid(true);
            }
        }
    }
}
