package com.tutordesk.security;

import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family changes its email in the portal (issue 18): the billing email is also the portal login's
 * sign-in email, so the change waits for a one-time link sent to the new address ({@link OneTimeLink}:
 * random, kept as SHA-256, single use, valid {@link #LINK_VALIDITY}). This service keeps the link and
 * changes the login; the portal module sends the emails and has the people module change the billing
 * email in the same transaction as {@link #confirm}.
 *
 * <p>Asking does not tell whether the address already signs in to another login (a family could
 * otherwise probe addresses); confirming does, clearly, because only the owner of that mailbox gets
 * there. A new link can be asked for once a minute: each request sends an email to an address the
 * family chose.
 */
@Service
public class ClientSignInEmailService {

    /** How long a confirm-new-email link works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(24);

    /** The message for a link that no longer works, whatever the reason (not telling which). */
    public static final String LINK_NOT_USABLE = "This confirmation link has expired, was already used or was"
            + " replaced by a newer one. Sign in to the portal with your current email and ask for a new link.";

    private static final Duration RESEND_AFTER = Duration.ofMinutes(1);

    private final ClientEmailChangeRepository changes;
    private final UserAccountRepository accounts;
    private final CurrentUserService currentUsers;
    private final Clock clock;

    ClientSignInEmailService(ClientEmailChangeRepository changes, UserAccountRepository accounts,
            CurrentUserService currentUsers, Clock clock) {
        this.changes = changes;
        this.accounts = accounts;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * A requested change: the raw token is returned once, for the link in the email, and never stored.
     *
     * @param token       43 characters, base64url
     * @param newEmail    the requested address (stripped, lower case)
     * @param displayName the login's name, to greet
     * @param expiresAt   when the link stops working (UTC)
     */
    public record Request(String token, String newEmail, String displayName, Instant expiresAt) {
    }

    /**
     * What the confirmation page shows for a working link.
     *
     * @param newEmail  the address the family will sign in with
     * @param expiresAt when the link stops working (UTC)
     */
    public record Preview(String newEmail, Instant expiresAt) {
    }

    /**
     * The signed-in family asks to change its email; earlier open links of the family stop working.
     *
     * @param clientId the family's client (another family's id is "not found")
     * @param newEmail the new address
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws NotFoundException when {@code clientId} is not the caller's family
     * @throws InvalidFieldException "email" when missing, malformed, too long or the current email, or
     *         when a link was sent less than a minute ago
     */
    @Transactional
    public Request request(long clientId, String newEmail) {
        UserAccount account = ownLogin(clientId);
        String normalized = Fields.email("email", "New email", newEmail, UserAccount.EMAIL_MAX_LENGTH, true);
        if (normalized.equals(account.getEmail())) {
            throw new InvalidFieldException("email", "This is already your email");
        }
        Instant now = clock.instant();
        Optional<ClientEmailChange> latest = changes.findFirstByClientIdOrderByLinkCreatedAtDescIdDesc(clientId);
        if (latest.isPresent() && latest.get().link().createdAt().plus(RESEND_AFTER).isAfter(now)) {
            throw new InvalidFieldException("email", "A confirmation link was sent less than a minute ago. Wait a"
                    + " minute before asking for another.");
        }
        changes.findOpenByClientId(clientId).forEach(open -> open.link().revoke(now));
        OneTimeLink.Issued link = OneTimeLink.issue(now, LINK_VALIDITY);
        changes.saveAndFlush(new ClientEmailChange(clientId, normalized, link.link()));
        return new Request(link.token(), normalized, account.getDisplayName(), link.link().expiresAt());
    }

    /**
     * @return the signed-in family's open request (not used, revoked or expired), if any
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is a family
     * @throws NotFoundException when {@code clientId} is not the caller's family
     */
    @Transactional(readOnly = true)
    public Optional<Preview> pending(long clientId) {
        ownLogin(clientId);
        Instant now = clock.instant();
        return changes.findFirstByClientIdOrderByLinkCreatedAtDescIdDesc(clientId)
                .filter(change -> change.link().usableAt(now))
                .map(change -> new Preview(change.newEmail(), change.link().expiresAt()));
    }

    /**
     * @param token the token from the link (anyone may ask: the token is the key)
     * @return what the confirmation page shows, or empty when the link does not work
     */
    @Transactional(readOnly = true)
    public Optional<Preview> preview(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return changes.findByTokenHash(OneTimeLink.digest(token))
                .filter(change -> change.link().usableAt(now))
                .map(change -> new Preview(change.newEmail(), change.link().expiresAt()));
    }

    /**
     * Confirms a change from its link: the family's portal login signs in with the new address from
     * now on, and the link is used up. Needs no sign-in (the token is the key; the link may be opened
     * on another device). The caller changes the billing email in the same transaction.
     *
     * @return the proof of the change, for the billing email and the notice to the old address
     * @throws RuleViolationException {@link #LINK_NOT_USABLE} when the link is unknown, used, revoked or
     *         expired, or the family's login is gone or disabled; another message when the address has
     *         meanwhile become another login's sign-in email
     */
    @Transactional
    public ConfirmedEmailChange confirm(String token) {
        Instant now = clock.instant();
        ClientEmailChange change = token == null || token.isBlank() ? null
                : changes.lockByTokenHash(OneTimeLink.digest(token)).orElse(null);
        UserAccount account = change == null ? null : accounts.findByClientId(change.clientId()).orElse(null);
        if (change == null || !change.link().usableAt(now) || account == null || !account.isEnabled()) {
            throw new RuleViolationException(LINK_NOT_USABLE);
        }
        Optional<UserAccount> holder = accounts.findByEmail(change.newEmail());
        if (holder.isPresent() && !holder.get().getId().equals(account.getId())) {
            throw new RuleViolationException(change.newEmail() + " already signs in to another login, so it cannot"
                    + " also be your family's email. Sign in to the portal with your current email and choose"
                    + " another address, or ask the office.");
        }
        String oldEmail = account.getEmail();
        account.changeEmail(change.newEmail());
        accounts.saveAndFlush(account);
        change.link().markUsed(now);
        changes.findOpenByClientId(change.clientId()).forEach(open -> open.link().revoke(now));
        changes.flush();
        currentUsers.forgetForThisRequest();
        return new ConfirmedEmailChange(change.clientId(), oldEmail, change.newEmail());
    }

    private UserAccount ownLogin(long clientId) {
        CurrentUser family = currentUsers.requireClient();
        if (!Long.valueOf(clientId).equals(family.clientId())) {
            throw new NotFoundException("Client", clientId);
        }
        return accounts.findById(family.userId()).orElseThrow(() -> new NotFoundException("Client", clientId));
    }
}
