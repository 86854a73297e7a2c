package com.tutordesk.shell;

import com.tutordesk.shared.NodeIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells a load balancer which node holds a browser's session: every response carries the cookie
 * {@value #NAME} with this node's name ({@link NodeIdentity}) when the browser's cookie says otherwise.
 * Sessions live in one node's memory, so the balancer must send a browser back to that node (docker/nginx.conf
 * maps the cookie to the node). A cookie of our own, because the session id changes at sign-in (so
 * hashing it would move a person to another node right after signing in), and because after a
 * failover the node that now holds the session sets it: the person stays there when the dead node
 * comes back, instead of losing the session a second time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NodeRouteCookie extends OncePerRequestFilter {

    static final String NAME = "tutordesk_node";

    private final NodeIdentity node;

    NodeRouteCookie(NodeIdentity node) {
        this.node = node;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!node.name().equals(current(request))) {
            response.addHeader("Set-Cookie", ResponseCookie.from(NAME, node.name())
                    .path("/")
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .build().toString());
        }
        chain.doFilter(request, response);
    }

    private static String current(HttpServletRequest request) {
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
}
