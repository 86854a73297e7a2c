package com.tutordesk.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin of an empty installation from {@code TUTORDESK_ADMIN_EMAIL} and
 * {@code TUTORDESK_ADMIN_PASSWORD} (properties {@code tutordesk.admin.email/password}). Without
 * them an empty installation says in the log how to get in. Runs after the demo loader, which has
 * its own admin.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserAccountService accounts;
    private final String email;
    private final String password;

    FirstAdminBootstrap(UserAccountService accounts, @Value("${tutordesk.admin.email:}") String email,
            @Value("${tutordesk.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyLoginExists()) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.warn("No logins exist yet. Set TUTORDESK_ADMIN_EMAIL and TUTORDESK_ADMIN_PASSWORD (at least {}"
                    + " characters) and restart to create the first admin.", UserAccountService.PASSWORD_MIN_LENGTH);
            return;
        }
        accounts.createLoginUnchecked(email, "Administrator", Role.ADMIN, null, password);
        log.info("Created the first admin login {}", UserAccount.normalizeEmail(email));
    }
}
