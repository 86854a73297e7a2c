package com.tutordesk.demo;

import com.tutordesk.security.LoginPageHints;
import com.tutordesk.security.UserAccountService;
import java.util.List;

/**
 * The three demo logins: an admin, a tutor with Enhanced Access and a tutor without. In the embedded
 * default run their passwords are public on purpose (printed, shown on the login page and in the
 * README); anywhere else each gets a random password, printed once, that must be changed at the
 * first sign-in (issue 12: a database reachable from a network must not open with a published password).
 */
final class DemoLogins {

    static final LoginPageHints.DemoLogin ADMIN =
            new LoginPageHints.DemoLogin("Admin", "admin@example.org", "demo-admin-pass");
    static final String ENHANCED_TUTOR_PASSWORD = "demo-tutor-enhanced";
    static final String PLAIN_TUTOR_PASSWORD = "demo-tutor-plain";

    private DemoLogins() {
    }

    /** @return the demo logins with their public passwords */
    static List<LoginPageHints.DemoLogin> of(String enhancedTutorEmail, String plainTutorEmail) {
        return List.of(ADMIN,
                new LoginPageHints.DemoLogin("Tutor with Enhanced Access", enhancedTutorEmail, ENHANCED_TUTOR_PASSWORD),
                new LoginPageHints.DemoLogin("Tutor", plainTutorEmail, PLAIN_TUTOR_PASSWORD));
    }

    /** @return the demo logins, each with a fresh random password */
    static List<LoginPageHints.DemoLogin> withRandomPasswords(String enhancedTutorEmail, String plainTutorEmail) {
        return of(enhancedTutorEmail, plainTutorEmail).stream()
                .map(login -> new LoginPageHints.DemoLogin(login.role(), login.email(),
                        UserAccountService.temporaryPassword()))
                .toList();
    }
}
