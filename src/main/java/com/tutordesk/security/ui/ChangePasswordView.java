package com.tutordesk.security.ui;

import com.tutordesk.security.CurrentUserService;
import com.tutordesk.security.PasswordPolicy;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * Where a person with a temporary password (after an invite or a reset) must choose their own
 * before anything else. Outside the main layout on purpose: no menu until it is done. Asks for the
 * temporary password again (issue 12), so that whoever finds a freshly signed-in screen cannot
 * choose the password.
 */
@Route(value = "change-password", autoLayout = false)
@PageTitle("Choose your password · Tutordesk")
@PermitAll
class ChangePasswordView extends Main implements BeforeEnterObserver {

    final PasswordField temporaryPassword = new PasswordField("Temporary password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button save = new Button("Save password");
    private final UserAccountService accounts;
    private final CurrentUserService currentUsers;

    ChangePasswordView(UserAccountService accounts, CurrentUserService currentUsers,
            AuthenticationContext authentication) {
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        addClassName("login-view");
        temporaryPassword.setHelperText("The password you just signed in with");
        temporaryPassword.setRequiredIndicatorVisible(true);
        temporaryPassword.setWidthFull();
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters; not a common password. A few unrelated words work well.");
        newPassword.setMinLength(PasswordPolicy.MIN_LENGTH);
        newPassword.setRequiredIndicatorVisible(true);
        repeat.setRequiredIndicatorVisible(true);
        newPassword.setWidthFull();
        repeat.setWidthFull();
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        newPassword.addValueChangeListener(e -> newPassword.setInvalid(false));
        Button logout = new Button("Log out", e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        VerticalLayout form = new VerticalLayout(temporaryPassword, newPassword, repeat, save, logout);
        form.setPadding(false);
        Div card = new Div(new H1("Choose your password"),
                new Paragraph("You signed in with a temporary password. Choose your own to continue."), form);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!currentUsers.passwordChangeDue()) {
            event.forwardTo("");
        }
    }

    void save() {
        temporaryPassword.setInvalid(false);
        newPassword.setInvalid(false);
        repeat.setInvalid(false);
        if (temporaryPassword.getValue().isEmpty()) {
            temporaryPassword.setErrorMessage("Temporary password is required");
            temporaryPassword.setInvalid(true);
            return;
        }
        String chosen = newPassword.getValue();
        var me = accounts.me();
        var problem = PasswordPolicy.problem(chosen, java.util.List.of(me.email(), me.displayName()));
        if (problem.isPresent()) {
            newPassword.setErrorMessage(problem.get());
            newPassword.setInvalid(true);
            return;
        }
        if (!chosen.equals(repeat.getValue())) {
            repeat.setErrorMessage("The two passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            accounts.changeOwnPassword(temporaryPassword.getValue(), chosen);
        } catch (InvalidFieldException e) {
            PasswordField field = e.field().equals("currentPassword") ? temporaryPassword : newPassword;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
