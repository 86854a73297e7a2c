package com.tutordesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tutordesk.security.TemporaryPassword;
import com.tutordesk.security.UserAccountService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Duration;
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

    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private TemporaryPassword invitedAdmin() {
        signIn.as(DemoAccounts.read(jdbc).adminEmail());
        String email = TestData.unique("new-admin") + "@example.org";
        TemporaryPassword temporary = accounts.inviteAdmin(email, "New Admin");
        signIn.as(email);
        return temporary;
    }

    @Test
    void a_person_with_a_temporary_password_is_kept_on_the_change_password_page() {
        TemporaryPassword temporary = invitedAdmin();
        navigate("settings", ChangePasswordView.class);
        navigate("account", ChangePasswordView.class);
        ChangePasswordView view = navigate("", ChangePasswordView.class);

        test(view.newPassword).setValue(STRONG);
        test(view.repeat).setValue(STRONG);
        test(view.save).click();
        assertThat(view.temporaryPassword.getErrorMessage()).isEqualTo("Temporary password is required");
        test(view.temporaryPassword).setValue("not-the-temporary-one");
        test(view.save).click();
        assertThat(view.temporaryPassword.getErrorMessage()).isEqualTo("Current password is not correct");
        assertThat(getCurrentView()).isInstanceOf(ChangePasswordView.class);

        test(view.temporaryPassword).setValue(temporary.password());
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
    void my_account_checks_the_current_password_the_new_one_and_the_name() {
        long tutor = data.tutor("Account Tutor");
        String email = data.tutorLogin(tutor, STRONG);
        signIn.as(email);
        MyAccountView view = navigate(MyAccountView.class);
        assertThat(view.name.getValue()).isEqualTo("Tutor " + tutor);

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

        test(view.name).setValue("Renamed Tutor");
        test(view.saveName).click();
        assertThat(jdbc.queryForObject("select display_name from users where email = ?", String.class, email))
                .isEqualTo("Renamed Tutor");
    }

    @Test
    void my_account_answers_a_new_sign_in_email_the_same_whether_or_not_another_login_uses_it() {
        String email = data.tutorLogin(data.tutor("Email Form Tutor"), STRONG);
        signIn.as(email);
        MyAccountView view = navigate(MyAccountView.class);
        assertThat(view.currentEmail.getText()).isEqualTo("You sign in with " + email + ".");
        assertThat(view.pendingChange.isVisible()).isFalse();

        test(view.newEmail).setValue("nope");
        test(view.emailPassword).setValue(STRONG);
        test(view.sendCode).click();
        assertThat(view.newEmail.getErrorMessage()).isEqualTo("New email must be a valid address such as name@example.org");
        String taken = DemoAccounts.read(jdbc).adminEmail();
        test(view.newEmail).setValue(taken);
        test(view.emailPassword).setValue("wrong password here");
        test(view.sendCode).click();
        assertThat(view.emailPassword.getErrorMessage()).isEqualTo("Password is not correct");

        test(view.emailPassword).setValue(STRONG);
        test(view.sendCode).click();
        assertThat(view.newEmail.isInvalid()).isFalse();
        assertThat(view.pendingChange.isVisible()).isTrue();
        String answerForTaken = view.pendingText.getText();

        clock.advance(Duration.ofMinutes(1));
        String free = TestData.unique("free") + "@example.org";
        test(view.newEmail).setValue(free);
        test(view.emailPassword).setValue(STRONG);
        test(view.sendCode).click();
        assertThat(view.pendingText.getText()).isEqualTo(answerForTaken.replace(taken, free))
                .startsWith("A code for " + free + " is queued for sending.");
        assertThat(view.currentEmail.getText()).isEqualTo("You sign in with " + email + ".");
    }
}
