package com.tutordesk.demo;

import com.tutordesk.security.LoginPageHints;
import java.util.List;

/**
 * The three demo logins: an admin, a tutor with Enhanced Access and a tutor without. Their
 * passwords are public on purpose; the demo business is only loaded when asked for.
 */
final class DemoLogins {

    static final LoginPageHints.DemoLogin ADMIN =
            new LoginPageHints.DemoLogin("Admin", "admin@example.org", "demo-admin-pass");
    static final String ENHANCED_TUTOR_PASSWORD = "demo-tutor-enhanced";
    static final String PLAIN_TUTOR_PASSWORD = "demo-tutor-plain";

    private DemoLogins() {
    }

    static List<LoginPageHints.DemoLogin> of(String enhancedTutorEmail, String plainTutorEmail) {
        return List.of(ADMIN,
                new LoginPageHints.DemoLogin("Tutor with Enhanced Access", enhancedTutorEmail, ENHANCED_TUTOR_PASSWORD),
                new LoginPageHints.DemoLogin("Tutor", plainTutorEmail, PLAIN_TUTOR_PASSWORD));
    }
}
