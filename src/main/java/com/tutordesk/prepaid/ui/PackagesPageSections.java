package com.tutordesk.prepaid.ui;

import com.tutordesk.directory.ClientPageSection;
import com.tutordesk.directory.EngagementPageSection;
import com.tutordesk.prepaid.PackageRefunds;
import com.tutordesk.prepaid.PackageRow;
import com.tutordesk.prepaid.PrepaidService;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The prepaid packages (issue 17) on the client page and on the engagement page, for those who may see
 * the client's packages (admins; a tutor with Enhanced Access for the clients they added); the service
 * checks again, and anyone else sees nothing.
 */
@Configuration
class PackagesPageSections {

    @Bean
    ClientPageSection clientPackagesSection(PrepaidService prepaid, PackageRefunds refunds, SettingsService settings,
            Clock clock) {
        return (clientId, reload) -> shown(() -> prepaid.packagesOfClient(clientId), prepaid, refunds, settings, clock,
                "invoices/new?client=" + clientId, reload);
    }

    @Bean
    EngagementPageSection engagementPackagesSection(PrepaidService prepaid, PackageRefunds refunds,
            SettingsService settings, Clock clock) {
        return (engagementId, reload) -> shown(() -> prepaid.packagesOfEngagement(engagementId), prepaid, refunds,
                settings, clock, null, reload);
    }

    /** The section, or an invisible placeholder when the service says the viewer may not see these packages. */
    private static Component shown(Supplier<List<PackageRow>> rows, PrepaidService prepaid, PackageRefunds refunds,
            SettingsService settings, Clock clock, String sellLink, Runnable reload) {
        try {
            return PackagesSection.create(rows.get(), prepaid, refunds, settings.profile(), clock, sellLink, reload);
        } catch (NotFoundException notTheirs) {
            Div none = new Div();
            none.setVisible(false);
            return none;
        }
    }
}
