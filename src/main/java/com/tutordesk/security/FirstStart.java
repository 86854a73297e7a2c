package com.tutordesk.security;

import com.tutordesk.shared.ClusterLock;
import com.tutordesk.shared.Fields;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What an installation does at start-up before it serves anyone: under one cluster-wide lock (two
 * nodes starting together on an empty database do it once), every {@link FirstStartData} (the demo
 * business, when enabled) loads into an empty database, then the first admin is created from
 * {@code TUTORDESK_ADMIN_EMAIL} and {@code TUTORDESK_ADMIN_PASSWORD} (properties
 * {@code tutordesk.admin.email/password}) when the database had no login when this start began. The
 * log says what was done or why not. The application is not ready (readiness, and every page but the
 * health probes answers "starting") until this has run, so the login page never comes up before the
 * logins exist.
 *
 * <p>The admin password must pass {@link PasswordPolicy} like every other; a refused one stops the
 * start with the reason, before anything is written.
 */
@Component
class FirstStart implements ApplicationRunner {

    /** The name of the lock every node takes for its start-up work. */
    static final String LOCK = "tutordesk.first-start";
    /** Long enough for a million-session demo load on another node (about two minutes measured). */
    static final Duration LOCK_WAIT = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final UserAccountService accounts;
    private final ClusterLock lock;
    private final ObjectProvider<FirstStartData> data;
    private final String email;
    private final String password;

    FirstStart(UserAccountService accounts, ClusterLock lock, ObjectProvider<FirstStartData> data,
            @Value("${tutordesk.admin.email:}") String email, @Value("${tutordesk.admin.password:}") String password) {
        this.accounts = accounts;
        this.lock = lock;
        this.data = data;
        this.email = email == null ? "" : email.strip();
        this.password = password == null ? "" : password;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean adminRequested = !email.isBlank() || !password.isBlank();
        if (adminRequested) {
            refuseUnusableAdmin(email, password).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
        lock.runExclusively(LOCK, LOCK_WAIT, () -> {
            boolean noLoginsAtStart = !accounts.anyLoginExists();
            data.orderedStream().forEach(FirstStartData::loadIntoEmptyDatabase);
            if (adminRequested) {
                createFirstAdmin(noLoginsAtStart);
            } else if (!accounts.anyLoginExists()) {
                log.warn("No logins exist yet. Set TUTORDESK_ADMIN_EMAIL and TUTORDESK_ADMIN_PASSWORD (at least {}"
                        + " characters, not easy to guess) and restart to create the first admin.",
                        PasswordPolicy.MIN_LENGTH);
            }
            return null;
        });
    }

    private void createFirstAdmin(boolean noLoginsAtStart) {
        String normalized = UserAccount.normalizeEmail(email);
        if (accounts.loginExists(normalized)) {
            log.info("First admin: {} already has a login; TUTORDESK_ADMIN_EMAIL/PASSWORD changed nothing", normalized);
        } else if (!noLoginsAtStart) {
            log.info("First admin: not created: the database already had logins when this node started"
                    + " (TUTORDESK_ADMIN_EMAIL is used only on the first start of an empty installation;"
                    + " an admin invites further admins on the Logins page)");
        } else {
            accounts.createLoginUnchecked(normalized, "Administrator", Role.ADMIN, null, password);
            log.info("First admin: created the admin login {}", normalized);
        }
    }

    /**
     * @return why the first admin from the environment cannot be created, naming the variable, or
     *         empty when it can
     */
    static Optional<String> refuseUnusableAdmin(String email, String password) {
        if (email.isBlank() || password.isBlank()) {
            return Optional.of("Set both TUTORDESK_ADMIN_EMAIL and TUTORDESK_ADMIN_PASSWORD, or neither");
        }
        String normalized = UserAccount.normalizeEmail(email);
        if (!Fields.isEmail(normalized) || normalized.length() > UserAccount.EMAIL_MAX_LENGTH) {
            return Optional.of("TUTORDESK_ADMIN_EMAIL is not an email address: " + email);
        }
        return PasswordPolicy.problem(password, List.of(normalized, "Administrator"))
                .map(problem -> "TUTORDESK_ADMIN_PASSWORD refused: " + problem);
    }
}
