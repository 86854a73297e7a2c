package com.tutordesk.portal.ui;

import com.tutordesk.portal.PortalService;
import com.tutordesk.security.ClientAccessible;
import com.tutordesk.security.ClientLoginService;
import com.tutordesk.security.PasswordPolicy;
import com.tutordesk.settings.SettingsService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The invitation link's page (issue 18): the family's billing contact chooses a password (the same
 * policy as every password), then signs in on the login page. A link that is unknown, used, replaced
 * by a newer invitation or older than 7 days shows one message, not telling which.
 */
@Route(value = "portal/welcome/:token", autoLayout = false)
@PageTitle("Set your password · Tutordesk")
@AnonymousAllowed
@ClientAccessible
class AcceptInvitationView extends Main implements BeforeEnterObserver {

    final PasswordField password = new PasswordField("Password");
    final PasswordField repeat = new PasswordField("Repeat password");
    final Button save = new Button("Set password");
    final Div card = new Div();
    private final PortalService portal;
    private final String businessName;
    private String token;
    private ClientLoginService.InvitationPreview invitation;

    AcceptInvitationView(PortalService portal, SettingsService settings) {
        this.portal = portal;
        this.businessName = settings.profile().name();
        addClassNames("login-view", "portal-welcome");
        card.addClassName("login-card");
        add(card);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters; not a common password. A few unrelated words work well.");
        password.setId("welcome-password");
        repeat.setId("welcome-repeat");
        save.setId("welcome-save");
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        repeat.setRequiredIndicatorVisible(true);
        repeat.setWidthFull();
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        password.addValueChangeListener(change -> password.setInvalid(false));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Optional<ClientLoginService.InvitationPreview> preview = portal.invitation(token);
        card.removeAll();
        card.add(new H1(businessName));
        if (preview.isEmpty()) {
            showProblem(ClientLoginService.LINK_NOT_USABLE);
            return;
        }
        invitation = preview.get();
        Paragraph intro = new Paragraph("Hello " + invitation.displayName() + ", choose a password for your family"
                + " portal. You will sign in with " + invitation.email() + ".");
        intro.setId("welcome-intro");
        VerticalLayout form = new VerticalLayout(password, repeat, save);
        form.setPadding(false);
        card.add(intro, form);
    }

    void save() {
        password.setInvalid(false);
        repeat.setInvalid(false);
        String chosen = password.getValue();
        Optional<String> problem = PasswordPolicy.problem(chosen,
                List.of(invitation.email(), invitation.displayName()));
        if (problem.isPresent()) {
            password.setErrorMessage(problem.get());
            password.setInvalid(true);
            return;
        }
        if (!chosen.equals(repeat.getValue())) {
            repeat.setErrorMessage("The two passwords differ");
            repeat.setInvalid(true);
            return;
        }
        String email;
        try {
            email = portal.acceptInvitation(token, chosen);
        } catch (InvalidFieldException e) {
            password.setErrorMessage(e.getMessage());
            password.setInvalid(true);
            return;
        } catch (RuleViolationException e) {
            card.removeAll();
            card.add(new H1(businessName));
            showProblem(e.getMessage());
            return;
        }
        card.removeAll();
        Paragraph done = new Paragraph("Your password is set. Sign in with " + email + " to see your family portal.");
        done.setId("welcome-done");
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setId("welcome-sign-in");
        signIn.addClassName("portal-button");
        card.add(new H1(businessName), done, signIn);
    }

    private void showProblem(String message) {
        Paragraph problem = new Paragraph(message);
        problem.setId("welcome-problem");
        problem.addClassName("portal-problem");
        card.add(problem, new Anchor("login", "Go to the sign-in page"));
    }
}
