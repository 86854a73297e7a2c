package com.tutordesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.portal.PortalFixture;
import com.tutordesk.portal.PortalInvitationService;
import com.tutordesk.portal.PortalService;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestClock;
import com.tutordesk.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * A family's login through the real sign-in form (issue 18): invite → set password → sign in, with
 * the same throttling as staff, and no sign-in once the portal login is disabled.
 */
@IntegrationTest
class ClientSignInIT {

    @Autowired
    WebApplicationContext context;
    @Autowired
    AuthenticationManager authentication;
    @Autowired
    PortalInvitationService invitations;
    @Autowired
    PortalService portal;
    @Autowired
    SignIn signIn;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    FormSignIn form;
    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        clock.reset();
        form = new FormSignIn(context);
        demo = DemoAccounts.read(jdbc);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        clock.reset();
    }

    private PortalFixture invitedAndAccepted() {
        PortalFixture family = PortalFixture.create(jdbc, data, "Sign-in");
        signIn.as(demo.adminEmail());
        invitations.invite(family.clientId);
        signIn.out();
        portal.acceptInvitation(PortalFixture.latestInvitationToken(jdbc, family.clientId), PortalFixture.STRONG);
        return family;
    }

    @Test
    void an_invited_parent_sets_a_password_and_signs_in_on_the_staff_sign_in_page() throws Exception {
        PortalFixture family = invitedAndAccepted();

        MvcResult wrong = form.signIn(family.contactEmail, "not the password at all", FormSignIn.newAddress());
        assertThat(FormSignIn.signedIn(wrong)).isFalse();
        MvcResult result = form.signIn(family.contactEmail, PortalFixture.STRONG, FormSignIn.newAddress());
        assertThat(FormSignIn.signedIn(result)).isTrue();
        assertThat(FormSignIn.reachedTheApp(form.page("/portal", FormSignIn.session(result)))).isTrue();
        assertThat(jdbc.queryForObject("select last_login_at is not null from users where client_id = ?",
                Boolean.class, family.clientId)).isTrue();
    }

    @Test
    void a_parents_wrong_passwords_pause_sign_in_as_for_staff() {
        PortalFixture family = invitedAndAccepted();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    family.contactEmail, "wrong-password"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                family.contactEmail, "wrong-password"))).isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                family.contactEmail, PortalFixture.STRONG))).as("paused even with the right password")
                .isInstanceOf(LockedException.class);
    }

    @Test
    void a_disabled_portal_login_cannot_sign_in() throws Exception {
        PortalFixture family = invitedAndAccepted();
        signIn.as(demo.adminEmail());
        invitations.disable(family.clientId);
        signIn.out();

        assertThat(FormSignIn.signedIn(form.signIn(family.contactEmail, PortalFixture.STRONG, FormSignIn.newAddress())))
                .isFalse();
    }
}
