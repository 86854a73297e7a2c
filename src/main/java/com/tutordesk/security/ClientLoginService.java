package com.tutordesk.security;

import com.tutordesk.shared.Fields;
import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.RuleViolationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal logins of clients (domain.md "Client portal": one CLIENT login per client, for the
 * billing contact, made by an invitation email with a one-time link to set a password, valid 7 days,
 * which can be sent again).
 *
 * <p>An invitation's token is 256 random bits, kept only as its SHA-256 digest, usable once, until it
 * expires; a new invitation or "Disable portal login" revokes the open ones. Accepting it creates the
 * client's login, or gives an existing (possibly disabled) one a new password and the invited email,
 * and enables it. The chosen password must pass {@link PasswordPolicy}; sign-in then goes through the
 * same throttled login page as staff.
 *
 * <p>This module does not know which clients a staff member may manage: the caller (the portal
 * module) checks that before {@link #invite}, {@link #status} and {@link #disable}; these check only
 * that the caller is staff.
 */
@Service
public class ClientLoginService {

    /** How long an invitation link works (domain.md "Client portal": valid 7 days). */
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    /** The message for a link that no longer works, whatever the reason (not telling which). */
    public static final String LINK_NOT_USABLE = "This invitation link has expired or was already used. Ask the"
            + " office to send a new invitation.";

    private final PortalInvitationRepository invitations;
    private final ClientEmailChangeRepository emailChanges;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUserService currentUsers;
    private final Clock clock;
    private final String publicUrl;

    ClientLoginService(PortalInvitationRepository invitations, ClientEmailChangeRepository emailChanges,
            UserAccountRepository accounts,
            PasswordEncoder passwordEncoder, CurrentUserService currentUsers, Clock clock,
            @Value("${tutordesk.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.invitations = invitations;
        this.emailChanges = emailChanges;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUsers = currentUsers;
        this.clock = clock;
        String url = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where a client stands with the portal. */
    public enum State {
        /** Never invited, or the last invitation lapsed without a login. */
        NEVER,
        /** An invitation link is open (not used, not expired) and no login signs in yet. */
        INVITED,
        /** The login signs in. */
        ACTIVE,
        /** The login exists but was disabled ("Disable portal login"). */
        DISABLED
    }

    /**
     * @param state              see {@link State}
     * @param loginEmail         the login's sign-in email, or {@code null} without a login
     * @param lastSignInAt       the login's last sign-in (UTC), or {@code null}
     * @param invitedEmail       the address of the latest invitation, or {@code null}
     * @param invitedAt          when the latest invitation was made (UTC), or {@code null}
     * @param invitationExpiresAt when the open invitation's link stops working (UTC), or {@code null}
     *                           when none is open
     */
    public record Status(State state, String loginEmail, Instant lastSignInAt, String invitedEmail, Instant invitedAt,
            Instant invitationExpiresAt) {
    }

    /**
     * A new invitation: the raw token is returned once, for the link in the email, and never stored.
     *
     * @param token     43 characters, base64url
     * @param email     the invited address, as stored (trimmed, lower case)
     * @param expiresAt when the link stops working (UTC)
     */
    public record Invitation(String token, String email, Instant expiresAt) {
    }

    /**
     * What the set-password page shows for a working link.
     *
     * @param email       the address the login will sign in with
     * @param displayName the billing contact's name
     * @param expiresAt   when the link stops working (UTC)
     */
    public record InvitationPreview(String email, String displayName, Instant expiresAt) {
    }

    /**
     * Invites a client's billing contact: revokes the client's open invitations and makes a new one.
     * The caller must have checked that the staff member may manage this client, and sends the email.
     *
     * @param clientId    the client
     * @param email       the billing contact's email (the login's sign-in email)
     * @param displayName the billing contact's name
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is staff
     * @throws InvalidFieldException "email" when missing or malformed, or when the address already
     *         signs in to another login (staff, or another client)
     */
    @Transactional
    public Invitation invite(long clientId, String email, String displayName) {
        CurrentUser staff = currentUsers.require();
        String normalized = Fields.email("email", "Billing contact email", email, UserAccount.EMAIL_MAX_LENGTH, true);
        String name = Fields.required("name", "Billing contact name", displayName, UserAccount.NAME_MAX_LENGTH);
        requireAddressFree(clientId, normalized);
        Instant now = clock.instant();
        invitations.findOpenByClientId(clientId).forEach(open -> open.revoke(now));
        OneTimeLink.Issued link = OneTimeLink.issue(now, INVITATION_VALIDITY);
        invitations.saveAndFlush(new PortalInvitation(clientId, normalized, name, link.link(), staff.userId()));
        return new Invitation(link.token(), normalized, link.link().expiresAt());
    }

    /**
     * @param token the token from the link (anyone may ask: the token is the key)
     * @return what the set-password page shows, or empty when the link does not work (unknown,
     *         used, revoked or expired — not telling which)
     */
    @Transactional(readOnly = true)
    public Optional<InvitationPreview> preview(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.findByTokenHash(OneTimeLink.digest(token))
                .filter(invitation -> invitation.usableAt(now))
                .map(invitation -> new InvitationPreview(invitation.getEmail(), invitation.getDisplayName(),
                        invitation.getExpiresAt()));
    }

    /**
     * Accepts an invitation: sets the password of the client's login (creating it, or re-enabling a
     * disabled one under the invited email) and uses the link up. Needs no sign-in: the token is the
     * key. Every other open invitation of the client is revoked.
     *
     * @param token    the token from the link
     * @param password the chosen password; must pass {@link PasswordPolicy}
     * @return the sign-in email of the login
     * @throws RuleViolationException {@link #LINK_NOT_USABLE} when the link is unknown, used, revoked
     *         or expired
     * @throws InvalidFieldException "password" when the policy refuses it (the message says why)
     * @throws InvalidFieldException "email" when the invited address has meanwhile become another
     *         login's sign-in email
     */
    @Transactional
    public String accept(String token, String password) {
        Instant now = clock.instant();
        PortalInvitation invitation = token == null || token.isBlank() ? null
                : invitations.lockByTokenHash(OneTimeLink.digest(token)).orElse(null);
        if (invitation == null || !invitation.usableAt(now)) {
            throw new RuleViolationException(LINK_NOT_USABLE);
        }
        Optional<String> problem = PasswordPolicy.problem(password,
                List.of(invitation.getEmail(), invitation.getDisplayName()));
        if (problem.isPresent()) {
            throw new InvalidFieldException("password", problem.get());
        }
        requireAddressFree(invitation.getClientId(), invitation.getEmail());
        String hash = passwordEncoder.encode(password);
        UserAccount account = accounts.findByClientId(invitation.getClientId()).orElse(null);
        if (account == null) {
            account = UserAccount.forClient(invitation.getClientId(), invitation.getEmail(), hash,
                    invitation.getDisplayName(), now);
        } else {
            account.changeEmail(invitation.getEmail());
            account.rename(invitation.getDisplayName());
            account.setPassword(hash, false);
            account.setEnabled(true);
        }
        accounts.saveAndFlush(account);
        invitation.markUsed(now);
        invitations.findOpenByClientId(invitation.getClientId()).forEach(open -> open.revoke(now));
        invitations.flush();
        return account.getEmail();
    }

    /**
     * @return where the client stands with the portal
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is staff
     */
    @Transactional(readOnly = true)
    public Status status(long clientId) {
        currentUsers.require();
        Instant now = clock.instant();
        Optional<UserAccount> login = accounts.findByClientId(clientId);
        Optional<PortalInvitation> latest = invitations.findFirstByClientIdOrderByLinkCreatedAtDescIdDesc(clientId);
        Instant openUntil = latest.filter(i -> i.usableAt(now)).map(PortalInvitation::getExpiresAt).orElse(null);
        State state;
        if (login.isPresent()) {
            state = login.get().isEnabled() ? State.ACTIVE : State.DISABLED;
        } else {
            state = openUntil != null ? State.INVITED : State.NEVER;
        }
        return new Status(state, login.map(UserAccount::getEmail).orElse(null),
                login.map(UserAccount::getLastLoginAt).orElse(null),
                latest.map(PortalInvitation::getEmail).orElse(null),
                latest.map(PortalInvitation::getCreatedAt).orElse(null), openUntil);
    }

    /**
     * "Disable portal login": the client's login can no longer sign in (its sessions end at their
     * next request, {@link CurrentUserService}) and its open invitations and confirm-new-email links
     * ({@link ClientSignInEmailService}) stop working. A new
     * invitation enables it again once accepted.
     *
     * @throws org.springframework.security.access.AccessDeniedException unless the caller is staff
     */
    @Transactional
    public void disable(long clientId) {
        currentUsers.require();
        Instant now = clock.instant();
        invitations.findOpenByClientId(clientId).forEach(open -> open.revoke(now));
        emailChanges.findOpenByClientId(clientId).forEach(open -> open.link().revoke(now));
        emailChanges.flush();
        accounts.findByClientId(clientId).ifPresent(account -> {
            account.setEnabled(false);
            accounts.saveAndFlush(account);
        });
        invitations.flush();
    }

    /**
     * @param path a path of the portal without a leading slash, e.g. "portal/invoices/12"
     * @return the absolute address of it, on the app's public address ({@code tutordesk.portal.public-url},
     *         {@code TUTORDESK_PUBLIC_URL}; never the request's Host header), for links in emails
     */
    public URI portalAddress(String path) {
        return URI.create(publicUrl + "/" + path);
    }

    /**
     * "See it in your portal" (issue 18): the link an email about the client's records carries, only
     * while the family has an enabled portal login. No caller check: emails are composed by jobs too,
     * and it tells only whether the business's own email gets a link.
     *
     * @param path as for {@link #portalAddress}
     * @return the link, or empty when the client has no enabled login
     */
    @Transactional(readOnly = true)
    public Optional<URI> portalLink(long clientId, String path) {
        return accounts.findByClientId(clientId).filter(UserAccount::isEnabled).map(account -> portalAddress(path));
    }

    private void requireAddressFree(long clientId, String email) {
        Optional<UserAccount> holder = accounts.findByEmail(email);
        if (holder.isPresent() && !Long.valueOf(clientId).equals(holder.get().getClientId())) {
            throw new InvalidFieldException("email", "Email " + email + " already signs in to another login: give"
                    + " this client another billing contact email for the portal");
        }
    }
}
