package com.tutordesk.prepaid.ui;

import com.tutordesk.directory.ClientPageSection;
import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * The client page's prepaid packages (issue 17) for those who may see them (admins; a tutor with
 * Enhanced Access for the clients they added); the service checks again, and anyone else sees nothing.
 */
@org.springframework.stereotype.Component
class ClientPackagesSection implements ClientPageSection {

    private final PrepaidService prepaid;
    private final PackageRefunds refunds;
    private final SettingsService settings;
    private final java.time.Clock clock;

    ClientPackagesSection(PrepaidService prepaid, PackageRefunds refunds, SettingsService settings,
            java.time.Clock clock) {
        this.prepaid = prepaid;
        this.refunds = refunds;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Component create(long clientId, Runnable reload) {
        try {
            return PackagesSection.create(prepaid.packagesOfClient(clientId), prepaid, refunds, settings.profile(), clock,
                    "invoices/new?client=" + clientId, reload);
        } catch (NotFoundException notTheirs) {
            Div none = new Div();
            none.setVisible(false);
            return none;
        }
    }
}
