package com.tutordesk.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with 503 "starting" until the application is ready to serve people: the web
 * server listens before the start-up work has run (demo business, first admin — see
 * {@code security.FirstStart}), and a login page served then would refuse logins that a moment later
 * exist. The same while the node shuts down. Readiness is Spring Boot's (ready after every start-up
 * runner); only the health probes under {@code /actuator/health} pass, so that a load balancer or
 * orchestrator sees "not ready" rather than nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupGate extends OncePerRequestFilter {

    static final String HEALTH_PATH = "/actuator/health";
    static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tutordesk is starting</title>
            <meta http-equiv="refresh" content="5"></head><body style="font-family: sans-serif; margin: 3em">
            <h1>Tutordesk is starting</h1><p>This page reloads by itself in a few seconds.</p></body></html>
            """;

    private final ApplicationAvailability availability;

    StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || request.getRequestURI().startsWith(request.getContextPath() + HEALTH_PATH)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
}
