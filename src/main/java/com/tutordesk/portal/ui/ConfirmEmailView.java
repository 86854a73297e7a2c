package com.tutordesk.portal.ui;

import com.tutordesk.portal.PortalEmailChangeService;
import com.tutordesk.security.ClientAccessible;
import com.tutordesk.security.ClientSignInEmailService;
import com.tutordesk.settings.BusinessProfile;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * The confirm-new-email link's page (issue 18): it needs no sign-in (the link may be opened on
 * another device; the token is the key) and changes nothing by being opened — mail scanners open
 * links — only the button confirms. A link that is unknown, used, replaced or expired shows one
 * message, not telling which.
 */
@Route(value = PortalEmailChangeService.CONFIRM_PATH + ":token", autoLayout = false)
@PageTitle("Confirm your email · Tutordesk")
@AnonymousAllowed
@ClientAccessible
class ConfirmEmailView extends Main implements BeforeEnterObserver {

    final Button confirm = new Button("Confirm new email");
    final Div card = new Div();
    private final PortalEmailChangeService emailChanges;
    private final BusinessProfile business;
    private String token;

    ConfirmEmailView(PortalEmailChangeService emailChanges, SettingsService settings) {
        this.emailChanges = emailChanges;
        this.business = settings.profile();
        addClassNames("login-view", "portal-welcome");
        card.addClassName("login-card");
        add(card);
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> confirm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Optional<ClientSignInEmailService.Preview> preview = emailChanges.preview(token);
        card.removeAll();
        card.add(new H1(business.name()));
        if (preview.isEmpty()) {
            showProblem(ClientSignInEmailService.LINK_NOT_USABLE);
            return;
        }
        Paragraph intro = new Paragraph("Make " + preview.get().newEmail() + " your family's email at "
                + business.name() + "? Invoices and messages will go there, and you will sign in to the family"
                + " portal with it instead of your current email.");
        intro.setId("confirm-email-intro");
        card.add(intro, confirm);
    }

    void confirm() {
        String email;
        try {
            email = emailChanges.confirm(token);
        } catch (RuleViolationException refused) {
            card.removeAll();
            card.add(new H1(business.name()));
            showProblem(refused.getMessage());
            return;
        }
        card.removeAll();
        Paragraph done = new Paragraph("Done: your family's email is now " + email + ". Sign in with it from now"
                + " on; your password stays the same.");
        done.setId("confirm-email-done");
        Anchor portal = new Anchor("portal", "Go to your family portal");
        portal.setId("confirm-email-portal");
        portal.addClassName("portal-button");
        card.add(new H1(business.name()), done, portal);
    }

    private void showProblem(String message) {
        Paragraph problem = new Paragraph(message);
        problem.setId("confirm-email-problem");
        problem.addClassName("portal-problem");
        card.add(problem, new Anchor("login", "Go to the sign-in page"));
    }
}
