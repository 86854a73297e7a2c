package com.tutordesk.security;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * "The current user and what they may see": every service method that reads or changes business
 * data starts here, so that role and ownership rules hold whatever a view shows or hides.
 */
@Service
public class CurrentUserService {

    private static final String REQUEST_KEY = CurrentUserService.class.getName() + ".user";

    private final ObjectProvider<EnhancedAccessLookup> enhancedAccess;

    CurrentUserService(ObjectProvider<EnhancedAccessLookup> enhancedAccess) {
        this.enhancedAccess = enhancedAccess;
    }

    /**
     * @return the signed-in user, or empty outside a signed-in request (e.g. scheduled jobs). Within
     *         one HTTP request (one Vaadin round trip) the answer is computed once, so a page fetch
     *         does not look up the tutor's Enhanced Access again for its count.
     */
    public Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof CurrentUser
                cached && cached.userId() == principal.userId()) {
            return Optional.of(cached);
        }
        boolean enhanced = principal.role() == Role.TUTOR && principal.tutorId() != null
                && enhancedAccess.getIfAvailable(() -> tutorId -> false).hasEnhancedAccess(principal.tutorId());
        CurrentUser user = new CurrentUser(principal.userId(), principal.getUsername(), principal.displayName(),
                principal.role(), principal.tutorId(), enhanced);
        if (request != null) {
            request.setAttribute(REQUEST_KEY, user, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(user);
    }

    /**
     * @return the signed-in user
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
     */
    public CurrentUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
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
}
