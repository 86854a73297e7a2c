package com.tutordesk.dashboard.ui;

import com.tutordesk.dashboard.DashboardService;
import com.tutordesk.session.HomePageSection;
import com.tutordesk.settings.SettingsService;
import org.springframework.core.annotation.Order;

/** Puts the admin's or the tutor's dashboard on Home, above the agenda (issue 19). */
@org.springframework.stereotype.Component
@Order(0)
class DashboardHomeSection implements HomePageSection {

    private final DashboardService dashboard;
    private final SettingsService settings;

    DashboardHomeSection(DashboardService dashboard, SettingsService settings) {
        this.dashboard = dashboard;
        this.settings = settings;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        if (dashboard.showsAdminHome()) {
            return new AdminHome(dashboard, settings.profile());
        }
        if (dashboard.showsTutorHome()) {
            return new TutorHome(dashboard, settings.profile());
        }
        return null;
    }
}
