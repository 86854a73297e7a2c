package com.tutordesk.security;

import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, looks up and changes logins. Passwords are hashed with the {@code DelegatingPasswordEncoder}
 * (bcrypt today, upgradable without a migration because the hash names its algorithm).
 *
 * <p>Admins invite logins and reset passwords: the app makes up a temporary password, shows it
 * once, and the login must replace it at its next sign-in ({@link CurrentUserService#require()}
 * refuses everything else until then). Everyone may change their own name, email and password
 * (issue 6 "My account"); a chosen password must pass {@link PasswordPolicy}.
 */
@Service
public class UserAccountService {

    /** Minimum password length (issue "My account": length &ge; 12). */
    public static final int PASSWORD_MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

    /** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
    private static final char[] TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUserService currentUsers;
    private final Clock clock;
    private final ObjectProvider<TutorActiveLookup> tutorsActive;
    private final LoginThrottleService throttle;

    UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            CurrentUserService currentUsers, Clock clock, ObjectProvider<TutorActiveLookup> tutorsActive,
            LoginThrottleService throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.tutorsActive = tutorsActive;
        this.throttle = throttle;
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
     * Creates a login without a caller check, for bootstrapping (the first admin of an empty
     * installation). Not reachable from any view. The password must pass {@link PasswordPolicy}, as
     * every password a person chooses.
     *
     * @throws IllegalArgumentException when the email is taken, the role and tutor do not fit, or the
     *         password is refused (the message says why)
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
        Optional<String> problem = PasswordPolicy.problem(rawPassword, List.of(normalized, displayName));
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        UserAccount account = new UserAccount(normalized, passwordEncoder.encode(rawPassword), displayName, role,
                tutorId, clock.instant());
        return accounts.saveAndFlush(account).getId();
    }

    /**
     * Invites a tutor: creates the tutor's login with a temporary password. Called by the people
     * module, which checks that the tutor exists and is active.
     *
     * @param tutorId     the tutor (at most one login per tutor)
     * @param email       sign-in email (unique among logins)
     * @param displayName the tutor's name
     * @return the temporary password, to be shown once
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     * @throws InvalidFieldException "email" when missing, malformed or taken
     * @throws RuleViolationException when the tutor already has a login
     */
    @Transactional
    public TemporaryPassword inviteTutor(long tutorId, String email, String displayName) {
        currentUsers.requireAdmin();
        if (accounts.findByTutorId(tutorId).isPresent()) {
            throw new RuleViolationException("This tutor already has a login: reset its password instead.");
        }
        return invite(email, displayName, Role.TUTOR, tutorId);
    }

    /**
     * Invites another admin (office staff) with a temporary password.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     * @throws InvalidFieldException "email" or "name" naming the problem
     */
    @Transactional
    public TemporaryPassword inviteAdmin(String email, String displayName) {
        currentUsers.requireAdmin();
        return invite(email, displayName, Role.ADMIN, null);
    }

    /**
     * Replaces a login's password with a new temporary one that must be changed at the next sign-in,
     * and so signs that login out everywhere (every session that signed in with the old password ends
     * at its next request; {@link CurrentUserService}).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     * @throws NotFoundException when the login does not exist
     */
    @Transactional
    public TemporaryPassword resetPassword(long userId) {
        currentUsers.requireAdmin();
        UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("Login", userId));
        String temporary = temporaryPassword();
        account.setPassword(passwordEncoder.encode(temporary), true);
        accounts.saveAndFlush(account);
        currentUsers.renewSignIn(account);
        return new TemporaryPassword(account.getId(), account.getEmail(), temporary);
    }

    /**
     * Changes the signed-in person's own password. Every other session of this login ends at its
     * next request; this one stays signed in.
     *
     * @param currentPassword the password in use: the person's own, or the temporary one they signed
     *                        in with (so that someone at an unattended, freshly signed-in screen cannot
     *                        choose the password)
     * @param newPassword     the new password; must pass {@link PasswordPolicy}
     * @throws InvalidFieldException "currentPassword" when it is wrong (wrong tries count towards the
     *         sign-in pauses of this email, like wrong passwords at sign-in), "newPassword" when the new
     *         one is refused by the policy or equals the current one
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        CurrentUser user = currentUsers.requireAllowingPasswordChange();
        UserAccount account = accounts.findById(user.userId()).orElseThrow();
        checkOwnPassword(account, currentPassword, "currentPassword", "Current password is not correct");
        Optional<String> problem = PasswordPolicy.problem(newPassword,
                List.of(account.getEmail(), account.getDisplayName()));
        if (problem.isPresent()) {
            throw new InvalidFieldException("newPassword", problem.get());
        }
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new InvalidFieldException("newPassword", "New password must differ from the current one");
        }
        account.setPassword(passwordEncoder.encode(newPassword), false);
        accounts.saveAndFlush(account);
        currentUsers.renewSignIn(account);
    }

    /**
     * Checks a password the signed-in person typed to confirm a change to their own login.
     *
     * @throws InvalidFieldException {@code field} with {@code wrong} when it is not the login's
     *         password, or with the pause message while this email's sign-in is paused
     */
    void checkOwnPassword(UserAccount account, String password, String field, String wrong) {
        Optional<Duration> paused = throttle.pauseRemaining(account.getEmail());
        if (paused.isPresent()) {
            throw new InvalidFieldException(field, ThrottlingAuthenticationProvider.PAUSED
                    + SignInPauses.pausedFor(paused.get()));
        }
        if (password == null || !passwordEncoder.matches(password, account.getPasswordHash())) {
            throttle.recordFailure(account.getEmail());
            throw new InvalidFieldException(field, wrong);
        }
    }

    /**
     * Changes the signed-in person's own display name. (The sign-in email changes through
     * {@link SignInEmailChangeService}, which asks for the password and a code sent to the new address.)
     *
     * @param expectedVersion the login's version the form was read at (optimistic locking)
     * @throws InvalidFieldException "name" when blank or too long
     * @throws ObjectOptimisticLockingFailureException when the login changed since the form was read
     */
    @Transactional
    public LoginSummary updateOwnProfile(String displayName, long expectedVersion) {
        CurrentUser user = currentUsers.require();
        UserAccount account = accounts.findById(user.userId()).orElseThrow();
        requireVersion(account, expectedVersion);
        String name = Fields.required("name", "Name", displayName, UserAccount.NAME_MAX_LENGTH);
        account.rename(name);
        LoginSummary saved = summary(accounts.saveAndFlush(account));
        currentUsers.forgetForThisRequest();
        return saved;
    }

    /** @return the signed-in person's own login (also while a password change is due) */
    @Transactional(readOnly = true)
    public LoginSummary me() {
        CurrentUser user = currentUsers.requireAllowingPasswordChange();
        return summary(accounts.findById(user.userId()).orElseThrow());
    }

    /** @return the version of the signed-in person's login, for {@link #updateOwnProfile} */
    @Transactional(readOnly = true)
    public long myVersion() {
        return accounts.findById(currentUsers.require().userId()).orElseThrow().getVersion();
    }

    /**
     * Allows or stops a login from signing in. A disabled login is signed out at its next request.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     * @throws RuleViolationException for the admin's own login, the last enabled admin, or enabling
     *         the login of a deactivated tutor (who may not sign in: reactivate the tutor instead)
     */
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        CurrentUser admin = currentUsers.requireAdmin();
        UserAccount account = accounts.findById(userId).orElseThrow(() -> new NotFoundException("Login", userId));
        TutorActiveLookup tutors = tutorsActive.getIfAvailable();
        if (enabled && account.getTutorId() != null && tutors != null && !tutors.isActive(account.getTutorId())) {
            throw new RuleViolationException("This tutor is deactivated: reactivate the tutor on their page, which"
                    + " enables their login too.");
        }
        if (!enabled && account.getId() == admin.userId()) {
            throw new RuleViolationException("You cannot disable your own login.");
        }
        if (!enabled && account.getRole() == Role.ADMIN && account.isEnabled()
                && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
            throw new RuleViolationException("The business needs at least one admin who can sign in.");
        }
        account.setEnabled(enabled);
        accounts.saveAndFlush(account);
    }

    /**
     * Follows a tutor's active flag: a deactivated tutor cannot sign in; reactivating lets them in
     * again. Does nothing when the tutor has no login.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional
    public void setTutorLoginEnabled(long tutorId, boolean enabled) {
        currentUsers.requireAdmin();
        accounts.findByTutorId(tutorId).ifPresent(account -> {
            account.setEnabled(enabled);
            accounts.saveAndFlush(account);
        });
    }

    /**
     * Deletes a tutor's login, for deleting a tutor who never worked (no engagements).
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional
    public void deleteTutorLogin(long tutorId) {
        currentUsers.requireAdmin();
        accounts.findByTutorId(tutorId).ifPresent(account -> {
            accounts.delete(account);
            accounts.flush();
        });
    }

    /**
     * @return the login of a tutor, for the tutor page (admins, and the tutor themself)
     */
    @Transactional(readOnly = true)
    public Optional<LoginSummary> loginOfTutor(long tutorId) {
        CurrentUser user = currentUsers.require();
        if (!user.isAdmin() && !Long.valueOf(tutorId).equals(user.tutorId())) {
            return Optional.empty();
        }
        return accounts.findByTutorId(tutorId).map(UserAccountService::summary);
    }

    /**
     * @param search    part of an email or name, or blank for all
     * @param pageable  page and sort (properties of {@link LoginSummary}: email, displayName, role…)
     * @return a page of logins
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is an admin
     */
    @Transactional(readOnly = true)
    public Page<LoginSummary> list(String search, Pageable pageable) {
        currentUsers.requireAdmin();
        String term = search == null || search.isBlank() ? "" : "%" + search.strip().toLowerCase(Locale.ROOT) + "%";
        return accounts.findSummaries(term, pageable);
    }

    /** @return whether any login exists (an empty installation has none) */
    @Transactional(readOnly = true)
    public boolean anyLoginExists() {
        return accounts.count() > 0;
    }

    /** @return whether a login with this sign-in email exists (compared as stored: trimmed, lower case) */
    @Transactional(readOnly = true)
    public boolean loginExists(String email) {
        return accounts.existsByEmail(UserAccount.normalizeEmail(email));
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

    /**
     * @return a fresh random password such as "k7qm-x2pt-r4wz-h9nc" (about 79 bits of randomness), for
     *         a temporary password that must be changed at the next sign-in
     */
    public static String temporaryPassword() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(TEMPORARY_ALPHABET[RANDOM.nextInt(TEMPORARY_ALPHABET.length)]);
        }
        return password.toString();
    }

    private TemporaryPassword invite(String email, String displayName, Role role, Long tutorId) {
        String normalized = Fields.email("email", "Email", email, UserAccount.EMAIL_MAX_LENGTH, true);
        String name = Fields.required("name", "Name", displayName, UserAccount.NAME_MAX_LENGTH);
        if (accounts.existsByEmail(normalized)) {
            throw new InvalidFieldException("email", "Email " + normalized + " already has a login");
        }
        String temporary = temporaryPassword();
        UserAccount account = new UserAccount(normalized, passwordEncoder.encode(temporary), name, role, tutorId,
                clock.instant());
        account.setPassword(account.getPasswordHash(), true);
        long id = accounts.saveAndFlush(account).getId();
        return new TemporaryPassword(id, normalized, temporary);
    }

    private static void requireVersion(UserAccount account, long expectedVersion) {
        if (account.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(UserAccount.class, account.getId());
        }
    }

    static LoginSummary summary(UserAccount a) {
        return new LoginSummary(a.getId(), a.getEmail(), a.getDisplayName(), a.getRole(), a.getTutorId(),
                a.isEnabled(), a.isMustChangePassword(), a.getCreatedAt(), a.getLastLoginAt());
    }
}
