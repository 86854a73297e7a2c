package com.tutordesk.shell;

import com.tutordesk.security.ClientAccessible;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.EnhancedAccessRequired;
import com.tutordesk.settings.SettingsService;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in page: business name, side menu (entries the user may open,
 * from {@code @Menu} on the views), the user's name and role, and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(CurrentUserService currentUsers, SettingsService settings, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        CurrentUser user = currentUsers.requireAnyRole();

        Span businessName = new Span(settings.profile().name());
        businessName.addClassName("app-business-name");
        addToNavbar(new DrawerToggle(), businessName);

        SideNav nav = new SideNav();
        nav.setLabel("Menu");
        // A family's login sees this frame only around "not found"; the staff menu is not theirs.
        for (MenuEntry entry : user.isClient() ? java.util.List.<MenuEntry>of() : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && entry.menuClass().isAnnotationPresent(EnhancedAccessRequired.class)
                    && !user.isAdmin() && !user.enhancedAccess()) {
                continue; // @RolesAllowed cannot express Enhanced Access; the navigation gate refuses it too
            }
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }

        if (user.isClient()) {
            nav.addItem(new SideNavItem("My portal", ClientAccessible.PORTAL_HOME));
        }

        Span appName = new Span("Tutordesk");
        appName.addClassName("app-name");

        Span name = new Span(user.displayName());
        name.addClassName("app-user-name");
        Span role = new Span(user.roleLabel());
        role.addClassName("app-user-role");
        Button logout = new Button("Log out", click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div account = new Div(name, role, logout);
        account.addClassName("app-account");

        addToDrawer(appName, new Scroller(nav), account);
    }
}
