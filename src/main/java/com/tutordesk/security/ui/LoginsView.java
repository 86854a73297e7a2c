package com.tutordesk.security.ui;

import com.tutordesk.security.LoginSummary;
import com.tutordesk.security.Role;
import com.tutordesk.security.UserAccount;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Logins (admins): every login with its role and state; invite another admin, reset a password,
 * disable or enable a login. Tutors' logins are created from the tutor's page.
 */
@Route("logins")
@PageTitle("Logins · Tutordesk")
@Menu(title = "Logins", order = 85, icon = "vaadin:key")
@RolesAllowed("ADMIN")
class LoginsView extends Main {

    final TextField search = new TextField();
    final Grid<LoginSummary> grid = new Grid<>();
    final Button inviteAdmin = new Button("Invite admin");
    private final UserAccountService accounts;

    private final long currentUserId;

    LoginsView(UserAccountService accounts, com.tutordesk.security.CurrentUserService currentUsers) {
        this.currentUserId = currentUsers.requireAdmin().userId();
        this.accounts = accounts;
        addClassNames("directory-view");
        search.setPlaceholder("Search email or name");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addColumn(LoginSummary::email).setHeader("Email").setKey("email").setSortProperty("email");
        grid.addColumn(LoginSummary::displayName).setHeader("Name").setKey("name").setSortProperty("displayName");
        grid.addColumn(l -> switch (l.role()) {
            case ADMIN -> "Admin";
            case TUTOR -> "Tutor";
            case CLIENT -> "Client (portal)";
        }).setHeader("Role").setKey("role")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(l -> !l.enabled() ? "Disabled" : l.mustChangePassword() ? "Temporary password" : "Active")
                .setHeader("State").setKey("state").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> accounts.list(search.getValue(), pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("email"))).getContent());
        inviteAdmin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        inviteAdmin.addClickListener(e -> openInvite());
        add(new H2("Logins"), new Paragraph("Tutors get their login on their tutor page."),
                new HorizontalLayout(search, inviteAdmin), grid);
    }

    private HorizontalLayout actions(LoginSummary login) {
        Button reset = new Button("Reset password", e -> new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                "Reset password?", "A new temporary password replaces the current one of " + login.email()
                        + ", who must change it at the next sign-in.", "Reset", confirm -> {
                    new TemporaryPasswordDialog(accounts.resetPassword(login.userId())).open();
                    grid.getDataProvider().refreshAll();
                }, "Cancel", cancel -> { }).open());
        // Your own password is changed on My account, with your current one; not reset from here.
        reset.setVisible(login.userId() != currentUserId);
        Button toggle = new Button(login.enabled() ? "Disable" : "Enable", e -> {
            try {
                accounts.setEnabled(login.userId(), !login.enabled());
                grid.getDataProvider().refreshAll();
            } catch (RuleViolationException ex) {
                Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(reset, toggle);
    }

    void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite admin");
        TextField name = new TextField("Name");
        name.setMaxLength(UserAccount.NAME_MAX_LENGTH);
        EmailField email = new EmailField("Sign-in email");
        email.setI18n(new EmailField.EmailFieldI18n()
                .setPatternErrorMessage("Email must be a valid address such as name@example.org"));
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        dialog.add(new FormLayout(name, email));
        Button invite = new Button("Invite", e -> {
            try {
                var temporary = accounts.inviteAdmin(email.getValue(), name.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                new TemporaryPasswordDialog(temporary).open();
            } catch (InvalidFieldException ex) {
                var field = ex.field().equals("email") ? email : name;
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        });
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), invite);
        dialog.open();
    }
}
