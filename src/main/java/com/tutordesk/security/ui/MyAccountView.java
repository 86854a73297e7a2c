package com.tutordesk.security.ui;

import com.tutordesk.security.LoginSummary;
import com.tutordesk.security.PasswordPolicy;
import com.tutordesk.security.UserAccount;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.dao.OptimisticLockingFailureException;

/** "My account" (everyone): change one's name, sign-in email and password (issue 6). */
@Route("account")
@PageTitle("My account · Tutordesk")
@Menu(title = "My account", order = 95, icon = "vaadin:user")
@PermitAll
class MyAccountView extends Main {

    static final class Profile {
        String name;
        String email;
    }

    final TextField name = new TextField("Name");
    final EmailField email = new EmailField("Sign-in email");
    {
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("Email must be a valid address such as name@example.org"));
    }
    final Button saveProfile = new Button("Save name and email");
    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("Repeat new password");
    final Button changePassword = new Button("Change password");
    private final Binder<Profile> binder = new Binder<>();
    private final UserAccountService accounts;
    private long version;

    MyAccountView(UserAccountService accounts,
            org.springframework.beans.factory.ObjectProvider<com.tutordesk.security.AccountPageSection> sections) {
        this.accounts = accounts;
        addClassName("settings-view");
        name.setMaxLength(UserAccount.NAME_MAX_LENGTH);
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        binder.forField(name).asRequired("Name is required")
                .withValidator(v -> v.strip().length() <= UserAccount.NAME_MAX_LENGTH,
                        "Name must be at most " + UserAccount.NAME_MAX_LENGTH + " characters")
                .bind(p -> p.name, (p, v) -> p.name = v);
        binder.forField(email).asRequired("Email is required")
                .withValidator(Fields::isEmail, "Email must be a valid address such as name@example.org")
                .bind(p -> p.email, (p, v) -> p.email = v);
        load();

        saveProfile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveProfile.addClickListener(e -> saveProfile());
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password");
        changePassword.addClickListener(e -> changePassword());

        FormLayout profile = new FormLayout(name, email);
        profile.setMaxWidth("40rem");
        FormLayout password = new FormLayout(currentPassword, newPassword, repeat);
        password.setMaxWidth("40rem");
        add(new H2("My account"), profile, saveProfile, new H3("Password"), password, changePassword);
        sections.orderedStream().forEach(section -> add(section.create()));
    }

    private void load() {
        LoginSummary me = accounts.me();
        Profile p = new Profile();
        p.name = me.displayName();
        p.email = me.email();
        binder.readBean(p);
        version = accounts.myVersion();
    }

    void saveProfile() {
        Profile p = new Profile();
        try {
            binder.writeBean(p);
        } catch (ValidationException e) {
            return;
        }
        try {
            accounts.updateOwnProfile(p.name, p.email, version);
            load();
            success("Name and email saved");
        } catch (InvalidFieldException e) {
            (e.field().equals("email") ? email : name).setErrorMessage(e.getMessage());
            (e.field().equals("email") ? email : name).setInvalid(true);
        } catch (OptimisticLockingFailureException e) {
            error("Your account was changed in another window. Reload the page and try again.");
        }
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
            success("Password changed");
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
