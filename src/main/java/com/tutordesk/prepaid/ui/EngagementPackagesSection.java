package com.tutordesk.prepaid.ui;

import com.tutordesk.directory.EngagementPageSection;
import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * The engagement page's prepaid packages (issue 17), for those who may see the client's packages; the
 * service checks again, and anyone else sees nothing.
 */
@org.springframework.stereotype.Component
class EngagementPackagesSection implements EngagementPageSection {

    private final PrepaidService prepaid;
    private final PackageRefunds refunds;
    private final SettingsService settings;
    private final java.time.Clock clock;

    EngagementPackagesSection(PrepaidService prepaid, PackageRefunds refunds, SettingsService settings,
            java.time.Clock clock) {
        this.prepaid = prepaid;
        this.refunds = refunds;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Component create(long engagementId, Runnable reload) {
        try {
            return PackagesSection.create(prepaid.packagesOfEngagement(engagementId), prepaid, refunds, settings.profile(), clock,
                    null, reload);
        } catch (NotFoundException notTheirs) {
            Div none = new Div();
            none.setVisible(false);
            return none;
        }
    }
}
