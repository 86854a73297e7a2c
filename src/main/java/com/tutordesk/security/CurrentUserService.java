package com.tutordesk.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * "The current user and what they may see": every service method that reads or changes business
 * data starts here, so that role and ownership rules hold whatever a view shows or hides.
 *
 * <p>The login is read from the database on each call (one primary-key lookup), so that a disabled
 * login, a changed name or email, and a password that must be changed take effect at once, not at
 * the next sign-in.
 */
@Service
public class CurrentUserService {

    private final ObjectProvider<EnhancedAccessLookup> enhancedAccess;
    private final UserAccountRepository accounts;

    CurrentUserService(ObjectProvider<EnhancedAccessLookup> enhancedAccess, UserAccountRepository accounts) {
        this.enhancedAccess = enhancedAccess;
        this.accounts = accounts;
    }

    /**
     * @return the signed-in user, or empty outside a signed-in request (e.g. scheduled jobs) and
     *         when the login has been disabled or deleted since sign-in
     */
    public Optional<CurrentUser> find() {
        return signedInAccount().map(this::toCurrentUser);
    }

    /**
     * @return the signed-in user, who has set their own password
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     * @throws PasswordChangeRequiredException while the login still has a temporary password: the
     *         person must choose their own before they may do anything else (issue 6)
     */
    public CurrentUser require() {
        UserAccount account = signedInAccount()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
        if (account.isMustChangePassword()) {
            throw new PasswordChangeRequiredException();
        }
        return toCurrentUser(account);
    }

    /**
     * @return the signed-in user even while their password must be changed; only for changing it
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     */
    public CurrentUser requireAllowingPasswordChange() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** @return whether the signed-in login must change its (temporary) password before anything else */
    public boolean passwordChangeDue() {
        return signedInAccount().map(UserAccount::isMustChangePassword).orElse(false);
    }

    /**
     * @return whether someone signed in whose login no longer works (disabled or deleted since):
     *         the shell signs them out
     */
    public boolean signedInButDisabled() {
        return principal().isPresent() && signedInAccount().isEmpty();
    }

    /**
     * @return the signed-in admin
     * @throws AccessDeniedException when the user is not an admin
     */
    public CurrentUser requireAdmin() {
        CurrentUser user = require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may do this");
        }
        return user;
    }

    private CurrentUser toCurrentUser(UserAccount account) {
        boolean enhanced = account.getRole() == Role.TUTOR && account.getTutorId() != null
                && enhancedAccess.getIfAvailable(() -> tutorId -> false).hasEnhancedAccess(account.getTutorId());
        return new CurrentUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole(),
                account.getTutorId(), enhanced);
    }

    private Optional<AccountPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    private Optional<UserAccount> signedInAccount() {
        return principal().flatMap(p -> accounts.findById(p.userId())).filter(UserAccount::isEnabled);
    }
}
