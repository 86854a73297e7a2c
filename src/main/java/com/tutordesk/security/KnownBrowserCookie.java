package com.tutordesk.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookie that makes a browser a {@link KnownBrowser}: a random token, sent only with requests
 * to the sign-in page ({@code Path=/login}), HttpOnly, SameSite=Strict, Secure when the request
 * came over https, kept {@link LoginThrottleService#KNOWN_BROWSER_LIFETIME}.
 */
final class KnownBrowserCookie {

    static final String NAME = "tutordesk_browser";
    /** Session attribute: this session's browser has been remembered already. */
    static final String REMEMBERED = KnownBrowserCookie.class.getName() + ".remembered";

    private KnownBrowserCookie() {
    }

    /** @return the token the browser sent, or {@code null} */
    static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String token) {
        ResponseCookie cookie = ResponseCookie.from(NAME, token)
                .path("/" + SecurityConfiguration.LOGIN_ROUTE)
                .maxAge(LoginThrottleService.KNOWN_BROWSER_LIFETIME)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
