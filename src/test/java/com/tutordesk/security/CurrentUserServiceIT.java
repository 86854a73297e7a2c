package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** "The current user and what they may see" follows domain.md's roles table. */
@IntegrationTest
class CurrentUserServiceIT {

    @Autowired
    CurrentUserService currentUsers;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    com.tutordesk.settings.SettingsService settings;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        setBusinessDefault(false);
        signIn.out();
    }

    private void setBusinessDefault(boolean enhancedAccess) {
        signIn.as(demo.adminEmail());
        settings.update(settings.profile().withTutorsEnhancedAccess(enhancedAccess));
    }

    @Test
    void an_admin_sees_all_sessions_and_client_amounts() {
        signIn.as(demo.adminEmail());
        CurrentUser user = currentUsers.require();
        assertThat(user.isAdmin()).isTrue();
        assertThat(user.sessionScopeTutorId()).isNull();
        assertThat(user.maySeeSessionsOf(demo.plainTutorId())).isTrue();
        assertThat(user.maySeeClientAmounts()).isTrue();
        assertThat(currentUsers.requireAdmin()).isEqualTo(user);
    }

    @Test
    void a_plain_tutor_sees_only_their_own_sessions_and_no_client_amounts() {
        signIn.as(demo.plainTutorEmail());
        CurrentUser user = currentUsers.require();
        assertThat(user.isTutor()).isTrue();
        assertThat(user.sessionScopeTutorId()).isEqualTo(demo.plainTutorId());
        assertThat(user.maySeeSessionsOf(demo.plainTutorId())).isTrue();
        assertThat(user.maySeeSessionsOf(demo.enhancedTutorId())).isFalse();
        assertThat(user.maySeeClientAmounts()).isFalse();
        assertThatThrownBy(currentUsers::requireAdmin).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_tutor_with_enhanced_access_sees_client_amounts_of_their_own_sessions() {
        signIn.as(demo.enhancedTutorEmail());
        CurrentUser user = currentUsers.require();
        assertThat(user.enhancedAccess()).isTrue();
        assertThat(user.sessionScopeTutorId()).isEqualTo(demo.enhancedTutorId());
        assertThat(user.maySeeClientAmounts()).isTrue();
        assertThat(user.roleLabel()).isEqualTo("Tutor (Enhanced Access)");
    }

    @Test
    void enhanced_access_follows_the_business_default_unless_the_tutor_overrides_it() {
        long defaulted = data.tutor("Default Tutor");
        String defaultedLogin = data.tutorLogin(defaulted, "a-long-test-password");
        long overridden = data.tutor("Overridden Tutor");
        data.setTutorEnhancedAccess(overridden, false);
        String overriddenLogin = data.tutorLogin(overridden, "a-long-test-password");

        setBusinessDefault(true);

        signIn.as(defaultedLogin);
        assertThat(currentUsers.require().enhancedAccess()).isTrue();
        signIn.as(overriddenLogin);
        assertThat(currentUsers.require().enhancedAccess()).isFalse();

        setBusinessDefault(false);
        signIn.as(defaultedLogin);
        assertThat(currentUsers.require().enhancedAccess()).isFalse();
    }

    @Test
    void nobody_signed_in_is_refused() {
        signIn.out();
        assertThat(currentUsers.find()).isEmpty();
        assertThatThrownBy(currentUsers::require).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
