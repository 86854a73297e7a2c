package com.tutordesk.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and looks up logins. Passwords are hashed with the {@code DelegatingPasswordEncoder}
 * (bcrypt today, upgradable without a migration because the hash names its algorithm).
 */
@Service
public class UserAccountService {

    /** Minimum password length (issue "My account": length &ge; 12). */
    public static final int PASSWORD_MIN_LENGTH = 12;

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            CurrentUserService currentUsers, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * Creates a login. Only admins may create logins.
     *
     * @param tutorId the tutor a TUTOR login belongs to; must be {@code null} for ADMIN
     * @return the new account's id
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     * @throws IllegalArgumentException when the email is taken, or the role and tutor do not fit
     */
    @Transactional
    public long createLogin(String email, String displayName, Role role, Long tutorId, String rawPassword) {
        currentUsers.requireAdmin();
        return createLoginUnchecked(email, displayName, role, tutorId, rawPassword);
    }

    /**
     * Creates a login without a caller check, for bootstrapping (the demo business, the first admin
     * of an empty installation). Not reachable from any view.
     */
    @Transactional
    public long createLoginUnchecked(String email, String displayName, Role role, Long tutorId, String rawPassword) {
        String normalized = UserAccount.normalizeEmail(email);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("Email is required");
        }
        if (accounts.existsByEmail(normalized)) {
            throw new IllegalArgumentException("Email " + normalized + " already has a login");
        }
        if ((role == Role.TUTOR) != (tutorId != null)) {
            throw new IllegalArgumentException("A tutor login needs a tutor; an admin login has none");
        }
        if (rawPassword == null || rawPassword.length() < PASSWORD_MIN_LENGTH) {
            throw new IllegalArgumentException("Password must have at least " + PASSWORD_MIN_LENGTH + " characters");
        }
        UserAccount account = new UserAccount(normalized, passwordEncoder.encode(rawPassword), displayName, role,
                tutorId, clock.instant());
        return accounts.saveAndFlush(account).getId();
    }

    /** @return whether any login exists (an empty installation has none) */
    @Transactional(readOnly = true)
    public boolean anyLoginExists() {
        return accounts.count() > 0;
    }

    /** @return the login linked to a tutor, if any */
    @Transactional(readOnly = true)
    public Optional<String> loginEmailOfTutor(long tutorId) {
        return accounts.findByTutorId(tutorId).map(UserAccount::getEmail);
    }

    @Transactional
    void recordLogin(String email) {
        accounts.findByEmail(UserAccount.normalizeEmail(email)).ifPresent(a -> a.recordLogin(clock.instant()));
    }
}
