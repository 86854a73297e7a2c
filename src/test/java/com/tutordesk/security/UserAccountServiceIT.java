package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Invites, temporary passwords that must be changed, password rules, and "My account". */
@IntegrationTest
class UserAccountServiceIT {

    static final String STRONG = "violet tractor seldom lagoon";

    @Autowired
    UserAccountService accounts;

    @Autowired
    CurrentUserService currentUsers;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    private String hashOf(String email) {
        return jdbc.queryForObject("select password_hash from users where email = ?", String.class, email);
    }

    @Test
    void an_invited_admin_must_choose_their_own_password_before_doing_anything_else() {
        signIn.as(demo.adminEmail());
        String email = TestData.unique("office") + "@example.org";
        TemporaryPassword temporary = accounts.inviteAdmin(email, "Olive Office");
        assertThat(passwordEncoder.matches(temporary.password(), hashOf(email))).isTrue();
        assertThat(hashOf(email)).doesNotContain(temporary.password());
        assertThat(temporary.toString()).doesNotContain(temporary.password());

        signIn.as(email);
        assertThat(currentUsers.passwordChangeDue()).isTrue();
        assertThatThrownBy(currentUsers::require).isInstanceOf(PasswordChangeRequiredException.class);
        assertThatThrownBy(() -> accounts.updateOwnProfile("New", 0))
                .isInstanceOf(PasswordChangeRequiredException.class);

        assertThatThrownBy(() -> accounts.changeOwnPassword(null, STRONG)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("Current password is not correct");
        accounts.changeOwnPassword(temporary.password(), STRONG);
        assertThat(currentUsers.passwordChangeDue()).isFalse();
        assertThat(currentUsers.require().isAdmin()).isTrue();
        assertThat(passwordEncoder.matches(STRONG, hashOf(email))).isTrue();
    }

    @Test
    void a_reset_replaces_the_password_with_a_temporary_one() {
        long tutorId = data.tutor("Reset Tutor");
        String email = data.tutorLogin(tutorId, STRONG);
        long userId = jdbc.queryForObject("select id from users where email = ?", Long.class, email);
        signIn.as(demo.adminEmail());
        TemporaryPassword temporary = accounts.resetPassword(userId);
        assertThat(passwordEncoder.matches(STRONG, hashOf(email))).isFalse();
        assertThat(passwordEncoder.matches(temporary.password(), hashOf(email))).isTrue();
        assertThat(jdbc.queryForObject("select must_change_password from users where id = ?", Boolean.class, userId))
                .isTrue();
    }

    @Test
    void a_chosen_password_must_be_long_uncommon_and_new() {
        long tutorId = data.tutor("Password Tutor");
        String email = data.tutorLogin(tutorId, STRONG);
        signIn.as(email);
        assertThatThrownBy(() -> accounts.changeOwnPassword(STRONG, "short"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("at least 12 characters")
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("newPassword");
        assertThatThrownBy(() -> accounts.changeOwnPassword(STRONG, "password1234"))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> accounts.changeOwnPassword(STRONG, STRONG))
                .hasMessage("New password must differ from the current one");
        assertThatThrownBy(() -> accounts.changeOwnPassword("not my password", "amber walrus quietly juggles"))
                .hasMessage("Current password is not correct");
        assertThat(passwordEncoder.matches(STRONG, hashOf(email))).isTrue();

        accounts.changeOwnPassword(STRONG, "amber walrus quietly juggles");
        assertThat(passwordEncoder.matches("amber walrus quietly juggles", hashOf(email))).isTrue();
    }

    @Test
    void everyone_changes_their_own_name() {
        long tutorId = data.tutor("Profile Tutor");
        String email = data.tutorLogin(tutorId, STRONG);
        signIn.as(email);
        long version = accounts.myVersion();
        assertThatThrownBy(() -> accounts.updateOwnProfile(" ", version)).hasMessage("Name is required");

        accounts.updateOwnProfile("Pat Profile", version);
        assertThat(currentUsers.require().displayName()).isEqualTo("Pat Profile");
        assertThatThrownBy(() -> accounts.updateOwnProfile("Stale", version))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void tutors_cannot_invite_or_reset_and_admins_cannot_lock_themselves_out() {
        signIn.as(demo.enhancedTutorEmail());
        assertThatThrownBy(() -> accounts.inviteAdmin("x@example.org", "X")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(1)).isInstanceOf(AccessDeniedException.class);

        signIn.as(demo.adminEmail());
        long adminId = currentUsers.require().userId();
        assertThatThrownBy(() -> accounts.setEnabled(adminId, false)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void a_disabled_login_is_signed_out_at_once() {
        long tutorId = data.tutor("Disabled Tutor");
        String email = data.tutorLogin(tutorId, STRONG);
        long userId = jdbc.queryForObject("select id from users where email = ?", Long.class, email);
        signIn.as(email);
        assertThat(currentUsers.find()).isPresent();
        signIn.as(demo.adminEmail());
        accounts.setEnabled(userId, false);
        signIn.as(email);
        assertThat(currentUsers.find()).isEmpty();
        assertThat(currentUsers.signedInButDisabled()).isTrue();
    }

    @Test
    void a_deactivated_tutors_login_cannot_be_enabled_from_the_logins_page() {
        long tutor = data.tutor(TestData.unique("Departed"));
        String email = data.tutorLogin(tutor, STRONG);
        // What deactivating the tutor does (TutorService.setActive): the tutor and their login are switched off.
        jdbc.update("update tutors set active = false where id = ?", tutor);
        jdbc.update("update users set enabled = false where tutor_id = ?", tutor);
        long userId = jdbc.queryForObject("select id from users where tutor_id = ?", Long.class, tutor);

        signIn.as(demo.adminEmail());
        assertThatThrownBy(() -> accounts.setEnabled(userId, true)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("reactivate the tutor");
        assertThat(jdbc.queryForObject("select enabled from users where id = ?", Boolean.class, userId)).isFalse();
        signIn.as(email);
        assertThat(currentUsers.find()).isEmpty();
    }
}
