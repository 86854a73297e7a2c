package com.tutordesk.security.ui;

import com.tutordesk.security.AccountEmails;
import com.tutordesk.security.LoginSummary;
import com.tutordesk.security.PasswordPolicy;
import com.tutordesk.security.PendingEmailChange;
import com.tutordesk.security.SignInEmailChangeService;
import com.tutordesk.security.UserAccount;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * "My account" (everyone): change one's name, sign-in email and password (issue 6). A new sign-in
 * email takes the password and a code sent to the new address, and the page answers the same
 * whether or not another login uses that address (issue 12; {@link SignInEmailChangeService}).
 */
@Route("account")
@PageTitle("My account · Tutordesk")
@Menu(title = "My account", order = 95, icon = "vaadin:user")
@PermitAll
class MyAccountView extends Main {

    final TextField name = new TextField("Name");
    final Button saveName = new Button("Save name");

    final Paragraph currentEmail = new Paragraph();
    final EmailField newEmail = new EmailField("New sign-in email");
    {
        newEmail.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("Email must be a valid address such as name@example.org"));
    }
    final PasswordField emailPassword = new PasswordField("Your password");
    final Button sendCode = new Button("Send code");
    final Div pendingChange = new Div();
    final Paragraph pendingText = new Paragraph();
    final TextField code = new TextField("Code from the email");
    final Button confirmCode = new Button("Confirm");
    final Button cancelChange = new Button("Cancel change");

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button changePassword = new Button("Change password");

    private final UserAccountService accounts;
    private final SignInEmailChangeService emailChanges;
    private long version;

    MyAccountView(UserAccountService accounts, SignInEmailChangeService emailChanges,
            org.springframework.beans.factory.ObjectProvider<com.tutordesk.security.AccountPageSection> sections) {
        this.accounts = accounts;
        this.emailChanges = emailChanges;
        addClassName("settings-view");

        name.setMaxLength(UserAccount.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        saveName.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveName.addClickListener(e -> saveName());

        newEmail.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        emailPassword.setHelperText("To confirm that it is you");
        sendCode.addClickListener(e -> sendCode());
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        confirmCode.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmCode.addClickListener(e -> confirmCode());
        cancelChange.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancelChange.addClickListener(e -> {
            emailChanges.cancel();
            showPending(Optional.empty());
        });
        HorizontalLayout codeRow = new HorizontalLayout(code, confirmCode, cancelChange);
        codeRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        pendingChange.add(pendingText, codeRow);

        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password");
        changePassword.addClickListener(e -> changePassword());

        FormLayout profile = new FormLayout(name);
        profile.setMaxWidth("40rem");
        FormLayout email = new FormLayout(newEmail, emailPassword);
        email.setMaxWidth("40rem");
        FormLayout password = new FormLayout(currentPassword, newPassword, repeat);
        password.setMaxWidth("40rem");
        add(new H2("My account"), profile, saveName,
                new H3("Sign-in email"), currentEmail, email, sendCode, pendingChange,
                new H3("Password"), password, changePassword);
        sections.orderedStream().forEach(section -> add(section.create()));
        load();
        showPending(emailChanges.pending());
    }

    private void load() {
        LoginSummary me = accounts.me();
        name.setValue(me.displayName());
        currentEmail.setText("You sign in with " + me.email() + ".");
        version = accounts.myVersion();
    }

    void saveName() {
        name.setInvalid(false);
        try {
            accounts.updateOwnProfile(name.getValue(), version);
            load();
            success("Name saved");
        } catch (InvalidFieldException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
        } catch (OptimisticLockingFailureException e) {
            error("Your account was changed in another window. Reload the page and try again.");
        }
    }

    void sendCode() {
        newEmail.setInvalid(false);
        emailPassword.setInvalid(false);
        try {
            PendingEmailChange pending = emailChanges.requestChange(newEmail.getValue(), emailPassword.getValue());
            emailPassword.clear();
            showPending(Optional.of(pending));
        } catch (InvalidFieldException e) {
            var field = e.field().equals("password") ? emailPassword : newEmail;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    void confirmCode() {
        code.setInvalid(false);
        try {
            emailChanges.confirm(code.getValue());
            newEmail.clear();
            showPending(Optional.empty());
            load();
            success("Sign-in email changed. Sign in with the new address from now on.");
        } catch (InvalidFieldException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
            showPendingIfStillThere();
        }
    }

    private void showPendingIfStillThere() {
        Optional<PendingEmailChange> pending = emailChanges.pending();
        if (pending.isEmpty()) {
            pendingText.setText("This change has ended. Ask for a new code above.");
            confirmCode.setEnabled(false);
        }
    }

    private void showPending(Optional<PendingEmailChange> pending) {
        code.clear();
        code.setInvalid(false);
        confirmCode.setEnabled(true);
        pendingChange.setVisible(pending.isPresent());
        pending.ifPresent(change -> pendingText.setText("A code for " + change.newEmail() + " "
                + (change.delivery() == null ? "was sent"
                        : change.delivery() == AccountEmails.Delivery.HELD
                                ? "is held in the outbox: no mail server is configured, so it is not sent yet"
                                : "is queued for sending")
                + ". Type it here to finish the change; it is valid for " + SignInEmailChangeService.CODE_VALID_MINUTES
                + " minutes. Your sign-in email stays "
                + "the same until then."));
    }

    void changePassword() {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        repeat.setInvalid(false);
        if (currentPassword.getValue().isEmpty()) {
            currentPassword.setErrorMessage("Current password is required");
            currentPassword.setInvalid(true);
            return;
        }
        if (!newPassword.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage("The two passwords differ");
            repeat.setInvalid(true);
            return;
        }
        try {
            accounts.changeOwnPassword(currentPassword.getValue(), newPassword.getValue());
            currentPassword.clear();
            newPassword.clear();
            repeat.clear();
            success("Password changed. Your other sessions are signed out.");
        } catch (InvalidFieldException e) {
            PasswordField field = e.field().equals("currentPassword") ? currentPassword : newPassword;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    private static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
