package com.tutordesk.portal.ui;

import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;

/**
 * The frame of the family's pages: the business's name, Home and Log out — none of the staff menu.
 * One narrow column that reads on a phone first (a parent reads a report on their phone).
 */
@RolesAllowed("CLIENT")
class PortalLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    PortalLayout(SettingsService settings, AuthenticationContext authentication) {
        addClassName("portal");
        Span business = new Span(settings.profile().name());
        business.addClassName("portal-business");
        RouterLink home = new RouterLink("Home", PortalHomeView.class);
        home.setId("portal-home-link");
        Button logout = new Button("Log out", click -> authentication.logout());
        logout.setId("portal-logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div links = new Div(home, logout);
        links.addClassName("portal-links");
        Header header = new Header(business, links);
        header.addClassName("portal-header");
        content.addClassName("portal-content");
        add(header, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement page) {
        content.getElement().removeAllChildren();
        if (page != null) {
            content.getElement().appendChild(Objects.requireNonNull(page.getElement()));
        }
    }
}
