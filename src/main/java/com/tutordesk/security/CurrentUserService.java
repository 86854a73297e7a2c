package com.tutordesk.security;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * "The current user and what they may see": every service method that reads or changes business
 * data starts here, so that role and ownership rules hold whatever a view shows or hides.
 *
 * <p>The login is read from the database (one primary-key lookup, plus the tutor's Enhanced Access)
 * once per HTTP request — one Vaadin round trip — so that a disabled login, a changed name or
 * email, and a password that must be changed take effect at the next click, not at the next
 * sign-in, while a page fetch and its count do not look the user up twice. Outside a request (jobs,
 * tests) it is read on every call.
 *
 * <p>A session is accepted only while its login is enabled and still has the password it signed in
 * with (the principal's credentials stamp): a password change or an admin's reset ends every other
 * session of that login at its next request, on every node, because the check reads the database
 * ({@link SessionGuardFilter} signs such sessions out). The session that changed its own password
 * is renewed with the new stamp ({@link #renewSignIn}) and stays signed in.
 */
@Service
public class CurrentUserService {

    private static final String REQUEST_KEY = CurrentUserService.class.getName() + ".user";

    /** What one request knows about the caller. */
    private record Resolved(long userId, CurrentUser user, boolean mustChangePassword) {
    }

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
        return resolve(principal()).map(Resolved::user);
    }

    /** {@link #find()} for the person of this authentication (a filter's view of the request). */
    Optional<CurrentUser> find(Authentication authentication) {
        return resolve(principalOf(authentication)).map(Resolved::user);
    }

    /**
     * @return the signed-in staff member (admin or tutor), who has set their own password. Every
     *         service of the business's own pages starts here, so none of them serves a family's
     *         portal login, whatever they would do with its missing tutor id (domain.md "Client
     *         portal": anything else gets "not found"; the portal's services use {@link #requireClient()}).
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     * @throws PasswordChangeRequiredException while the login still has a temporary password: the
     *         person must choose their own before they may do anything else (issue 6)
     * @throws AccessDeniedException for a CLIENT login
     */
    public CurrentUser require() {
        CurrentUser user = requireAnyRole();
        if (user.isClient()) {
            throw new AccessDeniedException("Only the business's staff may do this");
        }
        return user;
    }

    /**
     * @return the signed-in family (a CLIENT login, {@link CurrentUser#clientId()} set), for the
     *         portal's services, which scope every read by that client id
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     * @throws AccessDeniedException for a staff login (staff use the business's own pages)
     */
    public CurrentUser requireClient() {
        CurrentUser user = requireAnyRole();
        if (!user.isClient()) {
            throw new AccessDeniedException("Only a client's portal login may do this");
        }
        return user;
    }

    /**
     * @return the signed-in person, staff or family, who has set their own password: only for the
     *         few services both may use on their own records (their calendar feed address)
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     * @throws PasswordChangeRequiredException while the login still has a temporary password
     */
    public CurrentUser requireAnyRole() {
        Resolved resolved = resolve(principal())
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
        if (resolved.mustChangePassword()) {
            throw new PasswordChangeRequiredException();
        }
        return resolved.user();
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
        return resolve(principal()).map(Resolved::mustChangePassword).orElse(false);
    }

    /**
     * @return whether someone signed in whose login no longer works (disabled or deleted since, or
     *         its password changed since this session signed in): they are signed out
     */
    public boolean signedInButDisabled() {
        return signedInButDisabled(principal());
    }

    /** {@link #signedInButDisabled()} for the person of this authentication (a filter's view of the request). */
    boolean signedInButDisabled(Authentication authentication) {
        return signedInButDisabled(principalOf(authentication));
    }

    private boolean signedInButDisabled(Optional<AccountPrincipal> principal) {
        return principal.isPresent() && resolve(principal).isEmpty();
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

    /**
     * Keeps the caller signed in after their own login's password changed: replaces the principal
     * (in this thread and in the HTTP session) with one carrying the new credentials stamp. Does
     * nothing when the caller is someone else.
     */
    void renewSignIn(UserAccount account) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof AccountPrincipal principal)
                || principal.userId() != account.getId()) {
            return;
        }
        AccountPrincipal renewed = AccountPrincipal.of(account);
        renewed.eraseCredentials();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                renewed, null, renewed.getAuthorities());
        authentication.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                // Where HttpSessionSecurityContextRepository keeps the signed-in context between requests.
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
        forgetForThisRequest();
    }

    /** Forgets what this request knew about the caller, after their own login changed. */
    void forgetForThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private Optional<Resolved> resolve(Optional<AccountPrincipal> principal) {
        if (principal.isEmpty()) {
            return Optional.empty();
        }
        long userId = principal.get().userId();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof Resolved
                cached && cached.userId() == userId) {
            return Optional.ofNullable(cached.user()).map(user -> cached);
        }
        String stamp = principal.get().credentialsStamp();
        Optional<Resolved> resolved = accounts.findById(userId)
                .filter(account -> account.isEnabled() && account.credentialsStamp().equals(stamp))
                .map(account -> new Resolved(userId, toCurrentUser(account), account.isMustChangePassword()));
        if (request != null) {
            request.setAttribute(REQUEST_KEY, resolved.orElse(new Resolved(userId, null, false)),
                    RequestAttributes.SCOPE_REQUEST);
        }
        return resolved;
    }

    private CurrentUser toCurrentUser(UserAccount account) {
        boolean enhanced = account.getRole() == Role.TUTOR && account.getTutorId() != null
                && enhancedAccess.getIfAvailable(() -> tutorId -> false).hasEnhancedAccess(account.getTutorId());
        return new CurrentUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getRole(),
                account.getTutorId(), enhanced, account.getClientId());
    }

    private Optional<AccountPrincipal> principal() {
        return principalOf(SecurityContextHolder.getContext().getAuthentication());
    }

    private static Optional<AccountPrincipal> principalOf(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        return Optional.of(principal);
    }
}
