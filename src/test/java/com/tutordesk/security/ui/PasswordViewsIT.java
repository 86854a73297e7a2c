package com.tutordesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.security.UserAccountService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The forced change of a temporary password, and "My account". */
@IntegrationTest
class PasswordViewsIT extends SpringBrowserlessTest {

    static final String STRONG = "violet tractor seldom lagoon";

    @Autowired
    SignIn signIn;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    UserAccountService accounts;

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private String invitedAdmin() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        String email = TestData.unique("new-admin") + "@example.org";
        accounts.inviteAdmin(email, "New Admin");
        signIn.as(email);
        return email;
    }

    @Test
    void a_person_with_a_temporary_password_is_kept_on_the_change_password_page() {
        invitedAdmin();
        navigate("settings", ChangePasswordView.class);
        navigate("account", ChangePasswordView.class);
        ChangePasswordView view = navigate("", ChangePasswordView.class);

        test(view.newPassword).setValue("password1234");
        test(view.repeat).setValue("password1234");
        test(view.save).click();
        assertThat(view.newPassword.isInvalid()).isTrue();
        assertThat(view.newPassword.getErrorMessage()).contains("commonly used password");

        test(view.newPassword).setValue(STRONG);
        test(view.repeat).setValue(STRONG + "x");
        test(view.save).click();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("The two passwords differ");

        test(view.repeat).setValue(STRONG);
        test(view.save).click();
        assertThat(getCurrentView()).isNotInstanceOf(ChangePasswordView.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");
    }

    @Test
    void my_account_checks_the_current_password_the_new_one_and_the_email() {
        long tutor = data.tutor("Account Tutor");
        String email = data.tutorLogin(tutor, STRONG);
        signIn.as(email);
        MyAccountView view = navigate(MyAccountView.class);
        assertThat(view.email.getValue()).isEqualTo(email);

        test(view.changePassword).click();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("Current password is required");
        test(view.currentPassword).setValue("wrong password here");
        test(view.newPassword).setValue("amber walrus quietly juggles");
        test(view.repeat).setValue("amber walrus quietly juggles");
        test(view.changePassword).click();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("Current password is not correct");
        test(view.currentPassword).setValue(STRONG);
        test(view.newPassword).setValue("short");
        test(view.repeat).setValue("short");
        test(view.changePassword).click();
        assertThat(view.newPassword.getErrorMessage()).isEqualTo("Password must have at least 12 characters");

        test(view.email).setValue("nope");
        test(view.saveProfile).click();
        assertThat(view.email.getErrorMessage()).isEqualTo("Email must be a valid address such as name@example.org");
        test(view.email).setValue(DemoAccounts.read(jdbc).adminEmail());
        test(view.saveProfile).click();
        assertThat(view.email.getErrorMessage()).contains("already used by another login");
        test(view.name).setValue("Renamed Tutor");
        test(view.email).setValue(email);
        test(view.saveProfile).click();
        assertThat(jdbc.queryForObject("select display_name from users where email = ?", String.class, email))
                .isEqualTo("Renamed Tutor");
    }
}
