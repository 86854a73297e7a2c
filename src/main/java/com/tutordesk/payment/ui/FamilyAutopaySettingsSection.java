package com.tutordesk.payment.ui;

import com.tutordesk.payment.FamilyCardService;
import com.tutordesk.settings.SettingsPageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * "Family portal: automatic payments" on the Settings page (admins, issue 18): whether families may
 * switch automatic payments on or off themselves in the portal. Off by default.
 */
@org.springframework.stereotype.Component
class FamilyAutopaySettingsSection implements SettingsPageSection {

    private final FamilyCardService cards;

    FamilyAutopaySettingsSection(FamilyCardService cards) {
        this.cards = cards;
    }

    @Override
    public Component create() {
        Div section = new Div();
        section.setId("family-autopay-settings");
        Checkbox allowed = new Checkbox("Families may switch automatic payments on or off in the portal");
        allowed.setId("family-autopay-allowed");
        allowed.setHelperText("Families can always save or replace their card there; with this off, only the office"
                + " switches automatic payments.");
        long[] version = {0};
        FamilyCardService.AutopaySwitch current = cards.autopaySwitch();
        allowed.setValue(current.familiesMaySwitch());
        version[0] = current.version();
        Button save = new Button("Save", click -> {
            try {
                FamilyCardService.AutopaySwitch saved = cards.updateAutopaySwitch(allowed.getValue(), version[0]);
                version[0] = saved.version();
                PaymentUi.notify("Family portal setting saved", false);
            } catch (OptimisticLockingFailureException changed) {
                PaymentUi.notify("Someone else changed this setting in the meantime: reload the page to see it.", true);
            }
        });
        save.setId("family-autopay-save");
        section.add(new H3("Family portal: automatic payments"), allowed, new Div(save));
        return section;
    }
}
