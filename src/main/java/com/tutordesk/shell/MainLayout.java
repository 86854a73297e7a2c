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
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jsoup.nodes.Element;

/**
 * The frame around every signed-in page: business name, side menu (entries the user may open,
 * from {@code @Menu} on the views), the user's name and role, and logout.
 */
@Layout
@PermitAll
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
public class MainLayout extends AppLayout {

    MainLayout(CurrentUserService currentUsers, SettingsService settings, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        CurrentUser user = currentUsers.requireAnyRole();

        Span businessName = new Span(settings.profile().name());
        businessName.addClassName("app-business-name");
        addToNavbar(new DrawerToggle(), businessName);

        Html nav = menu(user.isClient() ? java.util.List.of() : MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() == null || !entry.menuClass().isAnnotationPresent(
                        EnhancedAccessRequired.class) || user.isAdmin() || user.enhancedAccess())
                // @RolesAllowed cannot express Enhanced Access; the navigation gate refuses it too
                .toList(), user.isClient());

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

    /**
     * The side menu as one server-side node: the same {@code vaadin-side-nav} web component (which
     * marks the current page and navigates on the client by itself), written as HTML instead of a
     * server component per item, icon and label (43 state nodes, about a tenth of an admin's UI in
     * server memory; issue 20). A family's login sees this frame only around "not found": the staff
     * menu is not theirs, only the way back to the portal.
     */
    private static Html menu(java.util.List<MenuEntry> entries, boolean client) {
        Element nav = new Element("vaadin-side-nav");
        nav.appendElement("span").attr("slot", "label").appendText("Menu");
        for (MenuEntry entry : entries) {
            Element item = nav.appendElement("vaadin-side-nav-item").attr("path", entry.path());
            if (entry.icon() != null) {
                item.appendElement("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix");
            }
            item.appendText(entry.title());
        }
        if (client) {
            nav.appendElement("vaadin-side-nav-item").attr("path", ClientAccessible.PORTAL_HOME).appendText("My portal");
        }
        Html menu = new Html(nav.outerHtml());
        menu.setId("side-menu");
        return menu;
    }
}
