package com.tutordesk.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in request tells besides email and password: the client address (for the per-address
 * limit) and the {@link KnownBrowserCookie} token, if the browser sent one.
 */
final class SignInDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient String knownBrowserToken;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.knownBrowserToken = KnownBrowserCookie.read(request);
    }

    /** @return the known-browser token the request carried, or {@code null} */
    String knownBrowserToken() {
        return knownBrowserToken;
    }
}
