package com.tutordesk.security;

import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one's own sign-in email ("My account", issue 12), the way products that must not reveal
 * who has an account do it: the person types the new address and their password; a six-digit code
 * goes to the new address; the change takes effect when they type the code. The answer to the
 * request is the same whether or not the address already signs in to another login: in that case
 * the address's owner gets a notice instead of a code, so the change can never be confirmed and
 * nobody but the owner of that mailbox learns that the address is in use.
 *
 * <p>A code is valid {@value #CODE_VALID_MINUTES} minutes and allows {@value #MAX_WRONG_CODES}
 * wrong tries; a new code can be asked for once a minute (each request sends an email). The old
 * address is told about a completed change.
 */
@Service
public class SignInEmailChangeService {

    /** How long a code confirms a change, in minutes. */
    public static final int CODE_VALID_MINUTES = 30;
    static final int MAX_WRONG_CODES = 5;
    private static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInEmailChangeRepository changes;
    private final UserAccountRepository accounts;
    private final UserAccountService accountService;
    private final CurrentUserService currentUsers;
    private final AccountEmails emails;
    private final Clock clock;

    SignInEmailChangeService(SignInEmailChangeRepository changes, UserAccountRepository accounts,
            UserAccountService accountService, CurrentUserService currentUsers, AccountEmails emails, Clock clock) {
        this.changes = changes;
        this.accounts = accounts;
        this.accountService = accountService;
        this.currentUsers = currentUsers;
        this.emails = emails;
        this.clock = clock;
    }

    /**
     * Asks to change the signed-in person's sign-in email: sends a code to the new address (or, when
     * it already signs in to another login, a notice to its owner; the answer is the same).
     *
     * @param newEmail the new sign-in email
     * @param password the person's password
     * @return the pending change, with what happened to the email
     * @throws InvalidFieldException "newEmail" when malformed, too long or the current email, or when
     *         a code was sent less than a minute ago; "password" when wrong (counted like a wrong
     *         password at sign-in)
     */
    @Transactional
    public PendingEmailChange requestChange(String newEmail, String password) {
        CurrentUser user = currentUsers.require();
        UserAccount account = accounts.findById(user.userId()).orElseThrow();
        String normalized = Fields.email("newEmail", "New email", newEmail, UserAccount.EMAIL_MAX_LENGTH, true);
        if (normalized.equals(account.getEmail())) {
            throw new InvalidFieldException("newEmail", "This is already your sign-in email");
        }
        accountService.checkOwnPassword(account, password, "password", "Password is not correct");
        Instant now = clock.instant();
        Optional<SignInEmailChange> earlier = changes.findById(account.getId());
        if (earlier.isPresent() && earlier.get().requestedAt().plus(RESEND_AFTER).isAfter(now)) {
            throw new InvalidFieldException("newEmail", "A code was sent less than a minute ago. Wait a minute before"
                    + " asking for another.");
        }
        Instant expiresAt = now.plus(Duration.ofMinutes(CODE_VALID_MINUTES));
        AccountEmails.Delivery delivery;
        String codeHash;
        if (accounts.existsByEmail(normalized)) {
            codeHash = null;
            delivery = emails.sendAddressAlreadyUsed(account.getId(), normalized, account.getDisplayName());
        } else {
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            codeHash = hash(account.getId(), normalized, code);
            delivery = emails.sendEmailChangeCode(account.getId(), normalized, account.getDisplayName(), code,
                    CODE_VALID_MINUTES);
        }
        if (earlier.isPresent()) {
            earlier.get().renew(normalized, codeHash, now, expiresAt);
        } else {
            changes.save(new SignInEmailChange(account.getId(), normalized, codeHash, now, expiresAt));
        }
        return new PendingEmailChange(normalized, expiresAt, delivery);
    }

    /** @return the signed-in person's change waiting for its code, if any (not after it expired) */
    @Transactional(readOnly = true)
    public Optional<PendingEmailChange> pending() {
        CurrentUser user = currentUsers.require();
        Instant now = clock.instant();
        return changes.findById(user.userId())
                .filter(change -> change.expiresAt().isAfter(now))
                .map(change -> new PendingEmailChange(change.newEmail(), change.expiresAt(), null));
    }

    /**
     * Completes the signed-in person's pending change with the code from the email.
     *
     * @return the login as it is now
     * @throws InvalidFieldException "code" when there is no pending change, it expired, the code is
     *         wrong (after {@value #MAX_WRONG_CODES} wrong codes the change is dropped), or the address
     *         has meanwhile been taken by another login
     */
    @Transactional(noRollbackFor = InvalidFieldException.class)
    public LoginSummary confirm(String code) {
        CurrentUser user = currentUsers.require();
        UserAccount account = accounts.findById(user.userId()).orElseThrow();
        SignInEmailChange change = changes.findById(account.getId())
                .filter(c -> c.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new InvalidFieldException("code", "This code has expired. Ask for a new one."));
        String typed = code == null ? "" : code.strip();
        if (change.codeHash() == null || !MessageDigest.isEqual(change.codeHash().getBytes(StandardCharsets.US_ASCII),
                hash(account.getId(), change.newEmail(), typed).getBytes(StandardCharsets.US_ASCII))) {
            if (change.countWrongCode() >= MAX_WRONG_CODES) {
                changes.delete(change);
                throw new InvalidFieldException("code", "Too many wrong codes. Ask for a new one.");
            }
            throw new InvalidFieldException("code", "Code is not correct. Check the latest email and try again.");
        }
        changes.delete(change);
        if (accounts.existsByEmail(change.newEmail())) {
            // Only someone who reads that mailbox gets here, so saying it reveals nothing new.
            throw new InvalidFieldException("code", "This address now signs in to another login. Choose another.");
        }
        String oldEmail = account.getEmail();
        account.changeEmail(change.newEmail());
        LoginSummary saved = UserAccountService.summary(accounts.saveAndFlush(account));
        emails.sendEmailChanged(account.getId(), oldEmail, account.getDisplayName(), account.getEmail());
        currentUsers.forgetForThisRequest();
        return saved;
    }

    /** Drops the signed-in person's pending change, if any. */
    @Transactional
    public void cancel() {
        changes.findById(currentUsers.require().userId()).ifPresent(changes::delete);
    }

    private static String hash(long userId, String email, String code) {
        return Tokens.sha256Hex(userId + ":" + email + ":" + code);
    }
}
