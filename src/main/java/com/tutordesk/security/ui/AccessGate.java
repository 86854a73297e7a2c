package com.tutordesk.security.ui;

import com.tutordesk.security.ClientAccessible;
import com.tutordesk.security.CurrentUser;
import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.EnhancedAccessRequired;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checked before every navigation, on the server: a person whose login has a temporary password
 * is sent to the change-password page, whatever address they open (issue 6: "must be changed at
 * first login"; the services refuse them too); a login disabled since sign-in is signed out; a
 * tutor without Enhanced Access who opens a view marked {@link EnhancedAccessRequired} gets "not
 * found", like for an address that does not exist (domain.md "Roles"). A family's CLIENT login may
 * open only the portal's views (marked {@link ClientAccessible}): every staff address answers "not
 * found" to it, and the home address leads to the portal; staff get "not found" on the portal's
 * signed-in views (domain.md "Client portal").
 */
@Component
class AccessGate implements VaadinServiceInitListener {

    private final CurrentUserService currentUsers;
    private final AuthenticationContext authentication;

    AccessGate(CurrentUserService currentUsers, AuthenticationContext authentication) {
        this.currentUsers = currentUsers;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (currentUsers.signedInButDisabled()) {
            authentication.logout();
            return;
        }
        Optional<CurrentUser> user = currentUsers.find();
        if (user.isEmpty()) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (currentUsers.passwordChangeDue()) {
            if (target != ChangePasswordView.class && !target.getSimpleName().equals("LoginView")) {
                event.forwardTo(ChangePasswordView.class);
            }
            return;
        }
        CurrentUser current = user.get();
        boolean portalView = target.isAnnotationPresent(ClientAccessible.class);
        if (current.isClient()) {
            if (!portalView && !HasErrorParameter.class.isAssignableFrom(target)
                    && !target.getSimpleName().equals("LoginView")) {
                if (event.getLocation().getPath().isEmpty()) {
                    event.forwardTo(ClientAccessible.PORTAL_HOME); // a family's home after sign-in
                } else {
                    event.rerouteToError(NotFoundException.class);
                }
            }
            return;
        }
        if (portalView && !target.isAnnotationPresent(AnonymousAllowed.class)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (target.isAnnotationPresent(EnhancedAccessRequired.class) && !current.isAdmin()
                && !current.enhancedAccess()) {
            event.rerouteToError(NotFoundException.class);
        }
    }
}
