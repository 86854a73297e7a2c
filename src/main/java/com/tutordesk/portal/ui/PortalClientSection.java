package com.tutordesk.portal.ui;

import com.tutordesk.directory.ClientPageSection;
import com.tutordesk.portal.PortalInvitationService;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Supplier;

/**
 * The client page's "Family portal" section (issue 18): whether the billing contact signs in (never
 * invited / invited until … / active / disabled), "Invite to portal" (or "Send a new invitation") and
 * "Disable portal login". The page has already checked that the viewer manages the client; the
 * service checks again.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(50)
class PortalClientSection implements ClientPageSection {

    private final PortalInvitationService portal;
    private final SettingsService settings;

    PortalClientSection(PortalInvitationService portal, SettingsService settings) {
        this.portal = portal;
        this.settings = settings;
    }

    @Override
    public Component create(long clientId, Runnable reload) {
        ClientLoginService.Status status = portal.status(clientId);
        BusinessProfile business = settings.profile();
        Span state = new Span(describe(status, business));
        state.setId("portal-login-state");
        state.addClassNames("status-badge", "portal-state-" + status.state().name().toLowerCase(java.util.Locale.ROOT));

        Button invite = new Button(status.state() == ClientLoginService.State.NEVER ? "Invite to portal"
                : "Send a new invitation", VaadinIcon.ENVELOPE_O.create());
        invite.setId("portal-invite");
        invite.setDisableOnClick(true);
        invite.addClickListener(click -> run(() -> portal.invite(clientId), reload, invite));

        Button disable = new Button("Disable portal login");
        disable.setId("portal-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        disable.setVisible(status.state() == ClientLoginService.State.ACTIVE
                || status.state() == ClientLoginService.State.INVITED);
        disable.addClickListener(click -> {
            ConfirmDialog dialog = new ConfirmDialog("Disable the portal login?",
                    "The family is signed out and can no longer sign in; an open invitation link stops working."
                            + " A new invitation lets them in again.", "Disable portal login",
                    confirmed -> run(() -> {
                        portal.disable(clientId);
                        return "Portal login disabled";
                    }, reload, null));
            dialog.setCancelable(true);
            dialog.setConfirmButtonTheme("error primary");
            dialog.open();
        });

        Div buttons = new Div(invite, disable);
        buttons.addClassName("card-actions");
        Div section = new Div(new H3("Family portal"), new Div(state), buttons);
        section.setId("portal-section");
        section.addClassName("portal-client-section");
        return section;
    }

    static String describe(ClientLoginService.Status status, BusinessProfile business) {
        return switch (status.state()) {
            case NEVER -> "Never invited" + (status.invitedAt() == null ? ""
                    : " (the invitation of " + business.formatDate(business.local(status.invitedAt()).toLocalDate())
                            + " was not used)");
            case INVITED -> "Invited: " + status.invitedEmail() + ", link valid until "
                    + business.formatDateTime(status.invitationExpiresAt());
            case ACTIVE -> "Active: signs in as " + status.loginEmail() + (status.lastSignInAt() == null
                    ? ", not signed in yet" : ", last signed in " + business.formatDateTime(status.lastSignInAt()))
                    + (status.invitationExpiresAt() == null ? "" : "; a new invitation is open");
            case DISABLED -> "Disabled: " + status.loginEmail() + " cannot sign in"
                    + (status.invitationExpiresAt() == null ? "" : "; a new invitation is open");
        };
    }

    private static void run(Supplier<String> action, Runnable reload, Button reenable) {
        try {
            notify(action.get(), false);
            reload.run();
        } catch (RuleViolationException | NotFoundException | InvalidFieldException e) {
            notify(e.getMessage(), true);
            if (reenable != null) {
                reenable.setEnabled(true);
            }
        }
    }

    private static void notify(String message, boolean problem) {
        Notification notification = Notification.show(message, problem ? 8000 : 4000,
                problem ? Notification.Position.MIDDLE : Notification.Position.BOTTOM_START);
        notification.addThemeVariants(problem ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
