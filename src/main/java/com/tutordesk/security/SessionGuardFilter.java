package com.tutordesk.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.shared.ApplicationConstants;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends HTTP sessions that must not go on, before anything else reads them (issue 12):
 * <ul>
 * <li><b>Idle:</b> a session with no user action for {@code tutordesk.security.idle-timeout}
 * (default 8 hours) is signed out. Every request counts as an action except Vaadin's heartbeats,
 * which an open tab sends every few minutes by itself and which would otherwise keep the login
 * alive for ever. (Vaadin's own {@code closeIdleSessions} closes only the Vaadin session and leaves
 * the signed-in security context in the HTTP session, so a reload would sign the person straight
 * back in.) The servlet container's session timeout is set to the same value for tabs that were
 * closed and send nothing.</li>
 * <li><b>Login changed:</b> a session whose login was disabled or deleted, or whose password changed
 * since this session signed in (another session's change, an admin's reset), is signed out
 * ({@link CurrentUserService#signedInButDisabled()}, read from the database, so it holds on every
 * node).</li>
 * </ul>
 * Signing out invalidates the HTTP session; Vaadin then answers the tab's next request with
 * "session expired", the tab reloads and lands on the sign-in page. Also remembers the browser of
 * each new signed-in session ({@link KnownBrowserCookie}).
 */
final class SessionGuardFilter extends OncePerRequestFilter {

    /** Session attribute: epoch milliseconds of the last request that was not a heartbeat. */
    static final String LAST_ACTIVITY = SessionGuardFilter.class.getName() + ".lastActivity";

    private static final RequestMatcher STATIC_RESOURCES = new OrRequestMatcher(
            VaadinSecurityConfigurer.getDefaultHttpSecurityPermitMatcher(),
            VaadinSecurityConfigurer.getDefaultWebSecurityIgnoreMatcher());

    private final CurrentUserService currentUsers;
    private final LoginThrottleService throttle;
    private final Clock clock;
    private final Duration idleTimeout;
    private final RequestMatcher vaadinRequests;
    private final String loginPath;
    private final SecurityContextHolderStrategy securityContexts;

    /**
     * @param vaadinRequests   matches Vaadin's own requests (UIDL, heartbeats)
     * @param loginPath        where a page load of an ended session goes
     * @param securityContexts where the filter chain keeps this request's security context
     */
    SessionGuardFilter(CurrentUserService currentUsers, LoginThrottleService throttle, Clock clock,
            Duration idleTimeout, RequestMatcher vaadinRequests, String loginPath,
            SecurityContextHolderStrategy securityContexts) {
        this.currentUsers = currentUsers;
        this.throttle = throttle;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.vaadinRequests = vaadinRequests;
        this.loginPath = loginPath;
        this.securityContexts = securityContexts;
    }

    /** Invalidates the session and forgets the signed-in person for the rest of this request. */
    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextLogoutHandler handler = new SecurityContextLogoutHandler();
        handler.setSecurityContextHolderStrategy(securityContexts);
        handler.logout(request, response, securityContexts.getContext().getAuthentication());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && !STATIC_RESOURCES.matches(request)) {
            Authentication signedIn = securityContexts.getContext().getAuthentication();
            if (idle(session, request) || currentUsers.signedInButDisabled(signedIn)) {
                signOut(request, response);
                if (HttpMethod.GET.matches(request.getMethod()) && !vaadinRequests.matches(request)) {
                    // A page load: straight to the sign-in page. Vaadin's own requests go on, and Vaadin
                    // answers them with "session expired", which makes the tab reload.
                    response.sendRedirect(loginPath);
                    return;
                }
            } else if (session.getAttribute(KnownBrowserCookie.REMEMBERED) == null) {
                Optional<CurrentUser> user = currentUsers.find(signedIn);
                if (user.isPresent()) {
                    String token = throttle.rememberBrowser(user.get().userId(), KnownBrowserCookie.read(request));
                    KnownBrowserCookie.write(request, response, token);
                    session.setAttribute(KnownBrowserCookie.REMEMBERED, Boolean.TRUE);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** @return whether the session has seen no user action for the idle timeout; records this one */
    private boolean idle(HttpSession session, HttpServletRequest request) {
        long now = clock.millis();
        Object last = session.getAttribute(LAST_ACTIVITY);
        if (last instanceof Long lastActivity && now - lastActivity >= idleTimeout.toMillis()) {
            return true;
        }
        if (last == null || !isHeartbeat(request)) {
            session.setAttribute(LAST_ACTIVITY, now);
        }
        return false;
    }

    private static boolean isHeartbeat(HttpServletRequest request) {
        return HandlerHelper.RequestType.HEARTBEAT.getIdentifier()
                .equals(request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER));
    }
}
