package com.tutordesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call the Actuator endpoints ({@code /actuator/**}), in a filter chain of their own ahead of
 * the app's: the health probes ({@code /actuator/health}, {@code …/liveness}, {@code …/readiness}) are
 * open without login (they show a status only; details need the metrics login), for a load balancer,
 * Docker or an orchestrator; everything else is closed, except {@code /actuator/prometheus} for the
 * metrics login: user {@value #METRICS_USER} with HTTP Basic and the password
 * {@code TUTORDESK_METRICS_PASSWORD} (property {@code tutordesk.metrics.password}). Without that
 * password no one may scrape. Stateless: no session, no CSRF token (nothing here changes state).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    static final String METRICS_USER = "metrics";
    /** The role that sees health details and may scrape metrics (management.endpoint.health.roles). */
    static final String METRICS_ROLE = "METRICS";
    private static final String REALM = "Tutordesk metrics";

    private static final Logger log = LoggerFactory.getLogger(ActuatorSecurityConfiguration.class);

    @Bean
    @Order(2)
    SecurityFilterChain actuatorEndpoints(HttpSecurity http, PasswordEncoder passwordEncoder,
            @Value("${tutordesk.metrics.password:}") String metricsPassword,
            @Value("${management.prometheus.metrics.export.enabled:false}") boolean prometheus) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        DaoAuthenticationProvider metricsLogin = new DaoAuthenticationProvider(metricsUser(passwordEncoder,
                metricsPassword));
        metricsLogin.setPasswordEncoder(passwordEncoder);
        if (prometheus && metricsPassword.isBlank()) {
            log.warn("Prometheus metrics are on but TUTORDESK_METRICS_PASSWORD is not set: /actuator/prometheus"
                    + " refuses every scrape until it is");
        }
        http.securityMatcher(paths.matcher("/actuator/**"))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/actuator/health"),
                                paths.matcher(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/actuator/prometheus")).hasRole(METRICS_ROLE)
                        .anyRequest().denyAll())
                .authenticationManager(new ProviderManager(metricsLogin))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(ActuatorSecurityConfiguration::challenge))
                // 401 with a Basic challenge (also for a wrong password) and a bare 403, written here: sendError would dispatch to /error,
                // which the app's chain answers with a redirect to its login page (a scraper cannot sign in).
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ActuatorSecurityConfiguration::challenge)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(
                                HttpServletResponse.SC_FORBIDDEN)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    private static void challenge(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /** The one metrics login, or none (every scrape refused) while no password is set. */
    private static UserDetailsService metricsUser(PasswordEncoder passwordEncoder, String password) {
        if (password.isBlank()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(User.withUsername(METRICS_USER)
                .password(passwordEncoder.encode(password)).roles(METRICS_ROLE).build());
    }
}
